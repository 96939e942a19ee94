using Dapper;
using RiskMap.Data.Tiles;

namespace RiskMap.Web.Tests;

/// <summary>
/// The demo app with a published run of hand-made results: four districts of Almaty in 2025Q4 whose scores and
/// contributions are chosen here, so hotspot lists have known answers (see <see cref="Expected"/>).
/// </summary>
public class HandScoredApp : ScoredDemoApp
{
    public const string Region = "750000000";
    public const string Period = "2025Q4";

    /// <summary>District → (composite score, contributions by indicator position, score of indicator 1 or NaN).</summary>
    private static readonly (double Score, (int Indicator, double Points)[] Contributions, double Indicator1)[] Made =
    [
        (8.0, [(2, 3.0), (0, 2.0), (3, 1.5), (1, 0.5)], 2.0),
        (6.0, [(1, 4.0)], 9.0),
        (7.0, [(0, 1.0), (1, 1.2), (2, 0.8), (3, 2.0)], 5.0),
        (3.0, [(0, 0.1)], double.NaN),
    ];

    public IReadOnlyList<string> Districts { get; private set; } = [];
    public IReadOnlyList<string> Indicators { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Districts = (await Database.QueryAsync<string>("SELECT kato FROM districts WHERE region_kato = @Region ORDER BY kato LIMIT 4", new { Region })).ToList();
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var (run, indicators, domains) = await connection.QuerySingleAsync<(long, string[], string[])>("""
            INSERT INTO score_runs (methodology_version, methodology, weight_version_id, indicator_codes, indicator_weights, domain_codes,
                                    domain_weights, input_watermark, trigger, requested_by, status, finished_at, periods, result_count)
            SELECT methodology_version, methodology, weight_version_id, indicator_codes, indicator_weights, domain_codes, domain_weights,
                   input_watermark, 'manual', 'hand', 'succeeded', now(), ARRAY[@Period], 4
            FROM score_runs WHERE id = @FirstRun
            RETURNING id, indicator_codes, domain_codes
            """, new { Period, FirstRun }, transaction);
        Indicators = indicators;
        foreach (var (district, made) in Districts.Zip(Made))
        {
            var contributions = new double[indicators.Length];
            foreach (var (indicator, points) in made.Contributions) contributions[indicator] = points;
            var indicatorScores = new float[indicators.Length];
            indicatorScores[1] = (float)made.Indicator1;
            await connection.ExecuteAsync("""
                INSERT INTO score_results (run_id, level, code, period, score, class, domain_scores, contributions, indicator_scores, reliability,
                                           low_reliability, rank, change_quarter, change_year, rank_median, rank_low, rank_high)
                VALUES (@run, 'district', @district, @Period, @score, NULL, @domainScores, @contributions, @indicatorScores, 9.5, false, 0, 0.5, -0.25, 2, 1, 3)
                """, new { run, district, Period, score = made.Score, domainScores = domains.Select(_ => made.Score).ToArray(), contributions, indicatorScores },
                transaction);
        }
        await connection.ExecuteAsync("UPDATE published_score_run SET run_id = @run", new { run }, transaction);
        await MapDataVersion.NotifyAsync(connection, transaction, "scores");
        await transaction.CommitAsync();
    }

    /// <summary>The districts riskiest first with the codes of their top three reasons, worked out by hand from <see cref="Made"/>.</summary>
    public IReadOnlyList<(string District, int Class, string[] Reasons)> Expected =>
    [
        (Districts[0], 5, [Indicators[2], Indicators[0], Indicators[3]]),
        (Districts[2], 5, [Indicators[3], Indicators[1], Indicators[0]]),
        (Districts[1], 4, [Indicators[1]]),
        (Districts[3], 2, [Indicators[0]]),
    ];
}
