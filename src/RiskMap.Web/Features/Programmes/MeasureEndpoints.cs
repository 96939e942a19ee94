using RiskMap.Core.Indicators;
using RiskMap.Core.Programmes;
using RiskMap.Data.Access;
using RiskMap.Data.Programmes;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Programmes;

/// <summary>A programme's targets, the measures assigned to them, and quarterly progress (docs/programmes-api.md).</summary>
public static class MeasureEndpoints
{
    public sealed record TargetBody(string? Level, string? Code);

    public sealed record MeasureBody(string? MeasureCode, string? Responsible, string? FormOfCompletion, string? Deadline, decimal? FundingAmount,
        string? FundingSource, string? Status);

    public sealed record ProgressBody(string? Quarter, string? Note, int? Percent, string? Status);

    public static void MapMeasureEndpoints(this IEndpointRouteBuilder api)
    {
        var programme = api.MapGroup("/programmes/{id:long}").WithTags("Programmes");

        programme.MapPost("/targets", async (HttpContext http, ProgrammeStore store, long id, TargetBody body) =>
            {
                var (head, refusal) = await http.CallerScope().ReadableAsync(store, id, write: true);
                if (head is null) return refusal!;
                var region = head.RegionKato;
                var level = body.Level?.Trim().ToLowerInvariant();
                var code = body.Code?.Trim() ?? "";
                var unit = level is "district" or "school" && code.Length > 0 ? await store.UnitAsync(level, code) : null;
                switch (ProgrammeRules.CheckTarget(level, unit?.RegionKato, region))
                {
                    case TargetCheck.InvalidLevel: return ProgrammeProblems.Invalid(http, "level", ProgrammeProblem.InvalidLevel);
                    case TargetCheck.UnknownUnit: return ProgrammeProblems.Invalid(http, "code", ProgrammeProblem.UnknownUnit);
                    case TargetCheck.OutsideRegion: return ApiProblems.OutOfScope($"The {level} {code} lies in region {unit!.RegionKato}, outside the programme's region {region}.");
                }
                if (await store.AddTargetAsync(id, unit!.Level, unit.Code, http.CallerScope().User) is not { } targetId) return ProgrammeProblems.DuplicateTarget(unit.Level, unit.Code);
                await http.AuditAsync(AuditLog.Actions.ProgrammeChanged, $"programme {id}", new Dictionary<string, object?> { ["change"] = "target-added", ["level"] = unit.Level, ["code"] = unit.Code });
                return Results.Created($"/api/programmes/{id}/targets/{targetId}",
                    new TargetView(targetId, unit.Level, unit.Code, unit.RegionKato, unit.DistrictKato, unit.Name, 0, []));
            })
            .WithSummary("Adds a district or school of the programme's region as a target.")
            .WithDescription("""Body: {"level": "district" | "school", "code": KATO or school code}. 403 for a unit in another region, 409 when it is already a target.""")
            .Produces<TargetView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        programme.MapDelete("/targets/{targetId:long}", async (HttpContext http, ProgrammeStore store, long id, long targetId) =>
            {
                if (await http.CallerScope().ReadableAsync(store, id, write: true) is (null, var refusal)) return refusal!;
                if (!await store.DeleteTargetAsync(id, targetId)) return ApiProblems.NotFound("target", $"There is no target {targetId} in programme {id}.");
                await http.AuditAsync(AuditLog.Actions.ProgrammeChanged, $"programme {id}", new Dictionary<string, object?> { ["change"] = "target-removed", ["target"] = targetId });
                return Results.NoContent();
            })
            .WithSummary("Removes a target with its measures and their progress.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        programme.MapPost("/targets/{targetId:long}/measures", async (HttpContext http, ProgrammeStore store, MeasureStore measures, ProgrammeClock clock,
                long id, long targetId, MeasureBody body) =>
            {
                var (head, refusal) = await http.CallerScope().ReadableAsync(store, id, write: true);
                if (head is null) return refusal!;
                if (!await measures.TargetExistsAsync(id, targetId)) return ApiProblems.NotFound("target", $"There is no target {targetId} in programme {id}.");
                var draft = new MeasureDraft(body.MeasureCode?.Trim(), body.Responsible, body.FormOfCompletion, body.Deadline, body.FundingAmount, body.FundingSource, body.Status);
                if (await CheckAsync(measures, draft, head.Start) is { Count: > 0 } issues) return ProgrammeProblems.Invalid(http, issues);
                var measureId = await measures.AddAsync(targetId, draft.MeasureCode!, Fields(draft), http.CallerScope().User);
                await http.AuditAsync(AuditLog.Actions.ProgrammeChanged, $"programme {id}", new Dictionary<string, object?>
                    { ["change"] = "measure-added", ["target"] = targetId, ["measure"] = measureId, ["code"] = draft.MeasureCode });
                var created = (await measures.FindAsync(id, measureId, clock.Today))!;
                http.SetVersion(created.Version);
                return Results.Created($"/api/programmes/{id}/measures/{measureId}", created);
            })
            .WithSummary("Assigns a catalogue measure to a target: responsible bodies, form of completion, deadline, funding and status.")
            .WithDescription("""Body: {"measureCode", "responsible", "formOfCompletion" (null: the catalogue's default), "deadline": "2025-06-30", "fundingAmount" (tenge, ≥ 0), "fundingSource", "status": "planned" | "in_progress" | "done"}.""")
            .Produces<MeasureView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        programme.MapPatch("/measures/{measureId:long}", async (HttpContext http, ProgrammeStore store, MeasureStore measures, ProgrammeClock clock,
                long id, long measureId, MeasureBody body) =>
            {
                var (head, refusal) = await http.CallerScope().ReadableAsync(store, id, write: true);
                if (head is null) return refusal!;
                var (expected, missing) = ProgrammeProblems.ExpectedVersion(http);
                if (missing is not null) return missing;
                if (body.MeasureCode is not null) return ApiProblems.BadParameter("measureCode", "A measure's code cannot change: delete it and assign another.");
                var stored = await measures.FindAsync(id, measureId, clock.Today);
                if (stored is null) return ApiProblems.NotFound("measure", $"There is no measure {measureId} in programme {id}.");
                var form = body.FormOfCompletion is null ? stored.FormOfCompletion : body.FormOfCompletion.Length == 0 ? null : body.FormOfCompletion;
                var draft = new MeasureDraft(stored.Measure.Code, body.Responsible ?? stored.Responsible, form,
                    body.Deadline ?? stored.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    body.FundingAmount ?? stored.FundingAmount, body.FundingSource ?? stored.FundingSource, body.Status ?? stored.RecordedStatus);
                if (await CheckAsync(measures, draft, head.Start) is { Count: > 0 } issues) return ProgrammeProblems.Invalid(http, issues);
                var write = await measures.UpdateAsync(id, measureId, expected, Fields(draft));
                if (ProgrammeProblems.Refusal(write, "measure", measureId) is { } stale) return stale;
                await http.AuditAsync(AuditLog.Actions.ProgrammeChanged, $"programme {id}", new Dictionary<string, object?>
                    { ["change"] = "measure-updated", ["measure"] = measureId, ["version"] = write.Version });
                http.SetVersion(write.Version);
                return Results.Ok(await measures.FindAsync(id, measureId, clock.Today));
            })
            .WithSummary("Changes a measure (only the fields sent); needs If-Match with the measure's version.")
            .WithDescription("""Body: any of {"responsible", "formOfCompletion" ("" = the catalogue's default), "deadline", "fundingAmount", "fundingSource", "status"}.""" + " " + ProgrammeProblems.IfMatchRules)
            .Produces<MeasureView>()
            .ProducesGuardedChangeProblems();

        programme.MapDelete("/measures/{measureId:long}", async (HttpContext http, ProgrammeStore store, MeasureStore measures, long id, long measureId) =>
            {
                if (await http.CallerScope().ReadableAsync(store, id, write: true) is (null, var refusal)) return refusal!;
                var (expected, missing) = ProgrammeProblems.ExpectedVersion(http);
                if (missing is not null) return missing;
                if (ProgrammeProblems.Refusal(await measures.DeleteAsync(id, measureId, expected), "measure", measureId) is { } stale) return stale;
                await http.AuditAsync(AuditLog.Actions.ProgrammeChanged, $"programme {id}", new Dictionary<string, object?> { ["change"] = "measure-removed", ["measure"] = measureId });
                return Results.NoContent();
            })
            .WithSummary("Removes a measure with its progress; needs If-Match with the measure's version.")
            .WithDescription(ProgrammeProblems.IfMatchRules)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesGuardedChangeProblems();

        programme.MapPost("/measures/{measureId:long}/progress", async (HttpContext http, ProgrammeStore store, MeasureStore measures, ProgrammeClock clock,
                long id, long measureId, ProgressBody body) =>
            {
                var (head, refusal) = await http.CallerScope().ReadableAsync(store, id, write: true);
                if (head is null) return refusal!;
                if (await measures.FindAsync(id, measureId, clock.Today) is null) return ApiProblems.NotFound("measure", $"There is no measure {measureId} in programme {id}.");
                var draft = new ProgressDraft(body.Quarter, body.Note, body.Percent, body.Status);
                if (ProgrammeRules.Check(draft, head.Start, clock.Today) is { Count: > 0 } issues) return ProgrammeProblems.Invalid(http, issues);
                MeasureStatus? status = MeasureStatuses.TryParse(body.Status, out var parsed) ? parsed : null;
                await measures.AddProgressAsync(measureId, body.Quarter!.Trim().ToUpperInvariant(), body.Note!.Trim(), body.Percent, status, http.CallerScope().User);
                await http.AuditAsync(AuditLog.Actions.ProgrammeChanged, $"programme {id}", new Dictionary<string, object?>
                    { ["change"] = "progress-reported", ["measure"] = measureId, ["quarter"] = body.Quarter, ["status"] = body.Status });
                var measure = (await measures.FindAsync(id, measureId, clock.Today))!;
                http.SetVersion(measure.Version);
                return Results.Created($"/api/programmes/{id}/measures/{measureId}", measure);
            })
            .WithSummary("Records a quarter's progress on a measure; a status sent becomes the measure's status. Answers with the measure.")
            .WithDescription("""Body: {"quarter": "2025Q1", "note", "percent": 0–100 (optional), "status" (optional)}.""")
            .Produces<MeasureView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IReadOnlyList<ProgrammeIssue>> CheckAsync(MeasureStore measures, MeasureDraft draft, Quarter start)
    {
        var catalogue = (await measures.CatalogueAsync()).Select(m => m.Code).ToHashSet();
        return ProgrammeRules.Check(draft, start, catalogue);
    }

    private static MeasureStore.MeasureFields Fields(MeasureDraft draft)
    {
        MeasureStatuses.TryParse(draft.Status ?? "planned", out var status);
        return new MeasureStore.MeasureFields(draft.Responsible!.Trim(), string.IsNullOrWhiteSpace(draft.FormOfCompletion) ? null : draft.FormOfCompletion.Trim(),
            ProgrammeRules.ParseDate(draft.Deadline)!.Value, draft.FundingAmount!.Value, draft.FundingSource!.Trim(), status);
    }
}
