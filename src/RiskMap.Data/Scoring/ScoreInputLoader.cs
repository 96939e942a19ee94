using Dapper;
using Npgsql;
using NpgsqlTypes;
using RiskMap.Core.Indicators;
using RiskMap.Core.Scoring;

namespace RiskMap.Data.Scoring;

/// <summary>Reads every unit and observation into the engine's arrays; observations come by binary COPY, the fastest way out.</summary>
internal static class ScoreInputLoader
{
    private sealed record UnitRow(string Code, string? Parent, double Pupils);

    public static async Task<ScoringInput> LoadAsync(NpgsqlConnection connection, Catalogue catalogue, CancellationToken cancellationToken)
    {
        var periods = await PeriodsAsync(connection);
        var indicatorIndex = catalogue.Indicators.Select((i, index) => (i.Code, index)).ToDictionary(p => p.Code, p => p.index);
        var periodIndex = periods.Select((p, index) => (p.ToString(), index)).ToDictionary(p => p.Item1, p => p.index);

        async Task<LevelData> Level(string sql)
        {
            var units = (await connection.QueryAsync<UnitRow>(new CommandDefinition(sql, cancellationToken: cancellationToken, commandTimeout: 600))).ToList();
            return new LevelData(units.Select(u => u.Code).ToList(), units.Select(u => u.Parent).ToList(), units.Select(u => u.Pupils).ToList(),
                catalogue.Indicators.Count, periods.Count);
        }
        var schools = await Level("SELECT code, district_kato AS Parent, pupils::float8 AS Pupils FROM schools ORDER BY code");
        var districts = await Level("""
            SELECT d.kato AS Code, d.region_kato AS Parent, COALESCE(sum(s.pupils), 0)::float8 AS Pupils
            FROM districts d LEFT JOIN schools s ON s.district_kato = d.kato GROUP BY d.kato ORDER BY d.kato
            """);
        var regions = await Level("""
            SELECT r.kato AS Code, NULL AS Parent, COALESCE(sum(s.pupils), 0)::float8 AS Pupils
            FROM regions r LEFT JOIN schools s ON s.region_kato = r.kato GROUP BY r.kato ORDER BY r.kato
            """);

        var levels = new Dictionary<string, LevelData> { ["school"] = schools, ["district"] = districts, ["region"] = regions };
        ReadObservations(connection, levels, indicatorIndex, periodIndex);
        return new ScoringInput(catalogue, periods, schools, districts, regions);
    }

    /// <summary>
    /// The observations in today's boundaries (those of an earlier vintage's quarters carried through the crosswalk).
    /// Millions of rows: read synchronously field by field (an await per field would cost more than the data), and
    /// the many repeats of the same code strings are matched without keeping them.
    /// </summary>
    private static void ReadObservations(NpgsqlConnection connection, Dictionary<string, LevelData> levels,
        Dictionary<string, int> indicatorIndex, Dictionary<string, int> periodIndex)
    {
        using var export = connection.BeginBinaryExport(
            "COPY (SELECT entity_level, entity_code, indicator_code, period, value, denominator FROM observations_today) TO STDOUT (FORMAT BINARY)");
        while (export.StartRow() != -1)
        {
            var level = levels[export.Read<string>(NpgsqlDbType.Text)];
            var code = export.Read<string>(NpgsqlDbType.Text);
            var indicator = indicatorIndex[export.Read<string>(NpgsqlDbType.Text)];
            var period = periodIndex[export.Read<string>(NpgsqlDbType.Char)];
            var value = export.Read<double>(NpgsqlDbType.Double);
            double? denominator = null;
            if (export.IsNull) export.Skip();
            else denominator = export.Read<double>(NpgsqlDbType.Double);
            if (level.TryGetUnit(code, out var unit)) level.Set(period, indicator, unit, value, denominator);
        }
    }

    /// <summary>Every quarter from the first observed to the last, without gaps, so that "a year earlier" is four steps back.</summary>
    private static async Task<IReadOnlyList<Quarter>> PeriodsAsync(NpgsqlConnection connection)
    {
        var (first, last) = await connection.QuerySingleAsync<(string?, string?)>("SELECT min(period), max(period) FROM observations");
        if (!Quarter.TryParse(first, out var from) || !Quarter.TryParse(last, out var to)) return [];
        var periods = new List<Quarter>();
        for (var q = from; q.CompareTo(to) <= 0; q = q.Next()) periods.Add(q);
        return periods;
    }
}
