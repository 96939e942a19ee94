using RiskMap.Core.Imports;
using RiskMap.Core.Localization;

namespace RiskMap.Web.Features.Imports;

/// <summary>One import finding as users read it: where, what, and the reason in their language.</summary>
public sealed record ImportIssueView(int? Row, string? Field, string? Value, string? Key, string Problem, string Message, string? Detail, bool Warning)
{
    public static ImportIssueView From(ImportIssue issue, Language language) => new(
        issue.Row, issue.Field, issue.Value, issue.Key,
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(issue.Problem.ToString()),
        ImportProblemTexts.Describe(issue.Problem, language), issue.Detail, issue.IsWarning);
}
