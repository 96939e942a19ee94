using RiskMap.Core.HotSpots;

namespace RiskMap.Core.Tests.HotSpots;

public class FalseDiscoveryRateTests
{
    // Benjamini and Hochberg (1995), section 4: the 15 p-values of the myocardial infarction study.
    private static readonly double[] Textbook =
        [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000];

    [Fact]
    public void The_textbook_example_rejects_four_hypotheses_at_five_percent_where_Bonferroni_rejects_three()
    {
        // Step-up at q = 0.05: p(4) = 0.0095 ≤ 4·0.05/15 = 0.0133, and no larger k has p(k) ≤ k·0.05/15
        // (p(5) = 0.0201 > 0.0167, …, p(9) = 0.0459 > 0.03). Bonferroni's 0.05/15 = 0.0033 keeps only the first three.
        var shuffled = Textbook.Reverse().ToArray();

        var adjusted = FalseDiscoveryRate.Adjust(shuffled);

        Assert.Equal([0.0095, 0.0019, 0.0004, 0.0001], shuffled.Where((_, i) => adjusted[i] <= SpotConfidence.NinetyFive.Alpha()).ToArray());
        // Adjusted values: the fourth's is 15·0.0095/4 = 0.0356; the sixth's is the least 15·p(j)/j over j ≥ 6, which is not
        // its own 15·0.0278/6 = 0.0695 but the seventh's 15·0.0298/7 = 0.0639 (adjusted values never fall as p rises).
        Assert.Equal(15 * 0.0095 / 4, adjusted[Array.IndexOf(shuffled, 0.0095)], 15);
        Assert.Equal(15 * 0.0298 / 7, adjusted[Array.IndexOf(shuffled, 0.0278)], 15);
        Assert.Equal(1, adjusted[Array.IndexOf(shuffled, 1.0)]);
    }
}
