using RiskMap.Core.Alerts;
using RiskMap.Core.Geography;
using RiskMap.Core.HotSpots;

namespace RiskMap.Core.Tests.Alerts;

/// <summary>Each alert rule on hand-made units: which of them it warns about, and what it says about them.</summary>
public class AlertRuleTests
{
    private static UnitRisk Unit(string code, double? score, double? quarter = null, bool? clearQuarter = null, double? year = null,
        bool? clearYear = null, EntityLevel level = EntityLevel.District, int? riskLevel = 3) =>
        new(level, code, score, quarter, year, clearQuarter, clearYear, score is null ? null : riskLevel);

    private static AlertInputs Inputs(IEnumerable<UnitRisk>? risks = null, IEnumerable<UnitCategory>? hotSpots = null,
        IEnumerable<ProgrammeTarget>? targets = null, IEnumerable<UnitOutlook>? outlooks = null) =>
        new([.. risks ?? []], [.. hotSpots ?? []], new HashSet<ProgrammeTarget>(targets ?? []), [.. outlooks ?? []]);

    private static readonly UnitRisk[] Risks =
    [
        Unit("clear-quarter-rise", 6.0, quarter: 0.8, clearQuarter: true),
        Unit("unclear-rise", 7.0, quarter: 1.5, clearQuarter: false, year: 1.2, clearYear: false),
        Unit("clear-fall", 5.0, quarter: -0.9, clearQuarter: true),
        Unit("clear-year-rise", 3.0, quarter: 0.1, clearQuarter: false, year: 0.6, clearYear: true),
        Unit("both-rise", 8.0, quarter: 0.4, clearQuarter: true, year: 1.1, clearYear: true),
        Unit("no-score", null, quarter: 0.9, clearQuarter: true),
        Unit("methodology-1", 9.0, quarter: 2.0, year: 2.0),
    ];

    private static List<string> Codes(IEnumerable<AlertFinding> findings) => [.. findings.Select(f => f.Code).Order()];

    [Fact]
    public void A_clear_rise_warns_only_where_a_change_is_upward_and_beyond_uncertainty()
    {
        var findings = new ClearRiseRule().Evaluate(Inputs(Risks)).ToList();

        Assert.Equal(["both-rise", "clear-quarter-rise", "clear-year-rise"], Codes(findings));
        Assert.All(findings, f => Assert.Equal(ClearRiseRule.RuleCode, f.Rule));
        // The larger clear rise, with the score it rose to.
        var both = findings.Single(f => f.Code == "both-rise");
        Assert.Equal((8.0, 1.1), (both.Score, both.Change));
    }

    [Theory]
    [InlineData(RiseComparison.PreviousQuarter, new[] { "both-rise", "clear-quarter-rise" })]
    [InlineData(RiseComparison.YearBefore, new[] { "both-rise", "clear-year-rise" })]
    public void A_clear_rise_can_be_measured_on_the_quarter_or_on_the_year(RiseComparison compare, string[] expected)
    {
        var findings = new ClearRiseRule(compare).Evaluate(Inputs(Risks)).ToList();

        Assert.Equal(expected, Codes(findings));
        Assert.Equal(compare == RiseComparison.PreviousQuarter ? 0.4 : 1.1, findings.Single(f => f.Code == "both-rise").Change);
    }

    [Fact]
    public void A_clear_rise_with_a_level_warns_only_at_or_above_it()
    {
        Assert.Equal(["both-rise", "clear-quarter-rise"], Codes(new ClearRiseRule(MinimumScore: 6.0).Evaluate(Inputs(Risks))));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(10.5)]
    [InlineData(double.NaN)]
    public void A_level_outside_the_scores_range_is_a_problem(double minimum)
    {
        Assert.Single(new ClearRiseRule(MinimumScore: minimum).Problems());
        Assert.Empty(new ClearRiseRule(MinimumScore: 10).Problems());
    }

    [Fact]
    public void A_hot_spot_warns_for_the_categories_chosen()
    {
        UnitCategory[] hotSpots =
        [
            new(EntityLevel.District, "new", EmergingCategory.NewHotSpot),
            new(EntityLevel.Region, "intensifying", EmergingCategory.IntensifyingHotSpot),
            new(EntityLevel.District, "persistent", EmergingCategory.PersistentHotSpot),
            new(EntityLevel.District, "cold", EmergingCategory.NewColdSpot),
            new(EntityLevel.District, "none", EmergingCategory.NoPattern),
        ];

        var findings = new EmergingHotSpotRule(EmergingHotSpotRule.DefaultCategories).Evaluate(Inputs(hotSpots: hotSpots)).ToList();

        Assert.Equal(["intensifying", "new"], Codes(findings));
        Assert.Equal(EntityLevel.Region, findings.Single(f => f.Code == "intensifying").Level);
        Assert.Equal(EmergingCategory.NewHotSpot, findings.Single(f => f.Code == "new").Category);
        Assert.Equal(["persistent"], Codes(new EmergingHotSpotRule([EmergingCategory.PersistentHotSpot]).Evaluate(Inputs(hotSpots: hotSpots))));
    }

    [Fact]
    public void A_hot_spot_rule_must_name_hot_spot_categories()
    {
        Assert.Single(new EmergingHotSpotRule([]).Problems());
        Assert.Single(new EmergingHotSpotRule([EmergingCategory.NewHotSpot, EmergingCategory.NewColdSpot]).Problems());
        Assert.Single(new EmergingHotSpotRule([EmergingCategory.NoPattern]).Problems());
        Assert.Empty(new EmergingHotSpotRule(EmergingHotSpotRule.DefaultCategories).Problems());
    }

    [Fact]
    public void A_programme_target_warns_when_its_own_risk_rises_clearly()
    {
        ProgrammeTarget[] targets =
        [
            new(EntityLevel.District, "clear-quarter-rise"),
            new(EntityLevel.District, "unclear-rise"),
            new(EntityLevel.District, "clear-fall"),
            // The same code at another level is another unit.
            new(EntityLevel.School, "both-rise"),
        ];

        var findings = new ProgrammeTargetRiseRule().Evaluate(Inputs(Risks, targets: targets)).ToList();

        var finding = Assert.Single(findings);
        Assert.Equal((ProgrammeTargetRiseRule.RuleCode, "clear-quarter-rise", 0.8), (finding.Rule, finding.Code, finding.Change));
    }

    [Fact]
    public void A_rule_set_evaluates_only_its_enabled_rules()
    {
        var inputs = Inputs(Risks, [new(EntityLevel.District, "new", EmergingCategory.NewHotSpot)], [new(EntityLevel.District, "both-rise")]);

        var all = AlertRuleSet.Default.Evaluate(inputs);
        var clearRiseOff = (AlertRuleSet.Default with { ClearRise = null }).Evaluate(inputs);

        Assert.Equal(3 + 1 + 1, all.Count);
        Assert.Equal(6, AlertRuleSet.Default.Evaluate(inputs with { Outlooks = [Outlook("both-rise", 0.7)] }).Count);
        Assert.Equal([EmergingHotSpotRule.RuleCode, ProgrammeTargetRiseRule.RuleCode], clearRiseOff.Select(f => f.Rule).Order());
        Assert.Empty(AlertRuleSet.Default.Problems());
        Assert.Single((AlertRuleSet.Default with { EmergingHotSpot = new([]) }).Problems());
    }

    private static readonly UnitRisk[] Levels =
    [
        Unit("level-3", 5.9, riskLevel: 3),
        Unit("level-1", 1.0, riskLevel: 1),
        Unit("level-4", 7.0, riskLevel: 4),
        Unit("level-5", 9.0, riskLevel: 5),
        Unit("no-score", null),
        Unit("level-3", 5.0, level: EntityLevel.School, riskLevel: 3),
    ];

    private static UnitOutlook Outlook(string code, double probability, int horizon = 1, EntityLevel level = EntityLevel.District) =>
        new(level, code, horizon, probability);

    [Fact]
    public void A_forecast_warns_where_level_4_or_5_is_likely_next_quarter_only_for_units_not_there_yet()
    {
        UnitOutlook[] outlooks =
        [
            Outlook("level-3", 0.62),
            Outlook("level-1", 0.49),
            Outlook("level-4", 0.95),
            Outlook("level-5", 0.99),
            Outlook("no-score", 0.9),
            Outlook("unknown-unit", 0.9),
            // Two quarters ahead is not what the rule asks by default.
            Outlook("level-1", 0.8, horizon: 2),
            Outlook("level-3", 0.3, level: EntityLevel.School),
        ];

        var findings = new ForecastHighRiskRule().Evaluate(Inputs(Levels, outlooks: outlooks)).ToList();

        var finding = Assert.Single(findings);
        Assert.Equal((ForecastHighRiskRule.RuleCode, EntityLevel.District, "level-3"), (finding.Rule, finding.Level, finding.Code));
        // What the reader judges it by: the probability, how far ahead, and the score now.
        Assert.Equal((0.62, 1, 5.9), (finding.Probability, finding.Horizon, finding.Score));
        Assert.Null(finding.Change);
    }

    [Fact]
    public void A_forecast_rule_warns_at_its_threshold_and_horizon()
    {
        UnitOutlook[] outlooks = [Outlook("level-3", 0.3), Outlook("level-1", 0.5), Outlook("level-1", 0.8, horizon: 2), Outlook("level-3", 0.29, horizon: 2)];

        Assert.Equal(["level-1"], Codes(new ForecastHighRiskRule().Evaluate(Inputs(Levels, outlooks: outlooks))));
        Assert.Equal(["level-1", "level-3"], Codes(new ForecastHighRiskRule(Threshold: 0.3).Evaluate(Inputs(Levels, outlooks: outlooks))));
        var twoAhead = new ForecastHighRiskRule(Threshold: 0.7, Horizon: 2).Evaluate(Inputs(Levels, outlooks: outlooks)).ToList();
        Assert.Equal((0.8, 2), (Assert.Single(twoAhead).Probability, twoAhead[0].Horizon));
    }

    [Fact]
    public void A_run_without_forecasts_raises_no_forecast_alert()
    {
        Assert.Empty(new ForecastHighRiskRule(Threshold: 0.01).Evaluate(Inputs(Levels)));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(-0.2, 1)]
    [InlineData(double.NaN, 1)]
    [InlineData(0.5, 0)]
    [InlineData(0.5, 3)]
    public void A_threshold_that_is_not_a_probability_or_a_horizon_not_forecast_is_a_problem(double threshold, int horizon)
    {
        Assert.Single(new ForecastHighRiskRule(threshold, horizon).Problems());
        Assert.Empty(new ForecastHighRiskRule(0.5, 2).Problems());
    }
}
