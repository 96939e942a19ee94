using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;
using RiskMap.Core.Scoring;
using static RiskMap.Core.Tests.Scoring.ScoringFixtures;
using static RiskMap.Core.Tests.Scoring.Synthetic;

namespace RiskMap.Core.Tests.Scoring;

/// <summary>
/// Methodology 2.0 scores a share of pupils as a beta-binomial (docs/methodology.md, step 4 "Shares"): what a reader of
/// a school's score sees of it. The synthetic levels' absence is scored here as <c>chronic_absence_share</c>, one of the
/// default <see cref="Methodology.ShareIndicators"/>; without a rolling window, so that a quarter's change shows in full.
/// </summary>
public class ShareScoringTests
{
    private static readonly Methodology Unrolled = Version2 with { RollingIndicators = [] };

    private static readonly Catalogue WithShare = new(
        [
            Example.Indicators[Incidents],
            Example.Indicators[Absence] with { Code = "chronic_absence_share" },
            Example.Indicators[PassRate],
        ],
        Example.Domains);

    private static ScoringInput Input(int schools, int periods) => Levels(schools, districts: 4, periods).Input with { Catalogue = WithShare };

    private static UnitScore At(ScoringResult result, string code, int t) =>
        result.Scores[EntityLevel.School].Single(s => s.Code == code && s.Period == Quarters(t + 1)[t]);

    [Fact]
    public void A_small_school_reporting_the_same_high_share_as_a_large_one_scores_lower_on_it()
    {
        var input = Input(schools: 60, periods: 4);
        var s = input.Schools;
        var small = Array.FindIndex([.. s.Pupils], p => p < 120);
        var large = Array.FindIndex([.. s.Pupils], p => p > 1200);
        for (var t = 0; t < 4; t++)
            foreach (var u in new[] { small, large }) s.Set(t, Absence, u, 20, null); // far above the 4–12 % of the others

        var result = ScoringEngine.Run(input, Unrolled with { Replications = 0 });

        var (smallShare, largeShare) = (At(result, s.Codes[small], 3).IndicatorScores[Absence], At(result, s.Codes[large], 3).IndicatorScores[Absence]);
        Assert.True(smallShare < largeShare, $"{s.Pupils[small]} pupils: {smallShare}, {s.Pupils[large]} pupils: {largeShare}");
        Assert.True(largeShare - smallShare > 1, "20 % of a few dozen pupils is weak evidence of a high share");
    }

    [Fact]
    public void A_school_whose_share_does_not_change_keeps_its_score_while_the_others_change()
    {
        var input = Input(schools: 60, periods: 6);
        var s = input.Schools;
        for (var t = 1; t < 6; t++)
            for (var u = 0; u < s.Units; u++)
                Report(input, t, u, s.Values[s.Cell(0, Incidents, u)], s.Values[s.Cell(0, Absence, u)] + (u == 0 ? 0 : 0.4 * t * (u % 2 == 0 ? 1 : -1)),
                    s.Values[s.Cell(0, PassRate, u)]);

        var result = ScoringEngine.Run(input, Unrolled with { Replications = 0 });

        var first = At(result, "S0000", 0);
        for (var t = 1; t < 6; t++)
        {
            Assert.Equal(first.IndicatorScores[Absence], At(result, "S0000", t).IndicatorScores[Absence]);
            Assert.Equal(first.Score!.Value, At(result, "S0000", t).Score!.Value, 12);
            Assert.NotEqual(At(result, "S0001", 0).IndicatorScores[Absence], At(result, "S0001", t).IndicatorScores[Absence]);
        }
    }

    [Fact]
    public void A_change_of_a_share_within_its_sampling_noise_is_not_clear_and_a_large_one_is()
    {
        var input = Input(schools: 60, periods: 5);
        var s = input.Schools;
        var small = Array.FindIndex([.. s.Pupils], p => p < 120);
        var large = Array.FindIndex([.. s.Pupils], p => p > 1200);
        for (var t = 0; t < 5; t++)
            foreach (var u in new[] { small, large })
            {
                s.Set(t, Incidents, u, double.NaN, null); // no count to redraw: only the share and the weights vary
                s.Set(t, Absence, u, t < 4 ? 8 : u == small ? 12 : 20, null);
                s.Set(t, PassRate, u, 75, null);
            }

        var result = ScoringEngine.Run(input, Unrolled);

        var (smallScore, largeScore) = (At(result, s.Codes[small], 4), At(result, s.Codes[large], 4));
        Assert.True(smallScore.ChangeFromPreviousQuarter > 0);
        Assert.False(smallScore.Uncertainty!.ClearChangeFromPreviousQuarter, $"8 % → 12 % of {s.Pupils[small]} pupils is within chance");
        Assert.True(largeScore.Uncertainty!.ClearChangeFromPreviousQuarter, $"8 % → 20 % of {s.Pupils[large]} pupils is not");
        Assert.True(smallScore.Uncertainty.High - smallScore.Uncertainty.Low > largeScore.Uncertainty.High - largeScore.Uncertainty.Low);
    }
}
