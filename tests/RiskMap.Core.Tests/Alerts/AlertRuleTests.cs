using RiskMap.Core.Alerts;
using RiskMap.Core.Geography;
using RiskMap.Core.HotSpots;

namespace RiskMap.Core.Tests.Alerts;

/// <summary>Each alert rule on hand-made units: which of them it warns about, and what it says about them.</summary>
public class AlertRuleTests
{
    private static UnitRisk Unit(string code, double? score, double? quarter = null, bool? clearQuarter = null, double? year = null,
        bool? clearYear = null, EntityLevel level = EntityLevel.District) =>
        new(level, code, score, quarter, year, clearQuarter, clearYear);

    private static AlertInputs Inputs(IEnumerable<UnitRisk>? risks = null, IEnumerable<UnitCategory>? hotSpots = null,
        IEnumerable<ProgrammeTarget>? targets = null) =>
        new([.. risks ?? []], [.. hotSpots ?? []], new HashSet<ProgrammeTarget>(targets ?? []));

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
        Assert.Equal([EmergingHotSpotRule.RuleCode, ProgrammeTargetRiseRule.RuleCode], clearRiseOff.Select(f => f.Rule).Order());
        Assert.Empty(AlertRuleSet.Default.Problems());
        Assert.Single((AlertRuleSet.Default with { EmergingHotSpot = new([]) }).Problems());
    }
}
