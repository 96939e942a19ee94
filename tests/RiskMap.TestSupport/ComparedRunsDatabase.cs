using Dapper;

namespace RiskMap.TestSupport;

/// <summary>
/// The real regions and two hand-made score runs of four of them over 2025Q3–2025Q4, one per methodology, whose
/// comparison is worked out by hand below (the run's fixed thresholds 2, 3.5, 5, 6.5 cut the risk levels). Neither is published.
/// </summary>
public class ComparedRunsDatabase : BoundariesDatabase
{
    public const string Almaty = "750000000";
    public const string Astana = "710000000";

    /// <summary>The other two regions: the first two by KATO after Almaty and Astana are set aside.</summary>
    public IReadOnlyList<string> Regions { get; private set; } = [];

    public long BaseRun { get; private set; }
    public long OtherRun { get; private set; }

    /// <summary>Per region (Almaty, Astana, C, D): 2025Q3 score, 2025Q4 score, 2025Q4 rank band (low, high).</summary>
    private static readonly (double Q3, double Q4, int Low, int High)[] Base = [(7.0, 6.0, 1, 2), (4.0, 5.5, 1, 3), (1.0, 1.5, 3, 4), (3.0, 4.0, 2, 4)];
    private static readonly (double Q3, double Q4, int Low, int High)[] Other = [(6.6, 6.7, 1, 1), (5.2, 4.0, 2, 3), (3.0, 3.1, 2, 4), (1.0, 1.2, 3, 4)];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var others = await QueryAsync<string>("SELECT kato::text FROM regions WHERE kato::text NOT IN (@Almaty, @Astana) ORDER BY kato LIMIT 2",
            new { Almaty, Astana });
        Regions = [Almaty, Astana, .. others];
        BaseRun = await InsertRunAsync("riskmap-1.0", Base);
        OtherRun = await InsertRunAsync("riskmap-2.0", Other);
    }

    private async Task<long> InsertRunAsync(string version, (double Q3, double Q4, int Low, int High)[] scores)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var run = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO score_runs (methodology_version, methodology, weight_version_id, indicator_codes, indicator_weights, domain_codes,
                                    domain_weights, input_watermark, trigger, requested_by, status, finished_at, periods, result_count)
            VALUES (@version, jsonb_build_object('version', @version, 'classThresholds', jsonb_build_array(2.0, 3.5, 5.0, 6.5)),
                    (SELECT min(id) FROM weight_versions), '{}', '{}', '{}', '{}', 0, 'manual', 'hand', 'succeeded', now(),
                    ARRAY['2025Q3', '2025Q4'], 8)
            RETURNING id
            """, new { version });
        foreach (var (code, s) in Regions.Zip(scores))
        {
            await connection.ExecuteAsync("""
                INSERT INTO score_results (run_id, level, code, period, score, class, domain_scores, contributions, indicator_scores, reliability,
                                           low_reliability, rank, rank_median, rank_low, rank_high)
                VALUES (@run, 'region', @code, '2025Q3', @q3, NULL, '{}', '{}', '{}', 9, false, 0, NULL, NULL, NULL),
                       (@run, 'region', @code, '2025Q4', @q4, NULL, '{}', '{}', '{}', 9, false, 0, @low, @low, @high)
                """, new { run, code, q3 = s.Q3, q4 = s.Q4, low = s.Low, high = s.High });
        }
        return run;
    }
}
