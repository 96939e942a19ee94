using System.Net;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests.Vintages;

/// <summary>The steward's remaining vintage work over HTTP and the command line: refusals that name what stands in the way and retiring a unit.</summary>
public class VintageStewardApiTests(TwoVintagesApp app) : IClassFixture<TwoVintagesApp>
{
    private readonly HttpClient _steward = app.ClientAs("steward");

    private Task<(int ExitCode, string Output, string Error)> CliAsync(params string[] arguments) =>
        RiskMapCli.RunAsync(app.Database.ConnectionString, arguments);

    [Fact]
    public async Task A_switch_is_refused_while_a_programme_targets_a_district_the_vintage_lacks_saying_so_in_words()
    {
        // A district of 2024 that 2018 lacks, in a region both have: the programme's target is the one unit in the way.
        var (district, region) = (await app.Database.QueryAsync<(string, string)>("""
            SELECT d.kato, d.region_kato FROM districts d
            WHERE NOT EXISTS (SELECT 1 FROM boundary_units u WHERE u.vintage = 2018 AND u.level = 'district' AND u.kato = d.kato)
              AND EXISTS (SELECT 1 FROM boundary_units u WHERE u.vintage = 2018 AND u.level = 'region' AND u.kato = d.region_kato)
              AND NOT EXISTS (SELECT 1 FROM users WHERE scope_region = d.region_kato OR scope_district = d.kato)
            ORDER BY d.kato LIMIT 1
            """)).Single();
        var programme = await app.Database.ScalarAsync<long>("""
            WITH p AS (INSERT INTO programmes (region_kato, title, start_quarter, end_quarter, created_by)
                       VALUES (@region, 'New district', '2025Q1', '2025Q4', 'planner') RETURNING id)
            INSERT INTO programme_targets (programme_id, level, code, added_by) SELECT id, 'district', @district, 'planner' FROM p RETURNING programme_id
            """, new { region, district });
        try
        {
            var before = await app.Database.DataFingerprintAsync();
            var problem = await Json.ProblemAsync(await _steward.PostAsync("/api/vintages/2018/current", null), HttpStatusCode.Conflict);
            Assert.Equal("vintage-in-use", problem.GetProperty("code").GetString());
            Assert.StartsWith("Vintage 2018 lacks 1 unit that users' scopes or programmes refer to;", problem.GetProperty("detail").GetString());
            var dependent = Assert.Single(problem.GetProperty("dependents").EnumerateArray());
            Assert.Equal(("programme", programme.ToString(System.Globalization.CultureInfo.InvariantCulture), "district", district),
                (dependent.GetProperty("kind").GetString(), dependent.GetProperty("reference").GetString(), dependent.GetProperty("level").GetString(),
                 dependent.GetProperty("kato").GetString()));
            Assert.Equal(before, await app.Database.DataFingerprintAsync());
        }
        finally
        {
            await app.Database.ExecuteAsync("DELETE FROM programmes WHERE id = @programme", new { programme });
        }
    }

    [Fact]
    public async Task A_district_is_retired_off_the_map_once_no_user_works_in_it_and_a_2018_one_from_the_command_line()
    {
        var district = await app.Database.ScalarAsync<string>(
            "SELECT min(d.kato) FROM districts d WHERE NOT EXISTS (SELECT 1 FROM users WHERE scope_district = d.kato)");
        var url = $"/api/vintages/2024/units/district/{district}/retire";
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs("analyst").PostAsync(url, null)).StatusCode);
        await Json.ProblemAsync(await _steward.PostAsync($"/api/vintages/2024/units/school/{district}/retire", null), HttpStatusCode.BadRequest);
        await Json.ProblemAsync(await _steward.PostAsync("/api/vintages/2024/units/district/75111/retire", null), HttpStatusCode.BadRequest);
        await Json.ProblemAsync(await _steward.PostAsync("/api/vintages/2024/units/district/999999999/retire", null), HttpStatusCode.NotFound);

        await app.Database.ExecuteAsync("""
            INSERT INTO users (username, display_name, role, scope_region, scope_district, password_hash)
            SELECT 'education-retire', 'Education department', 'education', region_kato, kato, 'x' FROM districts WHERE kato = @district
            """, new { district });
        var refused = await Json.ProblemAsync(await _steward.PostAsync(url, null), HttpStatusCode.Conflict);
        Assert.Equal("unit-in-use", refused.GetProperty("code").GetString());
        Assert.Equal("education-retire", Assert.Single(refused.GetProperty("dependents").EnumerateArray()).GetProperty("reference").GetString());
        await app.Database.ExecuteAsync("DELETE FROM users WHERE username = 'education-retire'");

        var retired = await Json.ReadAsync(await _steward.PostAsync(url, null), HttpStatusCode.OK);
        Assert.True(retired.GetProperty("retired").GetBoolean());
        await Eventually.HoldsAsync(async () =>
        {
            var districts = await Json.GetAsync(app.CreateClient(), "/api/districts?geometry=none");
            return !districts.GetProperty("features").EnumerateArray().Any(f => f.GetProperty("id").GetString() == district);
        }, "the retired district off the map");
        Assert.Equal(0L, await app.Database.ScalarAsync<long>("SELECT count(*) FROM schools WHERE district_kato = @district", new { district }));
        // Its schools now count in other districts: no published run may still hold the scores made before.
        Assert.Equal(0L, await app.Database.ScalarAsync<long>("""
            SELECT count(*) FROM published_score_run p JOIN score_results r ON r.run_id = p.run_id
            WHERE r.level = 'district' AND r.code = @district
            """, new { district }));
        Assert.Equal($"district {district} of vintage 2024",
            (await Json.GetAsync(_steward, "/api/audit?action=unit-retired"))[0].GetProperty("target").GetString());
        Assert.False((await Json.ReadAsync(await _steward.PostAsync(url, null), HttpStatusCode.OK)).GetProperty("retired").GetBoolean());

        var old = await app.Database.ScalarAsync<string>("SELECT min(kato) FROM boundary_units WHERE vintage = 2018 AND level = 'district' AND retired_at IS NULL");
        var cli = await CliAsync("vintage", "retire", "--level", "district", "--kato", old, "--vintage", "2018");
        Assert.Equal(0, cli.ExitCode);
        Assert.Contains($"The district {old} of vintage 2018 is retired.", cli.Output);
        Assert.Equal(215, (await Json.GetAsync(_steward, "/api/vintages")).EnumerateArray().Single(v => v.GetProperty("vintage").GetInt32() == 2018)
            .GetProperty("districts").GetInt32());
    }
    [Fact]
    public async Task The_command_line_lists_the_vintages_and_refuses_in_words_to_switch_to_or_delete_what_it_must_not()
    {
        var list = await CliAsync("vintage", "list");
        Assert.Equal(0, list.ExitCode);
        // Another test of the class may have retired a district of either.
        Assert.Matches(@"(?m)^2024 \(current\): 20 regions, 22[34] districts, in force \? to \?$", list.Output);
        Assert.Matches(@"(?m)^2018: 17 regions, 21[56] districts", list.Output);

        var before = await app.Database.DataFingerprintAsync();
        var unknown = await CliAsync("vintage", "use", "2099");
        Assert.Equal((1, "There are no regions and districts of vintage 2099; nothing changed."), (unknown.ExitCode, unknown.Error.Trim()));
        var already = await CliAsync("vintage", "use", "2024");
        Assert.Equal((0, "Vintage 2024 already is current: nothing changed."), (already.ExitCode, already.Output.Trim()));
        var current = await CliAsync("vintage", "delete", "2024");
        Assert.Equal((1, "Vintage 2024 is current; make another current first. Nothing changed."), (current.ExitCode, current.Error.Trim()));

        // A district of 2024 that 2018 lacks, in a region both have, as an education department's scope: switching would
        // strand that user.
        var district = await app.Database.ScalarAsync<string>("""
            SELECT min(d.kato) FROM districts d
            WHERE NOT EXISTS (SELECT 1 FROM boundary_units u WHERE u.vintage = 2018 AND u.level = 'district' AND u.kato = d.kato)
              AND EXISTS (SELECT 1 FROM boundary_units u WHERE u.vintage = 2018 AND u.level = 'region' AND u.kato = d.region_kato)
            """);
        await app.Database.ExecuteAsync("""
            INSERT INTO users (username, display_name, role, scope_region, scope_district, password_hash)
            SELECT 'education-cli', 'Education department', 'education', region_kato, kato, 'x' FROM districts WHERE kato = @district
            """, new { district });
        try
        {
            var stranded = await app.Database.DataFingerprintAsync();
            var refused = await CliAsync("vintage", "use", "2018");
            Assert.Equal(1, refused.ExitCode);
            Assert.Equal(["Vintage 2018 lacks units still in use; nothing changed. Change these first:", $"  user education-cli: district {district}"],
                refused.Error.Trim().Split('\n').Select(line => line.TrimEnd()));
            Assert.Equal(stranded, await app.Database.DataFingerprintAsync());
        }
        finally
        {
            await app.Database.ExecuteAsync("DELETE FROM users WHERE username = 'education-cli'");
        }
        Assert.Equal(before, await app.Database.DataFingerprintAsync());
        Assert.Equal(2024, await app.Database.ScalarAsync<int>("SELECT current_boundary_vintage()"));
    }
}
