using RiskMap.Core.Scoring;

namespace RiskMap.Core.Tests.Scoring;

public class StatisticsTests
{
    // The example of Microsoft's documentation of Excel's SKEW and KURT: 0.359543 and -0.1518.
    private static readonly double[] ExcelExample = [3, 4, 5, 2, 3, 4, 5, 6, 4, 7];

    [Fact]
    public void Skewness_is_excels_SKEW() => Assert.Equal(0.359543071, Statistics.Skewness(ExcelExample), 1e-8);

    [Fact]
    public void Kurtosis_is_excels_KURT() => Assert.Equal(-0.151799637, Statistics.Kurtosis(ExcelExample), 1e-8);

    [Fact]
    public void A_long_right_tail_gives_positive_skewness_and_high_kurtosis()
    {
        // G1 and G2 of 1..9, 100 (python, the formulas of docs/methodology-1.0.md).
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
        Assert.Equal(3.1189, Statistics.Skewness(values), 1e-4);
        Assert.Equal(9.7992, Statistics.Kurtosis(values), 1e-4);
        Assert.Equal(-3.1189, Statistics.Skewness(values.Select(v => -v).ToArray()), 1e-4);
    }

    [Fact]
    public void Symmetric_and_degenerate_sets_have_no_skewness()
    {
        Assert.Equal(0, Statistics.Skewness([1, 2, 3, 4, 5]), 1e-12);
        Assert.Equal(-1.2, Statistics.Kurtosis([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 1e-12);
        Assert.Equal(0, Statistics.Skewness([4, 4, 4, 4]));
        Assert.Equal(0, Statistics.Kurtosis([4, 4, 4, 4]));
        Assert.Equal(0, Statistics.Skewness([1, 5])); // n < 3
        Assert.Equal(0, Statistics.Kurtosis([1, 5, 9])); // n < 4
    }

    [Fact]
    public void Percentile_interpolates_linearly_between_order_statistics()
    {
        double[] sorted = [1, 2, 3, 4, 10];
        Assert.Equal(3, Statistics.Percentile(sorted, 0.5));
        Assert.Equal(1.2, Statistics.Percentile(sorted, 0.05), 1e-12);
        Assert.Equal(8.8, Statistics.Percentile(sorted, 0.95), 1e-12);
    }

    [Fact]
    public void Percentile_by_selection_equals_percentile_of_the_sorted_values()
    {
        var random = new ScoringRandom(ScoringRandom.Key(5));
        for (var trial = 0; trial < 500; trial++)
        {
            // Lengths 1–300, with many ties (values rounded to one decimal) in half of the trials.
            var values = new double[1 + (int)(300 * random.NextDouble())];
            for (var k = 0; k < values.Length; k++) values[k] = trial % 2 == 0 ? Math.Round(random.NextNormal(), 1) : random.NextNormal();
            var sorted = values.Order().ToArray();
            foreach (var q in new[] { 0, 0.05, 0.5, 0.95, 1 })
                Assert.Equal(Statistics.Percentile(sorted, q), Statistics.PercentileUnsorted((double[])values.Clone(), q));
        }
    }

    [Fact]
    public void Whether_a_percentile_lies_beyond_zero_is_what_the_percentile_itself_says()
    {
        var random = new ScoringRandom(ScoringRandom.Key(6));
        for (var trial = 0; trial < 2_000; trial++)
        {
            // Lengths 1–250, shifted so that 0 falls anywhere among them, with exact zeros and ties in half of the trials.
            var values = new double[1 + (int)(250 * random.NextDouble())];
            var shift = 3 * random.NextNormal();
            for (var k = 0; k < values.Length; k++) values[k] = trial % 2 == 0 ? Math.Round(random.NextNormal() + shift) : random.NextNormal() + shift;
            foreach (var q in new[] { 0, 0.05, 0.5, 0.95, 1 })
            {
                var percentile = Statistics.PercentileUnsorted((double[])values.Clone(), q);
                Assert.Equal(percentile > 0, Statistics.PercentileBeyondZero((double[])values.Clone(), q, above: true));
                Assert.Equal(percentile < 0, Statistics.PercentileBeyondZero((double[])values.Clone(), q, above: false));
            }
        }
    }
}
