using System.Text.Json;
using RiskMap.Core.Scoring;
using static RiskMap.Web.Tests.Access.Callers;
using static RiskMap.Web.Tests.Privacy.PrivacyCallers;

namespace RiskMap.Web.Tests.Privacy;

/// <summary>
/// What a caller must not learn about units outside their scope from the surfaces beyond the composite: domain and
/// indicator measures, quantile classes, single school features, and programme effectiveness.
/// </summary>
public partial class OutOfScopeLeakTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private static readonly string[] ScopedCallers = [Planner75, Planner71, Education75, EducationAlmaly];

    private static IEnumerable<JsonElement> Units(JsonElement table) => table.GetProperty("units").EnumerateArray();

    private static string Code(JsonElement unit) => unit.GetProperty("code").GetString()!;

    private static bool InScope(string caller, string level, JsonElement unit) =>
        PrivacyCallers.InScope(caller, level, unit.GetProperty("regionKato").GetString(), unit.GetProperty("districtKato").GetString());

    public static TheoryData<string, string, string> CallersMeasuresAndLevels()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var caller in ScopedCallers.Append(Analyst))
            foreach (var measure in new[] { "indicator=suicides", "domain=violence" })
                foreach (var level in new[] { "region", "district" })
                    data.Add(caller, measure, level);
        return data;
    }

    [Theory]
    [MemberData(nameof(CallersMeasuresAndLevels))]
    public async Task A_domain_or_indicator_table_shows_no_class_or_score_outside_the_caller_s_scope(string caller, string measure, string level)
    {
        var table = await Json.GetAsync(await ClientAsync(app, caller), $"/api/scores?level={level}&{measure}");
        var units = Units(table).ToList();
        Assert.NotEmpty(units);
        var leaked = units.Where(u => !InScope(caller, level, u)
                                      && (u.GetProperty("class").ValueKind != JsonValueKind.Null || u.GetProperty("score").ValueKind != JsonValueKind.Null))
            .Select(u => $"{Code(u)}: class {u.GetProperty("class")}, score {u.GetProperty("score")}").ToList();
        Assert.True(leaked.Count == 0, $"{caller} sees the {measure} class or score of {leaked.Count} {level}s outside the scope: {string.Join("; ", leaked.Take(10))}");
        // In the scope a unit has a class exactly when it is scored on the measure (methodology 2.0 leaves a unit below
        // the minimum expected count of a rare count unscored on it).
        Assert.All(units.Where(u => InScope(caller, level, u)),
            u => Assert.Equal(u.GetProperty("score").ValueKind == JsonValueKind.Number, u.GetProperty("class").ValueKind == JsonValueKind.Number));
    }

    public static TheoryData<string> Scoped => [.. ScopedCallers];

    [Theory]
    [MemberData(nameof(Scoped))]
    public async Task Hotspots_and_exports_by_a_domain_or_indicator_list_only_the_caller_s_scope(string caller)
    {
        var client = await ClientAsync(app, caller);
        foreach (var by in new[] { "indicator:suicides", "domain:violence" })
        {
            var list = await Json.GetAsync(client, $"/api/hotspots?level=district&by={by}&top=100000");
            var units = list.GetProperty("units").EnumerateArray().Select(h => h.GetProperty("unit")).ToList();
            Assert.All(units, u => Assert.True(InScope(caller, "district", u), $"{caller} by {by}: {Code(u)} is outside the scope"));
            var export = JsonDocument.Parse(await client.GetByteArrayAsync($"/api/exports/scores?level=district&by={by}&format=geojson&lang=en")).RootElement;
            Assert.All(FeaturesOf(export), f => Assert.True(PrivacyCallers.InScope(caller, "district", Property(f, "region KATO"), Property(f, "district KATO")),
                $"{caller} export by {by}: {Property(f, "code")} is outside the scope"));
        }
    }

    public static TheoryData<string, string> CallersAndLevels()
    {
        var data = new TheoryData<string, string>();
        foreach (var caller in ScopedCallers.Append(Analyst).Append(Anonymous))
            foreach (var level in new[] { "region", "district" })
                data.Add(caller, level);
        return data;
    }

    [Theory]
    [MemberData(nameof(CallersAndLevels))]
    public async Task Quantile_thresholds_are_rounded_to_two_decimals(string caller, string level)
    {
        var table = await Json.GetAsync(await ClientAsync(app, caller), $"/api/scores?level={level}&classes=quantile");
        Assert.All(table.GetProperty("thresholds").EnumerateArray(), t => Assert.Equal(Math.Round(t.GetDouble(), 2), t.GetDouble()));
    }

    [Theory]
    [InlineData(Analyst, "district")]
    [InlineData(Planner75, "district")]
    [InlineData(Anonymous, "district")]
    [InlineData(EducationAlmaly, "school")]
    [InlineData(Planner71, "school")]
    public async Task Composite_quantile_classes_are_quintiles_of_the_units_whose_class_the_caller_sees(string caller, string level)
    {
        // The composite class is public outside small areas, so its quintiles are cut from every unit whose class the
        // caller sees: in full, or class only; never from a withheld small area.
        var table = await Json.GetAsync(await ClientAsync(app, caller), $"/api/scores?level={level}&classes=quantile");
        var period = table.GetProperty("period").GetString()!;
        var seen = (await UnitTruths.ReadAsync(app.Database, level, period)).AsSeenBy(caller, level)
            .Where(u => u.Sight is Sight.Full or Sight.ClassOnly && u.Truth.Score is not null).ToList();
        Assert.NotEmpty(seen);
        var expected = RiskClasses.ShownQuantileThresholds(seen.Select(u => u.Truth.Score!.Value));
        var thresholds = table.GetProperty("thresholds").EnumerateArray().Select(t => t.GetDouble()).ToList();
        Assert.Equal(expected, thresholds);
        var classes = Units(table).ToDictionary(Code, u => u.GetProperty("class"));
        Assert.All(seen, u => Assert.Equal((int)RiskClasses.ByThresholds(u.Truth.Score!.Value, thresholds), classes[u.Code].GetInt32()));
    }

    [Theory]
    [InlineData(Planner75)]
    [InlineData(EducationAlmaly)]
    public async Task Quantile_classes_of_an_indicator_are_cut_from_the_caller_s_scope_and_shown_only_there(string caller)
    {
        // A domain's or indicator's score is detail: its quintiles rest on the units the caller sees in full, and a unit
        // outside the scope has no class by it.
        var client = await ClientAsync(app, caller);
        var level = caller == EducationAlmaly ? "school" : "district";
        var table = await Json.GetAsync(client, $"/api/scores?level={level}&indicator=bullying_reports&classes=quantile");
        var inside = Units(table).Where(u => InScope(caller, level, u) && u.GetProperty("score").ValueKind == JsonValueKind.Number).ToList();
        Assert.NotEmpty(inside);
        Assert.Equal(RiskClasses.ShownQuantileThresholds(inside.Select(u => u.GetProperty("score").GetDouble())),
            table.GetProperty("thresholds").EnumerateArray().Select(t => t.GetDouble()));
        Assert.All(Units(table).Where(u => !InScope(caller, level, u)), u => Assert.Equal(JsonValueKind.Null, u.GetProperty("class").ValueKind));
    }

    [Theory]
    [InlineData(Analyst)]
    [InlineData(Planner75)]
    public async Task When_the_measure_does_not_vary_every_unit_is_class_1_not_class_5(string caller)
    {
        // A kept run in which every district's suicides score is the same (0) in the latest quarter, as a collapsed
        // estimate once made it: a copy of the published run's districts with that score set.
        var period = (await app.Database.QueryAsync<string>(
            "SELECT periods[array_upper(periods, 1)] FROM score_runs WHERE id = (SELECT run_id FROM published_score_run)"))[0];
        var run = await app.Database.ScalarAsync<long>("""
            INSERT INTO score_runs (methodology_version, methodology, weight_version_id, indicator_codes, indicator_weights, domain_codes,
                                    domain_weights, input_watermark, trigger, requested_by, status, periods, level_references)
            SELECT methodology_version, methodology, weight_version_id, indicator_codes, indicator_weights, domain_codes,
                   domain_weights, input_watermark, trigger, 'test', status, periods, level_references
            FROM score_runs WHERE id = (SELECT run_id FROM published_score_run)
            RETURNING id
            """);
        await app.Database.ExecuteAsync("""
            CREATE TEMP TABLE constant AS
                SELECT * FROM score_results WHERE run_id = (SELECT run_id FROM published_score_run) AND level = 'district' AND period = @period;
            UPDATE constant c SET run_id = @run, indicator_scores[array_position(r.indicator_codes, 'suicides')] = 0 FROM score_runs r WHERE r.id = @run;
            INSERT INTO score_results SELECT * FROM constant;
            DROP TABLE constant;
            """, new { run, period });
        var table = await Json.GetAsync(await ClientAsync(app, caller), $"/api/scores?level=district&indicator=suicides&classes=quantile&period={period}&run={run}");
        var classes = Units(table).Where(u => InScope(caller, "district", u)).Select(u => u.GetProperty("class").GetInt32()).ToList();
        Assert.NotEmpty(classes);
        Assert.All(classes, c => Assert.Equal(1, c));
    }

    [Theory]
    [InlineData(Planner71, AlmatySchool)]
    [InlineData(Planner75, AstanaSchool)]
    [InlineData(Education75, AstanaSchool)]
    [InlineData(EducationAlmaly, "D751210000-001")]
    public async Task A_single_school_outside_the_scope_is_forbidden_on_every_surface(string caller, string school)
    {
        var client = await ClientAsync(app, caller);
        foreach (var url in new[] { $"/api/scores/school/{school}", $"/ogc/collections/schools/items/{school}?f=json", $"/ogc/collections/schools/items/{school}?f=html" })
        {
            var problem = await RefusalAsync(await client.GetAsync(url), caller);
            Assert.False(problem.TryGetProperty("properties", out _), url);
            Assert.False(problem.TryGetProperty("latest", out _), url);
        }
    }

    [Fact]
    public async Task The_district_scoped_reader_gets_the_schools_of_their_district()
    {
        var client = await ClientAsync(app, EducationAlmaly);
        var feature = await Json.GetAsync(client, "/ogc/collections/schools/items/D751110000-001?f=json");
        Assert.NotNull(Property(feature, "score"));
        await Json.GetAsync(client, "/api/scores/school/D751110000-001");
    }
}
