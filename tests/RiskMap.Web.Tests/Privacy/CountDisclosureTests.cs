using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Privacy;
using RiskMap.Core.Tests.Privacy;
using RiskMap.Data.Queries;
using RiskMap.TestSupport;
using RiskMap.Web.Tests.Access;

namespace RiskMap.Web.Tests.Privacy;

/// <summary>
/// The demo with the callers whose tables an attacker would combine: the public, the demo planners and education
/// department, a Turkistan planner and a district's education department. Each caller's view of a table (the national
/// table and every region's, or only the region holding their scope) is read once and shared by the tests.
/// </summary>
public class CountDisclosureApp : RiskMapWebFactory<DemoDatabase>
{
    public const string Turkistan = "610000000";
    public const string Akmola = "110000000";
    public const string Abay = "100000000";
    public const string EducationDistrict = Callers.AlmatyDistrict;
    public const string TurkistanPlanner = "planner-61";
    public const string DistrictEducation = "edu-751110000";

    public static readonly string[] Quarters = ["2023Q1", "2023Q2", "2023Q3", "2023Q4", "2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"];

    /// <summary>The insiders, each with the unit whose counts (and those under it) they see exactly.</summary>
    public static readonly (string Caller, string Scope)[] Insiders =
    [
        (Callers.Planner75, Callers.Almaty), (Callers.Planner71, Callers.Astana), (Callers.Education75, Callers.Almaty),
        (TurkistanPlanner, Turkistan), (DistrictEducation, EducationDistrict),
    ];

    private readonly ConcurrentDictionary<string, Task<HttpClient>> _clients = new();
    private readonly ConcurrentDictionary<(string, string, string, string?), Task<Dictionary<string, Shown>>> _views = new();

    public Task<HttpClient> ClientAsync(string caller) => _clients.GetOrAdd(caller, c => c switch
    {
        TurkistanPlanner => this.ClientForNewUserAsync(c, Role.Planner, Turkistan),
        DistrictEducation => this.ClientForNewUserAsync(c, Role.Education, EducationDistrict),
        _ => this.ClientForAsync(c),
    });

    /// <summary>
    /// The counts as the caller is shown them, from the national table and every region's, or only
    /// <paramref name="onlyRegion"/>'s.
    /// </summary>
    public Task<Dictionary<string, Shown>> ViewAsync(string caller, string indicator, string quarter, string? onlyRegion = null) =>
        _views.GetOrAdd((caller, indicator, quarter, onlyRegion), async _ =>
        {
            var client = await ClientAsync(caller);
            var url = $"/api/counts?indicator={indicator}&period={quarter}";
            var national = await Json.GetAsync(client, url);
            var cells = new Dictionary<string, Shown>(StringComparer.Ordinal);
            Add(cells, national.GetProperty("total"), null);
            var regions = national.GetProperty("units").EnumerateArray().ToList();
            foreach (var region in regions) Add(cells, region, CountQueries.NationalCode);
            var tables = await Task.WhenAll(regions.Select(r => r.GetProperty("code").GetString()).Where(r => onlyRegion is null || r == onlyRegion)
                .Select(r => Json.GetAsync(client, $"{url}&region={r}")));
            foreach (var table in tables)
                foreach (var district in table.GetProperty("units").EnumerateArray())
                    Add(cells, district, table.GetProperty("total").GetProperty("code").GetString());
            return cells;
        });

    public async Task<IReadOnlyList<string>> CountIndicatorsAsync() =>
        (await Json.GetAsync(CreateClient(), "/api/indicators")).EnumerateArray()
            .Where(i => i.GetProperty("isCount").GetBoolean()).Select(i => i.GetProperty("code").GetString()!).ToList();

    private static void Add(Dictionary<string, Shown> cells, JsonElement unit, string? parent) =>
        cells[unit.GetProperty("code").GetString()!] = new Shown(unit.GetProperty("code").GetString()!, parent,
            unit.GetProperty("value").ValueKind == JsonValueKind.Number ? unit.GetProperty("value").GetDouble() : null,
            unit.GetProperty("flag").ValueKind == JsonValueKind.String);
}

/// <summary>One count as a caller is shown it: its value, or null when withheld or without data.</summary>
public sealed record Shown(string Code, string? Parent, double? Value, bool Withheld);

public class CountDisclosureTests(CountDisclosureApp app) : IClassFixture<CountDisclosureApp>
{
    private const int Threshold = 5;

    /// <summary>Every table: each count indicator in each quarter, with the true counts (the analyst's) and the public pattern.</summary>
    private async Task<List<(string Indicator, string Quarter, List<CountCell> Truth, HashSet<string> Withheld)>> TablesAsync()
    {
        var tables = new List<(string, string, List<CountCell>, HashSet<string>)>();
        foreach (var indicator in await app.CountIndicatorsAsync())
            foreach (var quarter in CountDisclosureApp.Quarters)
            {
                var truth = await app.ViewAsync(Callers.Analyst, indicator, quarter);
                Assert.DoesNotContain(truth.Values, c => c.Withheld);
                var published = await app.ViewAsync(Callers.Anonymous, indicator, quarter);
                tables.Add((indicator, quarter, [.. truth.Values.Select(c => new CountCell(c.Code, c.Parent, c.Value))],
                    published.Values.Where(c => c.Withheld).Select(c => c.Code).ToHashSet(StringComparer.Ordinal)));
            }
        return tables;
    }

    private static HashSet<string> Scope(IReadOnlyList<CountCell> cells, string unit) =>
        cells.Where(c => c.Code == unit || c.ParentCode == unit).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

    /// <remarks>
    /// The national table and the insider's own region's table in every quarter; every other region's table in the
    /// latest quarter too (reading all of them in every quarter would take minutes and test the same code path).
    /// </remarks>
    [Fact]
    public async Task Every_insider_sees_their_own_counts_and_the_public_pattern_everywhere_else()
    {
        foreach (var (indicator, quarter, truth, withheld) in await TablesAsync())
            foreach (var (caller, unit) in CountDisclosureApp.Insiders)
            {
                var scope = Scope(truth, unit);
                var region = truth.Single(c => c.Code == unit).ParentCode is { } parent and not CountQueries.NationalCode ? parent : unit;
                var shown = await app.ViewAsync(caller, indicator, quarter, quarter == CountDisclosureApp.Quarters[^1] ? null : region);
                Assert.True(shown.Count > 20, $"{indicator} {quarter}, {caller}: {shown.Count} counts");
                foreach (var cell in truth.Where(c => shown.ContainsKey(c.Code)))
                {
                    var expectWithheld = withheld.Contains(cell.Code) && !scope.Contains(cell.Code);
                    Assert.True(expectWithheld == shown[cell.Code].Withheld, $"{indicator} {quarter}, {caller}: {cell.Code}");
                    if (!expectWithheld) Assert.Equal(cell.Value, shown[cell.Code].Value);
                }
            }
    }

    [Fact]
    public async Task Neither_the_public_nor_any_insider_narrows_a_withheld_count_below_the_threshold()
    {
        var tablesWithComplements = 0;
        foreach (var (indicator, quarter, truth, withheld) in await TablesAsync())
        {
            Assert.All(truth.Where(c => c.Value is >= 1 and < Threshold), c => Assert.Contains(c.Code, withheld));
            var views = CountDisclosureApp.Insiders.Select(i => (i.Caller, Known: Scope(truth, i.Scope))).Prepend((Callers.Anonymous, []));
            foreach (var (caller, known) in views)
                Assert.Empty(DisclosureAudit.Exposed(truth, withheld, known, Threshold).Select(code => $"{indicator} {quarter}, {caller}: {code}"));
            if (truth.Any(c => c.Value >= Threshold && withheld.Contains(c.Code))) tablesWithComplements++;
        }
        Assert.True(tablesWithComplements > 30, $"only {tablesWithComplements} tables needed complements");
    }

    [Fact]
    public async Task Replaying_the_old_rule_recovers_no_count_for_the_public_or_an_insider()
    {
        foreach (var (indicator, quarter, truth, withheld) in await TablesAsync())
            foreach (var (caller, known) in CountDisclosureApp.Insiders.Select(i => (i.Caller, Known: Scope(truth, i.Scope))).Prepend((Callers.Anonymous, [])))
            {
                var own = Attacks.OwnDeductions(truth, known);
                Assert.Empty(Attacks.ReplayOfTheSmallestComplementRule(truth, withheld, known, Threshold).Where(code => !own.Contains(code))
                    .Select(code => $"{indicator} {quarter}, {caller}: {code}"));
            }
    }

    [Fact]
    public async Task The_reported_leaks_no_longer_give_a_count_away()
    {
        // Leak 1: Abay's districts for bullying reports in 2025Q2, which the public used to work out as 6, 4, 4, 4.
        var tables = await TablesAsync();
        var (_, _, truth, withheld) = tables.Single(t => t is { Indicator: "bullying_reports", Quarter: "2025Q2" });
        var abayDistricts = truth.Where(c => c.ParentCode == CountDisclosureApp.Abay && withheld.Contains(c.Code)).ToList();
        Assert.NotEmpty(abayDistricts);
        var ranges = DisclosureAudit.Ranges(truth, withheld, new HashSet<string>());
        Assert.All(abayDistricts, d => Assert.True(ranges[d.Code].Width >= Threshold, $"{d.Code}: {ranges[d.Code]}"));

        // Leak 2: a Turkistan planner and Akmola's count; a district's education department and Almaty's districts.
        foreach (var (indicator, quarter, cells, hidden) in tables)
        {
            foreach (var (unit, victims) in new[] { (CountDisclosureApp.Turkistan, new[] { CountDisclosureApp.Akmola }),
                         (CountDisclosureApp.EducationDistrict, cells.Where(c => c.ParentCode == Callers.Almaty).Select(c => c.Code).ToArray()) })
            {
                var insiderRanges = DisclosureAudit.Ranges(cells, hidden, Scope(cells, unit));
                foreach (var victim in victims.Where(insiderRanges.ContainsKey))
                    Assert.True(insiderRanges[victim].Width >= Threshold, $"{indicator} {quarter}, insider of {unit}: {victim} in {insiderRanges[victim]}");
            }
        }
    }

    [Fact]
    public async Task A_quarter_without_observations_is_not_found()
    {
        var problem = await Json.ProblemAsync(await app.CreateClient().GetAsync("/api/counts?indicator=suicides&period=2022Q4"), HttpStatusCode.NotFound);
        Assert.Equal("not-found", problem.GetProperty("code").GetString());
        Assert.Contains("2025Q4", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_service_s_database_role_reads_the_disclosure_key_but_cannot_change_it()
    {
        await using var service = new NpgsqlConnection(app.Database.AppConnectionString);
        await service.OpenAsync();
        Assert.False(await service.ExecuteScalarAsync<bool>(
            "SELECT pg_has_role(current_user, tableowner, 'MEMBER') FROM pg_tables WHERE tablename = 'disclosure_key'"),
            "The service connects as the owner of disclosure_key: ./riskmap test sets RISKMAP_TEST_APP_PG to the runtime role.");
        Assert.Equal(32, (await service.QuerySingleAsync<byte[]>("SELECT key FROM disclosure_key")).Length);
        foreach (var change in new[] { "UPDATE disclosure_key SET key = '\\x00'", "DELETE FROM disclosure_key", "TRUNCATE disclosure_key",
                     "INSERT INTO disclosure_key (id, key) VALUES (true, '\\x00') ON CONFLICT (id) DO UPDATE SET key = excluded.key" })
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => service.ExecuteAsync(change));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        }
    }
}
