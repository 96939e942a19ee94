using System.Net;
using System.Text.Json;
using RiskMap.Core.Privacy;
using RiskMap.Data.Imports;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>
/// Almaty city (750000000) with suicides in 2025Q4 of 3 in its first district, 10 in its second and 0 elsewhere: a total
/// of 13, and no data anywhere else. Withholding only the 3 would give it away (13 − 10 − 0 … = 3), so the 10 goes too;
/// the 10's own insider would still subtract, so the region's total goes, and with it the national total, which is the
/// region's count.
/// </summary>
public sealed class SuppressionFixtureDatabase : BoundariesDatabase
{
    public const string Region = "750000000";
    public IReadOnlyList<string> Districts { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Districts = await QueryAsync<string>("SELECT kato FROM districts WHERE region_kato = @Region ORDER BY kato", new { Region });
        using var files = new TempFiles();
        var rows = Districts.Select((kato, i) => $"district,{kato},suicides,2025Q4,{(i == 0 ? 3 : i == 1 ? 10 : 0)},{20_000 + i}");
        await ImportAsync(ImportKind.Indicators, files.Write("suicides.csv",
            "entity_level,entity_code,indicator,period,value,denominator\n" + string.Join("\n", rows) + "\n"));
    }
}

public class SuppressionFixtureApp : RiskMapWebFactory<SuppressionFixtureDatabase>;

public class CountSuppressionTests(SuppressionFixtureApp app) : IClassFixture<SuppressionFixtureApp>
{
    private const string Url = $"/api/counts?indicator=suicides&period=2025Q4&region={SuppressionFixtureDatabase.Region}";

    private IReadOnlyList<string> Districts => app.Database.Districts;

    private static Dictionary<string, JsonElement> ByCode(JsonElement table) =>
        table.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("code").GetString()!);

    [Fact]
    public async Task The_public_sees_neither_the_small_count_nor_any_count_that_would_reveal_it()
    {
        var table = await Json.GetAsync(app.CreateClient(), Url);
        var units = ByCode(table);
        foreach (var withheld in Districts.Take(2).Select(d => units[d]).Append(table.GetProperty("total")))
        {
            Assert.Equal("c", withheld.GetProperty("flag").GetString());
            Assert.Equal(JsonValueKind.Null, withheld.GetProperty("value").ValueKind);
            Assert.Equal(JsonValueKind.Null, withheld.GetProperty("rate").ValueKind);
        }
        Assert.All(Districts.Skip(2), d => Assert.Equal(0, units[d].GetProperty("value").GetDouble()));

        var national = await Json.GetAsync(app.CreateClient(), "/api/counts?indicator=suicides&period=2025Q4");
        Assert.Equal("c", national.GetProperty("total").GetProperty("flag").GetString());
        Assert.Equal("c", ByCode(national)[SuppressionFixtureDatabase.Region].GetProperty("flag").GetString());
    }

    [Fact]
    public async Task No_district_s_insider_can_subtract_their_own_count_to_find_the_small_one()
    {
        var truth = new[] { new CountCell("KZ", null, 13), new CountCell(SuppressionFixtureDatabase.Region, "KZ", 13) }
            .Concat(Districts.Select((d, i) => new CountCell(d, SuppressionFixtureDatabase.Region, i == 0 ? 3 : i == 1 ? 10 : 0))).ToList();
        var tables = new[] { Url, "/api/counts?indicator=suicides&period=2025Q4" };
        var withheld = new HashSet<string>();
        foreach (var table in await Task.WhenAll(tables.Select(url => Json.GetAsync(app.CreateClient(), url))))
            withheld.UnionWith(ByCode(table).Values.Append(table.GetProperty("total"))
                .Where(u => u.GetProperty("flag").ValueKind == JsonValueKind.String).Select(u => u.GetProperty("code").GetString()!));
        foreach (var known in DisclosureAudit.Views(truth))
            Assert.Empty(DisclosureAudit.Exposed(truth, withheld, known, 5));
    }

    [Fact]
    public async Task The_region_s_own_planner_sees_every_count_and_rate()
    {
        var table = await Json.GetAsync(await app.ClientAsAsync("planner-75"), Url);
        var units = ByCode(table);
        Assert.Equal(13, table.GetProperty("total").GetProperty("value").GetDouble());
        Assert.Equal(3, units[Districts[0]].GetProperty("value").GetDouble());
        Assert.Equal(10, units[Districts[1]].GetProperty("value").GetDouble());
        Assert.Equal(Math.Round(3 / 20_000.0 * 1_000, 3), units[Districts[0]].GetProperty("rate").GetDouble());
        Assert.All(units.Values, u => Assert.Equal(JsonValueKind.Null, u.GetProperty("flag").ValueKind));
    }

    [Fact]
    public async Task Another_region_s_planner_sees_what_the_public_sees()
    {
        var theirs = await (await app.ClientAsAsync("planner-71")).GetStringAsync(Url);
        Assert.Equal(await app.CreateClient().GetStringAsync(Url), theirs);
    }

    [Fact]
    public async Task The_analyst_sees_the_region_s_total_and_the_national_total()
    {
        var table = await Json.GetAsync(await app.ClientAsAsync("analyst"), "/api/counts?indicator=suicides&period=2025Q4");
        Assert.Equal("region", table.GetProperty("level").GetString());
        Assert.Equal(20, table.GetProperty("units").GetArrayLength());
        Assert.Equal(13, ByCode(table)[SuppressionFixtureDatabase.Region].GetProperty("value").GetDouble());
        Assert.Equal(13, table.GetProperty("total").GetProperty("value").GetDouble());
    }

    [Theory]
    [InlineData("/api/counts?indicator=happiness", HttpStatusCode.NotFound)]
    [InlineData("/api/counts?indicator=screening_high_risk_share", HttpStatusCode.BadRequest)]
    [InlineData("/api/counts?indicator=suicides&period=2025Q5", HttpStatusCode.BadRequest)]
    [InlineData("/api/counts?indicator=suicides&period=2025Q3", HttpStatusCode.NotFound)]
    [InlineData("/api/counts?indicator=suicides&region=75", HttpStatusCode.BadRequest)]
    [InlineData("/api/counts?indicator=suicides&region=990000000", HttpStatusCode.NotFound)]
    public async Task Bad_count_requests_are_problems(string url, HttpStatusCode status) =>
        await Json.ProblemAsync(await app.CreateClient().GetAsync(url), status);
}
