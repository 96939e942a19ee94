using static RiskMap.Web.Tests.Access.Callers;
using static RiskMap.Web.Tests.Privacy.PrivacyCallers;

namespace RiskMap.Web.Tests.Privacy;

/// <summary>
/// "A unit as this caller may see it" is one contract on every surface: for each caller and level, the score table, the
/// profiles, the hotspot list, the score export, the vector tiles and the OGC features agree unit by unit on whether the
/// unit appears, its class (or that it is withheld), its score, its rank (among the units of the caller's scope, with
/// rankAmong, and a rank band for the analyst only), methodology 2.0's uncertainty (score interval, probability of risk
/// level 4 or 5 and clear-change flags, exactly with the score) and "suppressed" — and that is what the caller's sight allows:
/// full in the scope, the class only outside it, nothing for small areas outside it, no school outside it.
/// </summary>
public class UnitSightParityTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    public static TheoryData<string, string> CallersAndLevels()
    {
        var data = new TheoryData<string, string>();
        foreach (var caller in Everyone)
            foreach (var level in new[] { "region", "district", "school" })
                data.Add(caller, level);
        return data;
    }

    private async Task<string> LatestPeriodAsync() =>
        (await Json.GetAsync(app.CreateClient(), "/api/periods")).GetProperty("periods").EnumerateArray().Last().GetString()!;

    [Theory]
    [MemberData(nameof(CallersAndLevels))]
    public async Task Every_surface_shows_each_unit_as_the_caller_s_sight_allows(string caller, string level)
    {
        var period = await LatestPeriodAsync();
        var expected = (await UnitTruths.ReadAsync(app.Database, level, period)).AsSeenBy(caller, level);
        var client = await ClientAsync(app, caller);
        if (level == "school" && !SeesSchoolLevel(caller))
        {
            await SchoolSurfacesRefuseAsync(client, caller, period);
            return;
        }

        var differences = new List<string>();
        void Check(Surface surface, IReadOnlyDictionary<string, ShownUnit>? shown, IReadOnlySet<string>? only = null) =>
            differences.AddRange(SightCheck.Differences(caller, level, surface, expected, shown, only, nationalRankBands: caller == Analyst));

        Check(Surface.Table, await Surfaces.TableAsync(client, caller, level, period));
        var sample = ProfileSample(expected, level);
        Check(Surface.Profile, await Surfaces.ProfilesAsync(client, caller, level, sample), sample);
        Check(Surface.Hotspots, await Surfaces.HotspotsAsync(client, caller, level, period));
        Check(Surface.Export, await Surfaces.ExportAsync(client, caller, level, period));
        Check(Surface.Tiles, await Surfaces.TilesAsync(client, caller, level, period, TileZoom(level), await TilesAsync(level), differences));
        Check(Surface.Ogc, await Surfaces.OgcAsync(client, caller, level, period));

        Assert.True(differences.Count == 0,
            $"{differences.Count} differences from the contract for {caller} at {level} level:\n{string.Join("\n", differences.Take(60))}");
    }

    /// <summary>Regions and districts at a low zoom (the whole country); schools at zoom 6, where the layer starts.</summary>
    private static int TileZoom(string level) => level switch { "region" => 4, "district" => 5, _ => 6 };

    /// <summary>Every tile holding a unit of the level: the country's box for regions and districts, each school's tile for schools.</summary>
    private async Task<IReadOnlyList<(int X, int Y)>> TilesAsync(string level)
    {
        var z = TileZoom(level);
        if (level == "school")
        {
            var points = await app.Database.QueryAsync<(double, double)>("SELECT ST_X(geom), ST_Y(geom) FROM schools");
            return points.Select(p => TileOf(p.Item1, p.Item2, z)).Distinct().ToList();
        }
        var box = (await app.Database.QueryAsync<(double, double, double, double)>(
            "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) e FROM regions) x"))[0];
        var (x0, y0) = TileOf(box.Item1, box.Item4, z);
        var (x1, y1) = TileOf(box.Item3, box.Item2, z);
        return [.. from x in Enumerable.Range(x0, x1 - x0 + 1) from y in Enumerable.Range(y0, y1 - y0 + 1) select (x, y)];
    }

    /// <summary>
    /// Profiles to read (one request each): every region; Almaty city's districts, the small districts and every 20th other
    /// district; Almaly's first schools, another Almaty district's, Astana's and every 500th school.
    /// </summary>
    private static HashSet<string> ProfileSample(IReadOnlyList<ExpectedUnit> units, string level) => level switch
    {
        "region" => units.Select(u => u.Code).ToHashSet(),
        "district" => units.Where((u, i) => u.Truth.RegionKato == Almaty || SmallDistricts.Contains(u.Code) || i % 20 == 0).Select(u => u.Code).ToHashSet(),
        _ => units.Where((u, i) => u.Truth.DistrictKato is Almaly or AlmatyOtherDistrict or AstanaDistrict && u.Code.EndsWith("-001", StringComparison.Ordinal)
                                    || u.Code is "D751110000-002" or "D751110000-003" || i % 500 == 0).Select(u => u.Code).ToHashSet(),
    };

    /// <summary>The public and the steward get no school-level data from any surface: 401 and 403.</summary>
    private async Task SchoolSurfacesRefuseAsync(HttpClient client, string caller, string period)
    {
        var tile = await app.Database.TileUrlAsync("schools", 6, "districts", Almaly);
        foreach (var url in new[]
                 {
                     $"/api/scores?level=school&period={period}", $"/api/scores/school/{AlmatySchool}", $"/api/hotspots?level=school&top=100000",
                     $"/api/exports/scores?level=school&format=csv", tile, "/ogc/collections/schools/items?limit=10000",
                 })
            await RefusalAsync(await client.GetAsync(url), caller);
    }
}
