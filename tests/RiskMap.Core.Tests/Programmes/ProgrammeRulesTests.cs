using RiskMap.Core.Indicators;
using RiskMap.Core.Localization;
using RiskMap.Core.Programmes;

namespace RiskMap.Core.Tests.Programmes;

public class ProgrammeRulesTests
{
    private static readonly Quarter Start = new(2025, 1);
    private static readonly HashSet<string> Catalogue = ["anti_bullying_kiva", "parent_education"];

    private static MeasureDraft Valid => new("anti_bullying_kiva", "Education department", null, "2025-06-30", 1000m, "Local budget", "planned");

    [Fact]
    public void A_complete_measure_passes() => Assert.Empty(ProgrammeRules.Check(Valid, Start, Catalogue));

    [Fact]
    public void A_deadline_before_the_programme_start_is_refused_by_field_with_the_start_date()
    {
        var issue = Assert.Single(ProgrammeRules.Check(Valid with { Deadline = "2024-12-31" }, Start, Catalogue));
        Assert.Equal(("deadline", ProgrammeProblem.DeadlineBeforeStart, "2025-01-01"), (issue.Field, issue.Problem, issue.Argument));
        Assert.Equal("deadline-before-start", issue.Problem.ToCode());
        Assert.Empty(ProgrammeRules.Check(Valid with { Deadline = "2025-01-01" }, Start, Catalogue));
    }

    [Fact]
    public void Every_refused_field_is_reported_at_once()
    {
        var issues = ProgrammeRules.Check(new MeasureDraft("kiva", " ", null, "30.06.2025", -1m, "", "overdue"), Start, Catalogue);
        Assert.Equal(
            [("measureCode", ProgrammeProblem.UnknownMeasure), ("responsible", ProgrammeProblem.Required), ("fundingSource", ProgrammeProblem.Required),
             ("deadline", ProgrammeProblem.InvalidDate), ("fundingAmount", ProgrammeProblem.NegativeFunding), ("status", ProgrammeProblem.StatusDerived)],
            issues.Select(i => (i.Field, i.Problem)));
    }

    [Fact]
    public void Programme_quarters_must_be_written_like_2025Q1_and_end_after_they_start()
    {
        Assert.Empty(ProgrammeRules.Check(new ProgrammeDraft("Plan", "", "2025Q1", "2025Q4"), null));
        Assert.Equal([("startQuarter", ProgrammeProblem.InvalidQuarter), ("endQuarter", ProgrammeProblem.EndBeforeStart)],
            ProgrammeRules.Check(new ProgrammeDraft("Plan", "", "2025-1", "2024Q4"), null).Select(i => (i.Field, i.Problem)).Take(1)
                .Concat(ProgrammeRules.Check(new ProgrammeDraft("Plan", "", "2025Q1", "2024Q4"), null).Select(i => (i.Field, i.Problem))));
        Assert.Equal(ProgrammeProblem.TooLong, Assert.Single(ProgrammeRules.Check(new ProgrammeDraft(new string('x', 201), null, "2025Q1", "2025Q1"), null)).Problem);
    }

    [Fact]
    public void A_start_may_not_move_past_a_measure_deadline()
    {
        var issue = Assert.Single(ProgrammeRules.Check(new ProgrammeDraft("Plan", "", "2025Q3", "2025Q4"), new DateOnly(2025, 6, 30)));
        Assert.Equal(("startQuarter", ProgrammeProblem.MeasuresBeforeStart), (issue.Field, issue.Problem));
    }

    [Fact]
    public void Progress_is_reported_from_the_start_up_to_the_current_quarter()
    {
        var today = new DateOnly(2025, 5, 10);
        Assert.Empty(ProgrammeRules.Check(new ProgressDraft("2025Q2", "Trained 40 teachers", 30, "in_progress"), Start, today));
        Assert.Equal(ProgrammeProblem.QuarterBeforeStart, Assert.Single(ProgrammeRules.Check(new ProgressDraft("2024Q4", "x", null, null), Start, today)).Problem);
        Assert.Equal(ProgrammeProblem.QuarterInFuture, Assert.Single(ProgrammeRules.Check(new ProgressDraft("2025Q3", "x", null, null), Start, today)).Problem);
        Assert.Equal(ProgrammeProblem.PercentOutOfRange, Assert.Single(ProgrammeRules.Check(new ProgressDraft("2025Q1", "x", 101, null), Start, today)).Problem);
    }

    [Theory]
    [InlineData("district", "750000000", TargetCheck.Allowed)]
    [InlineData("school", "750000000", TargetCheck.Allowed)]
    [InlineData("school", "710000000", TargetCheck.OutsideRegion)]
    [InlineData("district", null, TargetCheck.UnknownUnit)]
    [InlineData("region", "750000000", TargetCheck.InvalidLevel)]
    [InlineData("village", "750000000", TargetCheck.InvalidLevel)]
    public void Targets_are_districts_or_schools_of_the_programme_region(string level, string? unitRegion, TargetCheck expected) =>
        Assert.Equal(expected, ProgrammeRules.CheckTarget(level, unitRegion, "750000000"));

    [Fact]
    public void A_measure_not_done_by_its_deadline_is_overdue()
    {
        var deadline = new DateOnly(2025, 6, 30);
        Assert.Equal(MeasureStatus.InProgress, MeasureStatuses.Effective(MeasureStatus.InProgress, deadline, deadline));
        Assert.Equal(MeasureStatus.Overdue, MeasureStatuses.Effective(MeasureStatus.InProgress, deadline, deadline.AddDays(1)));
        Assert.Equal(MeasureStatus.Overdue, MeasureStatuses.Effective(MeasureStatus.Planned, deadline, deadline.AddDays(1)));
        Assert.Equal(MeasureStatus.Done, MeasureStatuses.Effective(MeasureStatus.Done, deadline, deadline.AddYears(1)));
    }

    [Fact]
    public void Every_problem_is_described_in_each_language_with_its_argument()
    {
        foreach (var problem in Enum.GetValues<ProgrammeProblem>())
        {
            var texts = Languages.All.Select(l => ProgrammeTexts.Describe(new ProgrammeIssue("f", problem, "2025-01-01"), l)).ToList();
            Assert.Equal(3, texts.Distinct().Count());
        }
        Assert.Contains("2025-01-01", ProgrammeTexts.Describe(new ProgrammeIssue("deadline", ProgrammeProblem.DeadlineBeforeStart, "2025-01-01"), Language.Kk));
    }
}
