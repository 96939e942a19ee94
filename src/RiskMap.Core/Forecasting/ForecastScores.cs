namespace RiskMap.Core.Forecasting;

/// <summary>Scores of probability forecasts of an event (a unit entering risk level 4 or 5).</summary>
public static class ForecastScores
{
    /// <summary>Mean squared difference between the forecast probability and the outcome (1 or 0); lower is better.</summary>
    public static double Brier(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes)
    {
        if (probabilities.Count == 0) return double.NaN;
        var sum = 0.0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var o = outcomes[i] ? 1.0 : 0.0;
            sum += (probabilities[i] - o) * (probabilities[i] - o);
        }
        return sum / probabilities.Count;
    }

    /// <summary>
    /// Average precision: Σₙ (Rₙ − Rₙ₋₁) Pₙ over the distinct probabilities from the highest down, Pₙ and Rₙ the precision
    /// and recall of flagging every unit at or above the n-th (as scikit-learn computes it: units with equal
    /// probabilities are flagged together, so their order never matters). NaN when no unit had the event.
    /// </summary>
    public static double AveragePrecision(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes)
    {
        var positives = outcomes.Count(o => o);
        if (positives == 0) return double.NaN;
        var order = Enumerable.Range(0, probabilities.Count).OrderByDescending(i => probabilities[i]).ToArray();
        double ap = 0, recallBefore = 0;
        int flagged = 0, hits = 0;
        for (var k = 0; k < order.Length; k++)
        {
            flagged++;
            if (outcomes[order[k]]) hits++;
            if (k + 1 < order.Length && probabilities[order[k + 1]] == probabilities[order[k]]) continue;
            var recall = (double)hits / positives;
            ap += (recall - recallBefore) * hits / flagged;
            recallBefore = recall;
        }
        return ap;
    }
}
