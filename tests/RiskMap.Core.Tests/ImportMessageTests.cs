using RiskMap.Core.Imports;
using RiskMap.Core.Localization;

namespace RiskMap.Core.Tests;

public class ImportMessageTests
{
    public static TheoryData<ImportProblem> Problems => new(Enum.GetValues<ImportProblem>());

    [Theory]
    [MemberData(nameof(Problems))]
    public void Every_problem_is_explained_in_Kazakh_Russian_and_English(ImportProblem problem)
    {
        var texts = Languages.All.Select(l => ImportProblemTexts.Describe(problem, l, OptionSpelling.Query)).ToList();
        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t)));
        Assert.Equal(3, texts.Distinct().Count());
    }

    public static TheoryData<DetailText> Details => new(Enum.GetValues<DetailText>().Where(d => d != DetailText.AsIs));

    [Theory]
    [MemberData(nameof(Details))]
    public void Every_detail_is_said_in_Kazakh_Russian_and_English_without_placeholders(DetailText text)
    {
        var detail = new ImportDetail(text, "3", "7");
        var texts = Languages.All.Select(l => ImportProblemTexts.Describe(detail, l, OptionSpelling.Query)).ToList();
        Assert.All(texts, t => Assert.DoesNotMatch(@"\{\d\}|^\s*$", t));
        Assert.Equal(3, texts.Distinct().Count());
    }

    [Theory]
    [InlineData(OptionSpelling.Query, "The geometry is invalid; repair=true fixes it.")]
    [InlineData(OptionSpelling.CommandLine, "The geometry is invalid; --repair fixes it.")]
    public void Options_are_named_as_the_reader_gives_them(OptionSpelling spelling, string expected) =>
        Assert.Equal(expected, ImportProblemTexts.Describe(ImportProblem.InvalidGeometry, Language.En, spelling));

    [Fact]
    public void Large_numbers_are_grouped_as_the_reader_writes_them() =>
        Assert.Equal("at most 2,000,000 rows", ImportProblemTexts.Describe(ImportDetail.AtMost(DetailText.AtMostRows, 2_000_000), Language.En, OptionSpelling.Query));

    [Theory]
    [InlineData("kk-KZ", Language.Kk)]
    [InlineData("ru", Language.Ru)]
    [InlineData("ru-RU,ru;q=0.9", Language.Ru)]
    [InlineData("en-US", Language.En)]
    [InlineData("de", Language.En)]
    [InlineData(null, Language.En)]
    public void The_language_follows_the_user_s_choice(string? code, Language expected) =>
        Assert.Equal(expected, Languages.FromCode(code));

    [Fact]
    public void Collecting_stops_the_import_once_too_many_errors_are_found()
    {
        var issues = new IssueCollector(maxErrors: 3);
        issues.Add(ImportProblem.GeometryRepaired, row: 1);
        issues.Add(ImportProblem.NotANumber, row: 2);
        issues.Add(ImportProblem.NotANumber, row: 3);
        var stopped = Assert.Throws<ImportRejectedException>(() => issues.Add(ImportProblem.NotANumber, row: 4));
        Assert.Equal(4, stopped.Issues.Count);
    }

    [Fact]
    public void Long_values_are_clipped_before_they_are_echoed_back()
    {
        var issues = new IssueCollector();
        issues.Add(ImportProblem.NotANumber, row: 2, value: new string('9', 500));
        Assert.True(issues.Issues[0].Value!.Length <= ImportIssue.MaxValueLength + 1);
    }
}
