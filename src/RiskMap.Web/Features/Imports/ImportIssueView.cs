using RiskMap.Core.Imports;
using RiskMap.Core.Localization;

namespace RiskMap.Web.Features.Imports;

/// <summary>One import finding as users read it: where, what, and the reason and its detail in their language, naming options as they give them.</summary>
public sealed record ImportIssueView(int? Row, string? Field, string? Value, string? Key, string Problem, string Message, string? Detail, bool Warning)
{
    public static ImportIssueView From(ImportIssue issue, Language language, OptionSpelling spelling) => new(
        issue.Row, issue.Field, issue.Value, issue.Key,
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(issue.Problem.ToString()),
        ImportProblemTexts.Describe(issue.Problem, language, spelling),
        issue.Detail is null ? null : ImportProblemTexts.Describe(issue.Detail, language, spelling), issue.IsWarning);
}
