using Npgsql;
using NpgsqlTypes;
using RiskMap.Core.Geography;
using RiskMap.Core.Scoring;

namespace RiskMap.Data.Scoring;

/// <summary>Writes a run's results (with 2.0's uncertainty and out-of-range flags) by binary COPY inside the publishing transaction.</summary>
internal static class ScoreResultWriter
{
    public static int Write(NpgsqlConnection connection, long runId, ScoringResult result)
    {
        using var copy = connection.BeginBinaryImport("""
            COPY score_results (run_id, level, period, code, score, class, domain_scores, contributions, indicator_scores, reliability,
                                low_reliability, rank, change_quarter, change_year, rank_median, rank_low, rank_high,
                                score_low, score_high, high_risk_probability, clear_change_quarter, clear_change_year, out_of_range)
            FROM STDIN (FORMAT BINARY)
            """);
        var rows = 0;
        foreach (var (level, scores) in result.Scores)
        {
            var levelCode = level.ToCode();
            foreach (var s in scores)
            {
                copy.StartRow();
                copy.Write(runId, NpgsqlDbType.Bigint);
                copy.Write(levelCode, NpgsqlDbType.Text);
                copy.Write(s.Period.ToString(), NpgsqlDbType.Char);
                copy.Write(s.Code, NpgsqlDbType.Text);
                WriteNullable(copy, s.Score);
                if (s.Class is { } riskClass) copy.Write((short)riskClass, NpgsqlDbType.Smallint); else copy.WriteNull();
                // A domain without data is NaN: arrays with NULL elements do not read back into double[].
                copy.Write(s.DomainScores.Select(d => d ?? double.NaN).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Double);
                copy.Write(s.Contributions, NpgsqlDbType.Array | NpgsqlDbType.Double);
                copy.Write(s.IndicatorScores, NpgsqlDbType.Array | NpgsqlDbType.Real);
                copy.Write(s.Reliability, NpgsqlDbType.Double);
                copy.Write(s.LowReliability, NpgsqlDbType.Boolean);
                copy.Write(s.Rank, NpgsqlDbType.Integer);
                WriteNullable(copy, s.ChangeFromPreviousQuarter);
                WriteNullable(copy, s.ChangeFromYearBefore);
                WriteNullable(copy, s.Band?.Median);
                WriteNullable(copy, s.Band?.Low);
                WriteNullable(copy, s.Band?.High);
                // Methodology 2.0 only; null for a 1.0 run.
                WriteNullable(copy, s.Uncertainty?.Low);
                WriteNullable(copy, s.Uncertainty?.High);
                WriteNullable(copy, s.Uncertainty?.HighOrVeryHighProbability);
                WriteNullable(copy, s.Uncertainty?.ClearChangeFromPreviousQuarter);
                WriteNullable(copy, s.Uncertainty?.ClearChangeFromYearBefore);
                if (s.OutOfRange is { } flags) copy.Write(flags, NpgsqlDbType.Array | NpgsqlDbType.Boolean); else copy.WriteNull();
                rows++;
            }
        }
        copy.Complete();
        return rows;
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, double? value)
    {
        if (value is { } v) copy.Write(v, NpgsqlDbType.Double); else copy.WriteNull();
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, bool? value)
    {
        if (value is { } v) copy.Write(v, NpgsqlDbType.Boolean); else copy.WriteNull();
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, int? value)
    {
        if (value is { } v) copy.Write(v, NpgsqlDbType.Integer); else copy.WriteNull();
    }
}
