using System.Net;
using System.Text.Json;

namespace RiskMap.Web.Tests;

/// <summary>GET /api/search: units by the names people type, and schools only for callers who may see them.</summary>
[Collection(DemoAppCollection.Name)]
public class UnitSearchApiTests(DemoApp app)
{
    private static async Task<List<JsonElement>> MatchesAsync(HttpClient client, string text) =>
        (await Json.GetAsync(client, "/api/search?q=" + Uri.EscapeDataString(text))).GetProperty("matches").EnumerateArray().ToList();

    private static string Code(JsonElement match) => match.GetProperty("code").GetString()!;

    [Theory]
    [InlineData("Шымкент", "790000000")] // the source spells it Чимкент: the official name is an alias
    [InlineData("шымкент", "790000000")]
    [InlineData("Алма-Ата", "750000000")] // a former name
    [InlineData("Аршалинский", "113400000")] // the source has a Latin A
    [InlineData("Солтүстік Қазақстан", "590000000")] // the source has a Latin i for і
    [InlineData("Семёй", "101000000")] // ё typed for е
    public async Task A_name_as_people_type_it_finds_its_unit_first(string text, string kato)
    {
        var matches = await MatchesAsync(app.CreateClient(), text);
        Assert.Equal(kato, Code(matches[0]));
    }

    [Fact]
    public async Task Ambiguous_text_gives_every_unit_it_fits_regions_first()
    {
        var matches = await MatchesAsync(app.CreateClient(), "Турк");
        Assert.Equal(("region", "610000000"), (matches[0].GetProperty("level").GetString(), Code(matches[0])));
        Assert.Contains(matches, m => Code(m) == "611000000"); // the city of Turkistan
        Assert.Contains(matches, m => Code(m) == "751910000"); // Turksib district of Almaty
    }

    [Fact]
    public async Task A_school_is_found_by_its_name_by_the_education_department_of_its_region_but_not_by_the_public_or_another_region()
    {
        var name = await app.Database.ScalarAsync<string>("SELECT name_ru FROM schools WHERE region_kato = '750000000' ORDER BY code LIMIT 1");
        var code = await app.Database.ScalarAsync<string>("SELECT code FROM schools WHERE region_kato = '750000000' ORDER BY code LIMIT 1");

        var edu = await MatchesAsync(await app.ClientAsAsync("edu-75"), name);
        Assert.Contains(edu, m => Code(m) == code && m.GetProperty("level").GetString() == "school");

        Assert.DoesNotContain(await MatchesAsync(app.CreateClient(), name), m => m.GetProperty("level").GetString() == "school");
        Assert.DoesNotContain(await MatchesAsync(await app.ClientAsAsync("planner-71"), name), m => m.GetProperty("level").GetString() == "school");
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("  ")]
    public async Task Too_short_a_text_is_a_problem(string text)
    {
        var problem = await Json.ProblemAsync(await app.CreateClient().GetAsync("/api/search?q=" + Uri.EscapeDataString(text)), HttpStatusCode.BadRequest);
        Assert.Contains("q", problem.GetProperty("detail").GetString());
    }
}
