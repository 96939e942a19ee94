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

    /// <summary>The version an <c>If-Match</c> header names ("3", "\"3\"" or "W/\"3\""), or the 428 problem when there is none.</summary>
    public static (int Version, IResult? Refusal) ExpectedVersion(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.StartsWith("W/", StringComparison.Ordinal)) header = header[2..];
        if (int.TryParse(header.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)) return (version, null);
        return (0, Results.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required",
            detail: "Send the version you edited as If-Match (the ETag of the programme or measure), so no one else's change is overwritten.",
            extensions: new Dictionary<string, object?> { ["code"] = "if-match-required" }));
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

    public static void SetVersion(this HttpContext http, int version) => http.Response.Headers.ETag = $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
}
