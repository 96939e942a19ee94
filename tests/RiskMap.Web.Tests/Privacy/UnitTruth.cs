using RiskMap.TestSupport;

namespace RiskMap.Web.Tests.Privacy;

/// <summary>How much of a unit a caller may see.</summary>
public enum Sight
{
    /// <summary>In the caller's scope: score, class, domain scores, changes, rank, contributions.</summary>
    Full,

    /// <summary>A region or district outside the scope with enough pupils: its composite class, reliability and names.</summary>
    ClassOnly,

    /// <summary>A region or district outside the scope with too few pupils: not even its class ("suppressed").</summary>
    Withheld,

    /// <summary>A school outside the scope: listed nowhere.</summary>
    Unlisted,
}

/// <summary>A unit's published composite result in one quarter, read straight from the database (NaN as null), with
/// methodology 2.0's probability of risk level 4 or 5.</summary>
public sealed record UnitTruth(string Code, string? RegionKato, string? DistrictKato, long Pupils, double? Score, int? Class, double? HighRiskProbability);

/// <summary>What the contract says a caller sees of a unit; rank and rankAmong are over the units of the level in the caller's scope;
/// the uncertainty (interval, probability of risk level 4 or 5, clear changes) exactly with the score.</summary>
public sealed record ExpectedUnit(UnitTruth Truth, Sight Sight, int? Class, double? Score, int? Rank, int? RankAmong, double? HighRiskProbability = null)
{
    public string Code => Truth.Code;

    /// <summary>Hotspot lists and exports hold exactly the units the caller sees in full that have a score.</summary>
    public bool InScopeLists => Sight == Sight.Full && Score is not null;
}

internal static class UnitTruths
{
    /// <summary>Access:MinimumPupilsForClass, default.</summary>
    public const int MinimumPupilsForClass = 1000;

    public static async Task<IReadOnlyList<UnitTruth>> ReadAsync(TestDatabase database, string level, string period)
    {
        var units = level switch
        {
            "region" => "SELECT kato AS code, kato AS region_kato, NULL::text AS district_kato FROM regions",
            "district" => "SELECT kato AS code, region_kato, kato AS district_kato FROM districts",
            _ => "SELECT code, region_kato, district_kato FROM schools",
        };
        var pupilsBy = level switch { "region" => "region_kato", "district" => "district_kato", _ => "code" };
        var rows = await database.QueryAsync<(string, string?, string?, long, double?, short?, double?)>($"""
            SELECT u.code, u.region_kato, u.district_kato, COALESCE(p.pupils, 0)::bigint, NULLIF(s.score, 'NaN')::float8, s.class,
                   s.high_risk_probability
            FROM ({units}) u
            LEFT JOIN (SELECT {pupilsBy} AS code, sum(pupils) AS pupils FROM schools GROUP BY {pupilsBy}) p ON p.code = u.code
            LEFT JOIN score_results s ON s.run_id = (SELECT run_id FROM published_score_run) AND s.level = @level AND s.period = @period AND s.code = u.code
            ORDER BY u.code
            """, new { level, period });
        return rows.Select(r => new UnitTruth(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5, r.Item6, r.Item7)).ToList();
    }

    /// <summary>The contract applied to every unit of a level for one caller.</summary>
    public static IReadOnlyList<ExpectedUnit> AsSeenBy(this IReadOnlyList<UnitTruth> units, string caller, string level)
    {
        var sights = units.ToDictionary(u => u.Code, u => SightOf(caller, level, u));
        var ranked = units.Where(u => sights[u.Code] == Sight.Full && u.Score is not null).Select(u => u.Score!.Value).ToList();
        return units.Select(u =>
        {
            var sight = sights[u.Code];
            return sight switch
            {
                Sight.Full when u.Score is { } score => new ExpectedUnit(u, sight, u.Class, score, 1 + ranked.Count(s => s > score), ranked.Count, u.HighRiskProbability),
                Sight.Full or Sight.ClassOnly => new ExpectedUnit(u, sight, u.Class, null, null, null),
                _ => new ExpectedUnit(u, sight, null, null, null, null),
            };
        }).ToList();
    }

    private static Sight SightOf(string caller, string level, UnitTruth unit) =>
        PrivacyCallers.InScope(caller, level, unit.RegionKato, unit.DistrictKato) ? Sight.Full
        : level == "school" ? Sight.Unlisted
        : unit.Pupils < MinimumPupilsForClass ? Sight.Withheld
        : Sight.ClassOnly;
}
