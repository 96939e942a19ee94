namespace RiskMap.Core.Forecasting;

/// <summary>
/// The count model, fitted across the units of one level on the quarters up to an origin (nothing later is read):
/// <code>
///   yᵤₜ ~ NegBin(μᵤₜ θᵤ, α),   log μᵤₜ = log pupilsᵤ + β₀ + s_q(t) + γ·(t − origin)/4,   θᵤ ~ Gamma(1/v, 1/v)
/// </code>
/// a Poisson–gamma regression: quarter-of-year seasonality s (Q1 = 0) and a yearly trend γ common to the level, and a
/// multiplicative unit effect θ shrunk by Empirical Bayes towards 1 (the level), its gamma prior's variance v fitted by
/// the method of moments. β, s and γ come from Newton–Raphson on the Poisson likelihood with log θ as offset,
/// alternated with θ's posterior mean until they settle (a 5 × 5 system: a hand-written Newton step is smaller and more
/// transparent than bringing a matrix library for it). For the forecast, θ's posterior weighs the recent quarters more
/// (each quarter back by <see cref="Discount"/>; the last four carry most of the weight) and its prior mean is pulled
/// towards the neighbours' effects by ρ, the regression of log θ on the neighbours' mean log θ (clipped to 0–1).
/// α, the overdispersion left beyond the unit effects, is the method-of-moments value of the Pearson residuals.
/// </summary>
public sealed class CountModel
{
    /// <summary>Weight of a quarter one step further back in the unit's recent level.</summary>
    public const double Discount = 0.8;

    private const int MaxIterations = 50;
    private const double MinPriorVariance = 1e-4;

    private CountModel(CountPanel panel, int origin, double[] beta, double priorVariance, double dispersion, double neighbourWeight,
        double[] shape, double[] rate)
    {
        _panel = panel;
        Origin = origin;
        _beta = beta;
        PriorVariance = priorVariance;
        Dispersion = dispersion;
        NeighbourWeight = neighbourWeight;
        _shape = shape;
        _rate = rate;
    }

    private readonly CountPanel _panel;
    private readonly double[] _beta;
    private readonly double[] _shape;
    private readonly double[] _rate;

    public int Origin { get; }

    /// <summary>log of the level's events per pupil in a first quarter, at the origin.</summary>
    public double Intercept => _beta[0];

    /// <summary>log multipliers of quarters 1–4 against the first (index 0 is 0).</summary>
    public IReadOnlyList<double> Seasonality => [0, _beta[1], _beta[2], _beta[3]];

    /// <summary>log change of the level's rate per year.</summary>
    public double TrendPerYear => _beta[4];

    public double PriorVariance { get; }

    public double Dispersion { get; }

    public double NeighbourWeight { get; }

    /// <summary>The unit's effect for the forecast: its recent level against the level's, shrunk (posterior mean of θ).</summary>
    public double Effect(int unit) => _shape[unit] / _rate[unit];

    /// <summary>The predictive distribution of the unit's count <paramref name="horizon"/> quarters after the origin.</summary>
    public NegativeBinomial Forecast(int unit, int horizon)
    {
        var mean = _panel.Pupils[unit] * Math.Exp(Linear(Quarter(Origin + horizon), horizon)) * Effect(unit);
        // θ ~ Gamma(A, B) mixed over a NegBin(·, α): Var = μ + μ²(1/A + α + α/A).
        var a = _shape[unit];
        return NegativeBinomial.WithDispersion(mean, 1 / a + Dispersion + Dispersion / a);
    }

    public static CountModel Fit(CountPanel panel, int origin)
    {
        var units = panel.Units.Count;
        var rows = new List<(int Unit, int Period)>();
        for (var u = 0; u < units; u++)
            for (var t = 0; t <= origin; t++)
                if (panel.Observed(u, t)) rows.Add((u, t));

        var beta = new double[5];
        var totalEvents = rows.Sum(r => panel.Count(r.Unit, r.Period));
        var totalPupils = rows.Sum(r => panel.Pupils[r.Unit]);
        beta[0] = Math.Log(Math.Max(totalEvents, 0.5) / Math.Max(totalPupils, 1));
        var theta = Enumerable.Repeat(1.0, units).ToArray();
        var v = MinPriorVariance;
        var expected = new double[units];
        var events = new double[units];
        foreach (var (u, t) in rows) events[u] += panel.Count(u, t);
        var hasTrend = rows.Select(r => r.Period).Distinct().Count() >= 2;
        // exp of the linear predictor depends on the quarter only: worked out once per quarter, not once per unit.
        var level = new double[origin + 1];

        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var previous = (double[])beta.Clone();
            NewtonStep(panel, origin, rows, theta, beta, hasTrend, LevelByPeriod(panel, origin, beta, level));
            LevelByPeriod(panel, origin, beta, level);
            Array.Clear(expected);
            foreach (var (u, t) in rows) expected[u] += panel.Pupils[u] * level[t];
            v = PriorVarianceOf(events, expected);
            for (var u = 0; u < units; u++) theta[u] = (1 / v + events[u]) / (1 / v + expected[u]);
            if (previous.Zip(beta).All(p => Math.Abs(p.First - p.Second) < 1e-7)) break;
        }

        LevelByPeriod(panel, origin, beta, level);
        var dispersion = PearsonDispersion(panel, rows, theta, level);
        var logTheta = theta.Select(t => Math.Log(t)).ToArray();
        var rho = NeighbourRegression(panel, logTheta, expected);
        var shape = new double[units];
        var rate = new double[units];
        for (var u = 0; u < units; u++)
        {
            var priorMean = NeighbourMean(panel.Neighbours[u], logTheta, expected) is { } mean ? Math.Exp(rho * mean) : 1;
            shape[u] = 1 / v;
            rate[u] = 1 / (v * priorMean);
        }
        var weights = Enumerable.Range(0, origin + 1).Select(t => Math.Pow(Discount, origin - t)).ToArray();
        foreach (var (u, t) in rows)
        {
            shape[u] += weights[t] * panel.Count(u, t);
            rate[u] += weights[t] * panel.Pupils[u] * level[t];
        }
        return new CountModel(panel, origin, beta, v, dispersion, rho, shape, rate);
    }

    private int Quarter(int period) => Quarter(_panel, period);

    /// <summary>Fills <paramref name="level"/>[t] with exp of the linear predictor of quarter t (before pupils and θ).</summary>
    private static double[] LevelByPeriod(CountPanel panel, int origin, double[] beta, double[] level)
    {
        for (var t = 0; t <= origin; t++) level[t] = Math.Exp(Linear(beta, Quarter(panel, t), t - origin));
        return level;
    }

    private static int Quarter(CountPanel panel, int period)
    {
        var first = panel.Periods[0];
        return (first.Number - 1 + period) % 4;
    }

    private double Linear(int quarter, int stepsFromOrigin) => Linear(_beta, quarter, stepsFromOrigin);

    private static double Linear(double[] beta, int quarter, int stepsFromOrigin) =>
        beta[0] + (quarter > 0 ? beta[quarter] : 0) + beta[4] * stepsFromOrigin / 4.0;

    /// <summary>One Newton–Raphson step of the Poisson log-likelihood in β with offset log pupils + log θ.</summary>
    private static void NewtonStep(CountPanel panel, int origin, List<(int Unit, int Period)> rows, double[] theta, double[] beta,
        bool hasTrend, double[] level)
    {
        var gradient = new double[5];
        var information = new double[5, 5];
        Span<double> x = stackalloc double[5];
        // A row's terms are the intercept, its own quarter (none for Q1) and the trend; the other quarters' x are 0 and
        // add nothing, so only these are summed.
        Span<int> terms = stackalloc int[3];
        var seen = new bool[4];
        foreach (var (u, t) in rows)
        {
            var q = Quarter(panel, t);
            seen[q] = true;
            x.Clear();
            x[0] = 1;
            if (q > 0) x[q] = 1;
            x[4] = (t - origin) / 4.0;
            terms[0] = 0;
            terms[1] = q > 0 ? q : 4;
            terms[2] = 4;
            var active = terms[..(q > 0 ? 3 : 2)];
            var mu = panel.Pupils[u] * theta[u] * level[t];
            var residual = panel.Count(u, t) - mu;
            foreach (var i in active)
            {
                gradient[i] += residual * x[i];
                foreach (var j in active) information[i, j] += mu * x[i] * x[j];
            }
        }
        // A quarter of the year not yet seen (or a single quarter, no trend) has no information: hold its term at 0.
        for (var q = 1; q < 4; q++)
            if (!seen[q]) Fix(information, gradient, q);
        if (!hasTrend) Fix(information, gradient, 4);
        var step = Solve(information, gradient);
        for (var i = 0; i < 5; i++) beta[i] += Math.Clamp(step[i], -5, 5);
    }

    private static void Fix(double[,] information, double[] gradient, int index)
    {
        for (var j = 0; j < 5; j++) information[index, j] = information[j, index] = 0;
        information[index, index] = 1;
        gradient[index] = 0;
    }

    /// <summary>Gaussian elimination with partial pivoting; the system is 5 × 5.</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var r = (double[])b.Clone();
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var i = c + 1; i < n; i++)
                if (Math.Abs(m[i, c]) > Math.Abs(m[pivot, c])) pivot = i;
            if (Math.Abs(m[pivot, c]) < 1e-12) return new double[n];
            for (var j = 0; j < n; j++) (m[c, j], m[pivot, j]) = (m[pivot, j], m[c, j]);
            (r[c], r[pivot]) = (r[pivot], r[c]);
            for (var i = c + 1; i < n; i++)
            {
                var f = m[i, c] / m[c, c];
                for (var j = c; j < n; j++) m[i, j] -= f * m[c, j];
                r[i] -= f * r[c];
            }
        }
        var solution = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var s = r[i];
            for (var j = i + 1; j < n; j++) s -= m[i, j] * solution[j];
            solution[i] = s / m[i, i];
        }
        return solution;
    }

    /// <summary>Var(Yᵤ) = Eᵤ + v Eᵤ² for a unit's total over its quarters, solved for v across units (Marshall's moments).</summary>
    private static double PriorVarianceOf(double[] events, double[] expected)
    {
        double numerator = 0, denominator = 0;
        for (var u = 0; u < events.Length; u++)
        {
            if (expected[u] <= 0) continue;
            numerator += (events[u] - expected[u]) * (events[u] - expected[u]) - events[u];
            denominator += expected[u] * expected[u];
        }
        return denominator <= 0 ? MinPriorVariance : Math.Max(MinPriorVariance, numerator / denominator);
    }

    private static double PearsonDispersion(CountPanel panel, List<(int Unit, int Period)> rows, double[] theta, double[] level)
    {
        double numerator = 0, denominator = 0;
        foreach (var (u, t) in rows)
        {
            var mu = panel.Pupils[u] * theta[u] * level[t];
            var y = panel.Count(u, t);
            numerator += (y - mu) * (y - mu) - mu;
            denominator += mu * mu;
        }
        return denominator <= 0 ? 0 : Math.Clamp(numerator / denominator, 0, 10);
    }

    /// <summary>Least-squares slope of log θᵤ on its neighbours' mean log θ, through the origin, clipped to 0–1.</summary>
    private static double NeighbourRegression(CountPanel panel, double[] logTheta, double[] expected)
    {
        double sxy = 0, sxx = 0;
        for (var u = 0; u < logTheta.Length; u++)
        {
            if (expected[u] <= 0 || NeighbourMean(panel.Neighbours[u], logTheta, expected) is not { } x) continue;
            sxy += x * logTheta[u];
            sxx += x * x;
        }
        return sxx <= 0 ? 0 : Math.Clamp(sxy / sxx, 0, 1);
    }

    /// <summary>The mean log θ of the neighbours with an expected count (summed in their order); null when none has one.</summary>
    private static double? NeighbourMean(int[] neighbours, double[] logTheta, double[] expected)
    {
        double sum = 0;
        var n = 0;
        foreach (var j in neighbours)
        {
            if (expected[j] <= 0) continue;
            sum += logTheta[j];
            n++;
        }
        return n == 0 ? null : sum / n;
    }
}
