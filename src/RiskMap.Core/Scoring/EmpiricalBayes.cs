namespace RiskMap.Core.Scoring;

/// <summary>
/// Global Empirical Bayes smoothing of rates (Marshall 1991, Poisson–gamma method of moments, as GeoDa and
/// R spdep::EBest): each unit's rate moves towards the overall rate by as much as its population is small, so a
/// school of 40 pupils with one event does not top the map.
/// </summary>
public static class EmpiricalBayes
{
    /// <param name="events">Event counts per unit.</param>
    /// <param name="populations">Population at risk per unit, greater than zero.</param>
    /// <returns>Smoothed rates as events per one person at risk (multiply for "per 1,000").</returns>
    public static double[] Smooth(IReadOnlyList<double> events, IReadOnlyList<double> populations)
    {
        var k = events.Count;
        var result = new double[k];
        if (k == 0) return result;
        double totalEvents = 0, totalPopulation = 0;
        for (var i = 0; i < k; i++)
        {
            totalEvents += events[i];
            totalPopulation += populations[i];
        }
        var b = totalEvents / totalPopulation;
        var meanPopulation = totalPopulation / k;

        var weightedSquares = 0.0;
        for (var i = 0; i < k; i++)
        {
            var rate = events[i] / populations[i];
            weightedSquares += populations[i] * (rate - b) * (rate - b);
        }
        // Method-of-moments estimate of the prior variance; when negative the rates vary less than chance alone would make them.
        var a = Math.Max(0, weightedSquares / totalPopulation - b / meanPopulation);

        for (var i = 0; i < k; i++)
        {
            var rate = events[i] / populations[i];
            var shrink = a + b / populations[i] == 0 ? 0 : a / (a + b / populations[i]);
            result[i] = b + shrink * (rate - b);
        }
        return result;
    }
}
