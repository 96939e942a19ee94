using System.Net;
using System.Text.Json;
using RiskMap.TestSupport;
using static RiskMap.Web.Tests.Access.Callers;
using static RiskMap.Web.Tests.ExportFiles;

namespace RiskMap.Web.Tests;

/// <summary>
/// Methodology 2.0 keeps a unit's risk level from the previous quarter while its score stays within the level's margin
/// (docs/methodology.md, step 9): every surface shows the level the engine published, not the plain level of the score,
/// and a caller who sees the score is told the level was kept.
/// </summary>
public class HeldLevelTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private sealed record Held(string Code, string RegionKato, int Level, int Plain, double Margin);

    /// <summary>A district of the published run's latest quarter whose stored level is not its score's plain level.</summary>
    private async Task<Held> HeldDistrictAsync()
    {
        var held = (await app.Database.QueryAsync<Held>("""
            SELECT code AS Code, region_kato AS RegionKato, level AS Level, plain AS Plain, margin AS Margin FROM (
                SELECT r.code, d.region_kato, r.class::int AS level,
                       1 + (SELECT count(*) FROM unnest(score_run_class_thresholds(r.run_id, 'district')) b WHERE r.score >= b)::int AS plain,
                       (s.level_references -> 'district' ->> 'levelMargin')::float8 AS margin
                FROM published_score_run p JOIN score_runs s ON s.id = p.run_id
                JOIN score_results r ON r.run_id = s.id AND r.level = 'district' AND r.period = s.periods[cardinality(s.periods)]
                JOIN districts d ON d.kato = r.code) x
            WHERE level <> plain ORDER BY code LIMIT 1
            """)).SingleOrDefault();
        Assert.True(held is not null, "the demo's latest quarter has no district whose level was held");
        return held;
    }

    private static JsonElement Unit(JsonElement units, string code) => units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == code);

    [Fact]
    public async Task The_table_profile_hotspots_export_and_tile_all_show_the_held_level_and_say_it_was_held()
    {
        var held = await HeldDistrictAsync();
        Assert.Equal(1, Math.Abs(held.Level - held.Plain));
        var analyst = app.ClientAs(Analyst);

        var row = Unit((await Json.GetAsync(analyst, "/api/scores?level=district")).GetProperty("units"), held.Code);
        Assert.Equal(held.Level, row.GetProperty("class").GetInt32());
        Assert.Equal(held.Margin, row.GetProperty("levelHeldWithin").GetDouble(), 12);

        var profile = await Json.GetAsync(analyst, $"/api/scores/district/{held.Code}");
        Assert.Equal(held.Level, profile.GetProperty("latest").GetProperty("class").GetInt32());
        Assert.Equal(held.Margin, profile.GetProperty("latest").GetProperty("levelHeldWithin").GetDouble(), 12);
        Assert.Equal(held.Level, profile.GetProperty("history").EnumerateArray().Last().GetProperty("class").GetInt32());

        var hotspots = (await Json.GetAsync(analyst, $"/api/hotspots?level=district&region={held.RegionKato}&class={held.Level}")).GetProperty("units");
        Assert.Contains(hotspots.EnumerateArray(), h => h.GetProperty("unit").GetProperty("code").GetString() == held.Code);

        var export = ParseCsv(await analyst.GetByteArrayAsync($"/api/exports/scores?level=district&region={held.RegionKato}&format=csv&lang=en"));
        var exported = export.Single(r => r[export[0].ToList().IndexOf("code")] == held.Code);
        Assert.Equal(held.Level.ToString(), exported[export[0].ToList().IndexOf("risk level (1–5)")]);

        var (lon, lat) = (await app.Database.QueryAsync<(double, double)>(
            "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p FROM districts WHERE kato = @code) s", new { code = held.Code }))[0];
        const int z = 8;
        var x = (int)Math.Floor((lon + 180) / 360 * (1 << z));
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(lat * Math.PI / 180) + 1 / Math.Cos(lat * Math.PI / 180)) / Math.PI) / 2 * (1 << z));
        var tile = await analyst.GetAsync($"/tiles/districts/{z}/{x}/{y}.mvt");
        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        var feature = MvtReader.Read(await tile.Content.ReadAsByteArrayAsync()).Single().Features.Single(f => (string)f.Attributes["kato"] == held.Code);
        Assert.Equal(held.Level, (double)feature.Attributes["class"]);
    }

    [Fact]
    public async Task A_caller_who_sees_only_the_level_gets_the_held_level_but_not_that_it_was_held()
    {
        var held = await HeldDistrictAsync();

        var row = Unit((await Json.GetAsync(app.CreateClient(), "/api/scores?level=district")).GetProperty("units"), held.Code);

        Assert.Equal(held.Level, row.GetProperty("class").GetInt32());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("levelHeldWithin").ValueKind);
    }

    [Fact]
    public async Task Quantile_classes_stay_the_plain_classes_of_the_quintiles_and_say_nothing_of_a_held_level()
    {
        var analyst = app.ClientAs(Analyst);
        var quantile = (await Json.GetAsync(analyst, "/api/scores?level=district&classes=quantile"));
        var bounds = quantile.GetProperty("thresholds").EnumerateArray().Select(t => t.GetDouble()).ToArray();

        Assert.All(quantile.GetProperty("units").EnumerateArray().Where(u => u.GetProperty("score").ValueKind == JsonValueKind.Number), u =>
        {
            Assert.Equal(1 + bounds.Count(b => u.GetProperty("score").GetDouble() >= b), u.GetProperty("class").GetInt32());
            Assert.Equal(JsonValueKind.Null, u.GetProperty("levelHeldWithin").ValueKind);
        });
    }
}
