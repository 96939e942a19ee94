using System.Globalization;
using RiskMap.Core.Localization;
using RiskMap.Core.Programmes;
using RiskMap.Data.Programmes;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Programmes;

/// <summary>The problems programme endpoints answer with beyond the common ones: refused fields, and optimistic concurrency.</summary>
public static class ProgrammeProblems
{
    /// <summary>400 naming every refused field: <c>errors</c> (messages in the caller's language) and <c>fields</c> (machine codes).</summary>
    public static IResult Invalid(HttpContext http, IReadOnlyList<ProgrammeIssue> issues)
    {
        var language = Languages.FromCode(http.Request.Headers.AcceptLanguage.FirstOrDefault());
        var errors = issues.GroupBy(i => i.Field).ToDictionary(g => g.Key, g => g.Select(i => ProgrammeTexts.Describe(i, language)).ToArray());
        return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid programme data",
            detail: string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
            extensions: new Dictionary<string, object?>
            {
                ["code"] = "validation-failed",
                ["errors"] = errors,
                ["fields"] = issues.GroupBy(i => i.Field).ToDictionary(g => g.Key, g => g.First().Problem.ToCode()),
            });
    }

    public static IResult Invalid(HttpContext http, string field, ProgrammeProblem problem, string? argument = null) =>
        Invalid(http, [new ProgrammeIssue(field, problem, argument)]);

    public static IResult DuplicateTarget(string level, string code) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already a target", detail: $"The {level} {code} is already a target of this programme.",
            extensions: new Dictionary<string, object?> { ["code"] = "duplicate-target" });

    /// <summary>How a guarded change names the version it was based on, for the endpoint descriptions.</summary>
    public const string IfMatchRules = "If-Match names the version edited (the ETag: \"3\"; the quotes are optional, W/ is ignored). " +
        "428 without it, 400 when it is not one version, 412 for * (a change must name its version) or when the version is stale.";

    /// <summary>
    /// The version an <c>If-Match</c> header names ("3", "\"3\"" or "W/\"3\""), or the refusal: 428 when there is none,
    /// 400 when it is not exactly one version, 412 for "*".
    /// </summary>
    public static (int Version, IResult? Refusal) ExpectedVersion(HttpContext http)
    {
        var values = http.Request.Headers.IfMatch;
        var header = values.ToString().Trim();
        if (header.Length == 0)
            return (0, Results.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required",
                detail: "Send the version you edited as If-Match (the ETag of the programme or measure), so no one else's change is overwritten.",
                extensions: new Dictionary<string, object?> { ["code"] = "if-match-required" }));
        // "*" would match any version and so overwrite a change made since the caller read the object.
        if (header == "*")
            return (0, Results.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "If-Match must name a version",
                detail: "If-Match: * is not accepted: send the version you edited (the ETag), so no one else's change is overwritten.",
                extensions: new Dictionary<string, object?> { ["code"] = "if-match-any-refused" }));
        if (values.Count == 1 && Version(header) is { } version) return (version, null);
        return (0, ApiProblems.BadHeader("If-Match", "If-Match must be one version, such as \"3\" (the ETag of the programme or measure)."));
    }

    private static int? Version(string header)
    {
        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        if (tag.Length >= 2 && tag[0] == '"' && tag[^1] == '"') tag = tag[1..^1];
        return int.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }

    /// <summary>null when the write was done; otherwise 404 or 412 (with the current version).</summary>
    public static IResult? Refusal(VersionedWrite write, string what, long id) => write.Outcome switch
    {
        WriteOutcome.Done => null,
        WriteOutcome.Missing => ApiProblems.NotFound(what, $"There is no {what} {id} in this programme."),
        _ => Results.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed by someone else",
            detail: $"The {what} is at version {write.Version}, not the one you edited: reload it and apply your change again.",
            extensions: new Dictionary<string, object?> { ["code"] = "version-mismatch", ["currentVersion"] = write.Version }),
    };

    /// <summary>The refusals of a change guarded by If-Match: 400, 401, 403, 404, 412 and 428.</summary>
    public static RouteHandlerBuilder ProducesGuardedChangeProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    public static void SetVersion(this HttpContext http, int version) => http.Response.Headers.ETag = $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
}
