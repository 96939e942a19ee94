using RiskMap.Data.Imports;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>
/// Count tables are kept between requests (they are read on every profile and table); an import must show at once, in
/// the table and in its list of quarters, and the public pattern must follow the new counts.
/// </summary>
public class CountTableChangeTests(SuppressionFixtureApp app) : IClassFixture<SuppressionFixtureApp>
{
    private const string Url = $"/api/counts?indicator=suicides&period=2025Q4&region={SuppressionFixtureDatabase.Region}";

    [Fact]
    public async Task An_import_changes_the_table_and_its_quarters_on_the_next_request()
    {
        var planner = await app.ClientAsAsync("planner-75");
        var before = await Json.GetAsync(planner, Url);
        Assert.Equal(13, before.GetProperty("total").GetProperty("value").GetDouble());
        Assert.Equal("c", (await Json.GetAsync(app.CreateClient(), Url)).GetProperty("total").GetProperty("flag").GetString());

        var districts = app.Database.Districts;
        using var files = new TempFiles();
        await app.Database.ImportAsync(ImportKind.Indicators, files.Write("suicides.csv",
            "entity_level,entity_code,indicator,period,value,denominator\n" +
            $"district,{districts[0]},suicides,2025Q4,30,20000\ndistrict,{districts[0]},suicides,2026Q1,2,20000\n"));

        var after = await Json.GetAsync(planner, Url);
        Assert.Equal(40, after.GetProperty("total").GetProperty("value").GetDouble());
        // 30 and 10 are no longer small, so the public now sees the region's total.
        Assert.Equal(40, (await Json.GetAsync(app.CreateClient(), Url)).GetProperty("total").GetProperty("value").GetDouble());
        var latest = await Json.GetAsync(planner, $"/api/counts?indicator=suicides&region={SuppressionFixtureDatabase.Region}");
        Assert.Equal("2026Q1", latest.GetProperty("period").GetString());
    }
}
