using System.Net;

namespace RiskMap.Web.Tests.Vintages;

/// <summary>
/// Deleting a vintage and the dates that stand in its way, over HTTP and the command line: on a database of its own, as
/// it deletes the 2018 boundaries that the other vintage classes start with.
/// </summary>
public class VintageDeletionApiTests(TwoVintagesApp app) : IClassFixture<TwoVintagesApp>
{
    private readonly HttpClient _steward = app.ClientAs("steward");

    private Task<(int ExitCode, string Output, string Error)> CliAsync(params string[] arguments) =>
        RiskMapCli.RunAsync(app.Database.ConnectionString, arguments);

    [Fact]
    public async Task Deleting_a_vintage_is_refused_while_its_quarters_hold_observations_then_allowed_and_overlapping_dates_are_refused()
    {
        Assert.Equal(0, (await CliAsync("vintage", "set", "2018", "--from", "2018-01-01", "--to", "2030-12-31")).ExitCode);
        var overlap = await CliAsync("vintage", "set", "2024", "--from", "2024-01-01");
        Assert.Equal(1, overlap.ExitCode);
        Assert.Equal("Vintage 2018 is in force from 2018-01-01 to 2030-12-31, which overlaps these dates: a quarter would belong to both. Nothing changed.",
            overlap.Error.Trim());
        Assert.Null(await app.Database.ScalarAsync<DateTime?>("SELECT valid_from FROM boundary_vintages WHERE vintage = 2024"));

        var refused = await Json.ProblemAsync(await _steward.DeleteAsync("/api/vintages/2018"), HttpStatusCode.Conflict);
        Assert.Equal("vintage-in-use", refused.GetProperty("code").GetString());
        Assert.Contains(refused.GetProperty("references").EnumerateArray(), r => r.GetProperty("kind").GetString() == "observations");
        var current = await Json.ProblemAsync(await _steward.DeleteAsync("/api/vintages/2024"), HttpStatusCode.Conflict);
        Assert.Equal("vintage-current", current.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs("analyst").DeleteAsync("/api/vintages/2018")).StatusCode);

        Assert.Equal(0, (await CliAsync("vintage", "set", "2018")).ExitCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _steward.DeleteAsync("/api/vintages/2018")).StatusCode);
        Assert.Equal([2024], (await Json.GetAsync(_steward, "/api/vintages")).EnumerateArray().Select(v => v.GetProperty("vintage").GetInt32()));
        await Json.ProblemAsync(await _steward.DeleteAsync("/api/vintages/2018"), HttpStatusCode.NotFound);
    }
}
