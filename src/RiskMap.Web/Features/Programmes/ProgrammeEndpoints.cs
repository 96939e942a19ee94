using RiskMap.Core.Programmes;
using RiskMap.Data.Access;
using RiskMap.Data.Programmes;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Programmes;

/// <summary>The measure catalogue and programmes themselves (docs/programmes-api.md).</summary>
public static class ProgrammeEndpoints
{
    public sealed record ProgrammeBody(string? Title, string? RegionKato, string? StartQuarter, string? EndQuarter, string? Description);

    public static void MapProgrammeEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/measures", async (MeasureStore measures) => Results.Ok(await measures.CatalogueAsync()))
            .WithTags("Programmes")
            .WithSummary("The catalogue of measures of the Complex Plan 2023–2025 that programmes assign, with names and default forms of completion in kk/ru/en.")
            .Produces<IReadOnlyList<MeasureType>>();

        var programmes = api.MapGroup("/programmes").WithTags("Programmes");

        programmes.MapGet("/", async (HttpContext http, ProgrammeStore store, ProgrammeClock clock, string? region) =>
            {
                var scope = http.CallerScope();
                if (scope.RefuseReader() is { } refusal) return refusal;
                var regionKato = QueryParameters.Kato("region", region);
                if (regionKato is not null && !scope.Reads(regionKato)) return ApiProblems.OutOfScope($"Region {regionKato} is outside your scope.");
                return Results.Ok(await store.ListAsync(regionKato ?? (scope.IsNational ? null : scope.RegionKato), clock.Today));
            })
            .WithSummary("Programmes the caller may read, newest first: every region's for analysts, their region's for planners and education departments.")
            .WithDescription("region: a region's KATO (analysts filter by it; others may only name their own).")
            .Produces<IReadOnlyList<ProgrammeSummary>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        programmes.MapPost("/", async (HttpContext http, ProgrammeStore store, ProgrammeClock clock, ProgrammeBody body) =>
            {
                var scope = http.CallerScope();
                if (scope.RefuseWriter() is { } refusal) return refusal;
                var region = body.RegionKato ?? scope.RegionKato!;
                if (region != scope.RegionKato) return ApiProblems.OutOfScope($"Region {region} is outside your scope: you plan for {scope.RegionKato}.");
                var draft = new ProgrammeDraft(body.Title, body.Description, body.StartQuarter, body.EndQuarter);
                if (ProgrammeRules.Check(draft, earliestDeadline: null) is { Count: > 0 } issues) return ProgrammeProblems.Invalid(http, issues);
                var id = await store.CreateAsync(region, Fields(draft), scope.User);
                await http.AuditAsync(AuditLog.Actions.ProgrammeChanged, $"programme {id}", new Dictionary<string, object?> { ["change"] = "created", ["title"] = body.Title });
                var created = (await store.FindAsync(id, clock.Today))!;
                http.SetVersion(created.Version);
                return Results.Created($"/api/programmes/{id}", created);
            })
            .WithSummary("Creates a programme in the planner's region.")
            .WithDescription("""Body: {"title", "regionKato" (optional: the planner's region), "startQuarter": "2025Q1", "endQuarter": "2025Q4", "description"}.""")
            .Produces<ProgrammeDetail>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        programmes.MapGet("/{id:long}", async (HttpContext http, ProgrammeStore store, ProgrammeClock clock, long id) =>
            {
                if (await http.CallerScope().ReadableAsync(store, id) is (null, var refusal)) return refusal!;
                var programme = await store.FindAsync(id, clock.Today);
                if (programme is null) return ProgrammeAccess.UnknownProgramme(id);
                http.SetVersion(programme.Version);
                return Results.Ok(programme);
            })
            .WithSummary("A programme with its targets, their measures (status, overdue) and progress reports; ETag: the programme's version.")
            .Produces<ProgrammeDetail>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        programmes.MapPatch("/{id:long}", async (HttpContext http, ProgrammeStore store, ProgrammeClock clock, long id, ProgrammeBody body) =>
            {
                if (await http.CallerScope().ReadableAsync(store, id, write: true) is (null, var refusal)) return refusal!;
                var (expected, missing) = ProgrammeProblems.ExpectedVersion(http);
                if (missing is not null) return missing;
                if (body.RegionKato is not null) return ApiProblems.BadParameter("regionKato", "A programme's region cannot change.");
                var stored = await store.FindAsync(id, clock.Today);
                if (stored is null) return ProgrammeAccess.UnknownProgramme(id);
                var draft = new ProgrammeDraft(body.Title ?? stored.Title, body.Description ?? stored.Description,
                    body.StartQuarter ?? stored.StartQuarter, body.EndQuarter ?? stored.EndQuarter);
                if (ProgrammeRules.Check(draft, await store.EarliestDeadlineAsync(id)) is { Count: > 0 } issues) return ProgrammeProblems.Invalid(http, issues);
                var write = await store.UpdateAsync(id, expected, Fields(draft));
                if (ProgrammeProblems.Refusal(write, "programme", id) is { } stale) return stale;
                await http.AuditAsync(AuditLog.Actions.ProgrammeChanged, $"programme {id}", new Dictionary<string, object?> { ["change"] = "updated", ["version"] = write.Version });
                http.SetVersion(write.Version);
                return Results.Ok(await store.FindAsync(id, clock.Today));
            })
            .WithSummary("Changes a programme's title, description or quarters (only those sent); needs If-Match with its version.")
            .WithDescription("""Body: any of {"title", "description", "startQuarter", "endQuarter"}.""" + " " + ProgrammeProblems.IfMatchRules)
            .Produces<ProgrammeDetail>()
            .ProducesGuardedChangeProblems();

        programmes.MapDelete("/{id:long}", async (HttpContext http, ProgrammeStore store, long id) =>
            {
                if (await http.CallerScope().ReadableAsync(store, id, write: true) is (null, var refusal)) return refusal!;
                var (expected, missing) = ProgrammeProblems.ExpectedVersion(http);
                if (missing is not null) return missing;
                if (ProgrammeProblems.Refusal(await store.DeleteAsync(id, expected), "programme", id) is { } stale) return stale;
                await http.AuditAsync(AuditLog.Actions.ProgrammeChanged, $"programme {id}", new Dictionary<string, object?> { ["change"] = "deleted" });
                return Results.NoContent();
            })
            .WithSummary("Deletes a programme with its targets, measures and progress; needs If-Match with its version.")
            .WithDescription(ProgrammeProblems.IfMatchRules)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesGuardedChangeProblems();
    }

    private static ProgrammeStore.ProgrammeFields Fields(ProgrammeDraft draft) =>
        new(draft.Title!.Trim(), draft.Description?.Trim() ?? "", draft.StartQuarter!.Trim().ToUpperInvariant(), draft.EndQuarter!.Trim().ToUpperInvariant());
}
