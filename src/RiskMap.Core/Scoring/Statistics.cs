namespace RiskMap.Core.Scoring;

/// <summary>The few descriptive statistics the method needs, on plain arrays without missing values.</summary>
public static class Statistics
{
    public static double Mean(IReadOnlyList<double> values)
    {
        var sum = 0.0;
        foreach (var v in values) sum += v;
        return sum / values.Count;
    }

    /// <summary>Sample skewness, bias-adjusted (G1, as Excel's SKEW and R e1071 type 2).</summary>
    public static double Skewness(IReadOnlyList<double> values)
    {
        var n = values.Count;
        if (n < 3) return 0;
        var (m2, m3, _) = CentralMoments(values);
        if (m2 == 0) return 0;
        var g1 = m3 / Math.Pow(m2, 1.5);
        return g1 * Math.Sqrt(n * (n - 1.0)) / (n - 2.0);
    }

    /// <summary>Sample excess kurtosis, bias-adjusted (G2, as Excel's KURT and R e1071 type 2).</summary>
    public static double Kurtosis(IReadOnlyList<double> values)
    {
        var n = values.Count;
        if (n < 4) return 0;
        var (m2, _, m4) = CentralMoments(values);
        if (m2 == 0) return 0;
        var g2 = m4 / (m2 * m2) - 3.0;
        return (n - 1.0) / ((n - 2.0) * (n - 3.0)) * ((n + 1.0) * g2 + 6.0);
    }

    /// <summary>Linear interpolation between order statistics (R type 7) on a sorted array.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q)
    {
        var position = (sorted.Count - 1) * q;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    /// <summary>
    /// The same R type 7 percentile on unsorted values, by selection instead of a full sort (the values are reordered):
    /// the two order statistics it interpolates between are found in linear expected time.
    /// </summary>
    public static double PercentileUnsorted(Span<double> values, double q)
    {
        var position = (values.Length - 1) * q;
        var lower = (int)Math.Floor(position);
        var low = Select(values, lower);
        if (lower + 1 >= values.Length) return low;
        // After selection everything right of `lower` is at least as large: the next order statistic is their minimum.
        var high = double.PositiveInfinity;
        foreach (var v in values[(lower + 1)..]) high = Math.Min(high, v);
        return low + (high - low) * (position - lower);
    }

    /// <summary>
    /// Whether the R type 7 percentile of the values lies above 0 (<paramref name="above"/>) or below 0. Counting decides
    /// whenever the two order statistics it interpolates between lie on the same side of 0 (a value between them then
    /// does too); only otherwise are they selected (<see cref="PercentileUnsorted"/>; the values are then reordered).
    /// </summary>
    public static bool PercentileBeyondZero(Span<double> values, double q, bool above)
    {
        var lower = (int)Math.Floor((values.Length - 1) * q);
        var upper = Math.Min(lower + 1, values.Length - 1);
        var beyond = 0;
        foreach (var v in values)
            if (above ? v > 0 : v < 0) beyond++;
        // The k-th smallest (0-based) is above 0 when at most k values are not; below 0 when more than k values are.
        var (lowerBeyond, upperBeyond) = above ? (values.Length - beyond <= lower, values.Length - beyond <= upper) : (beyond > lower, beyond > upper);
        if (lowerBeyond == upperBeyond) return lowerBeyond;
        var percentile = PercentileUnsorted(values, q);
        return above ? percentile > 0 : percentile < 0;
    }

    /// <summary>Hoare's selection: the k-th smallest value (0-based), leaving smaller ones left of it and larger ones right.</summary>
    private static double Select(Span<double> values, int k)
    {
        var (left, right) = (0, values.Length - 1);
        while (left < right)
        {
            var pivot = values[left + (right - left) / 2];
            var (i, j) = (left, right);
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i > j) break;
                (values[i], values[j]) = (values[j], values[i]);
                i++;
                j--;
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return values[k];
        }
        return values[k];
    }

    private static (double M2, double M3, double M4) CentralMoments(IReadOnlyList<double> values)
    {
        var mean = Mean(values);
        double m2 = 0, m3 = 0, m4 = 0;
        foreach (var v in values)
        {
            var d = v - mean;
            var d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        var n = values.Count;
        return (m2 / n, m3 / n, m4 / n);
    }
}
