using RiskMap.Core.Geography;

namespace RiskMap.Data.Tiles;

/// <summary>A vector tile layer: its name in URLs and in the tile, its zooms, and the attributes it carries.</summary>
public sealed record TileLayer(string Name, EntityLevel Level, int MinZoom, int MaxZoom, IReadOnlyDictionary<string, string> Fields)
{
    private static readonly Dictionary<string, string> UnitFields = new()
    {
        ["kato"] = "KATO code",
        ["name_kk"] = "Name in Kazakh",
        ["name_ru"] = "Name in Russian",
        ["name_en"] = "Name in English",
        ["score"] = "Composite risk score 0–10 (published run, chosen quarter); only in the caller's scope",
        ["class"] = "Risk class 1 (very low) … 5 (very high)",
        ["low_reliability"] = "True when the score rests on too few current indicators",
        ["change_quarter"] = "Change of the score against the previous quarter",
        ["change_year"] = "Change of the score against the same quarter a year before",
        ["rank"] = "Rank among the units of the level the caller sees in full (the whole country for an analyst, the scope for others), 1 = riskiest; none outside the scope",
    };

    private static readonly Dictionary<string, string> AreaFields = new(UnitFields)
    {
        ["class"] = "Risk class 1 (very low) … 5 (very high); none where suppressed",
        ["suppressed"] = "True when the class is withheld from this caller: the unit has too few pupils to publish it",
    };

    public static readonly TileLayer Regions = new("regions", EntityLevel.Region, 0, 12, AreaFields);

    public static readonly TileLayer Districts = new("districts", EntityLevel.District, 0, 14,
        new Dictionary<string, string>(AreaFields) { ["region_kato"] = "KATO code of the region" });

    public static readonly TileLayer Schools = new("schools", EntityLevel.School, 6, 16, new Dictionary<string, string>(UnitFields)
    {
        ["kato"] = "School code",
        ["district_kato"] = "KATO code of the district",
        ["region_kato"] = "KATO code of the region",
        ["pupils"] = "Pupils",
    });

    public static readonly IReadOnlyList<TileLayer> All = [Regions, Districts, Schools];

    public static TileLayer? Find(string name) => All.FirstOrDefault(l => l.Name == name);

    /// <summary>The simplified geometry for a zoom (see refresh_boundary_generalised in the migrations).</summary>
    public static int Band(int zoom) => zoom <= 4 ? 0 : zoom <= 7 ? 1 : zoom <= 10 ? 2 : 3;

    /// <summary>At most this many features go into one tile; more would make a tile no client can draw quickly.</summary>
    public const int MaxFeatures = 20_000;
}
