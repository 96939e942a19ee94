using System.Net.Http.Json;
using System.Text.Json;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The scored browser fixture on a database of its own for the alerts page, whose acknowledgements must not show up in
/// other test classes; it raises alerts by hand in Almaty city's districts for the published run's latest quarter.
/// </summary>
public sealed class AlertBrowserApp : ScoredBrowserApp
{
    public const string AlmatyCity = "750000000";

    /// <summary>Raises a clear-rise alert for each of Almaty city's first districts (if the run has not) and returns their ids.</summary>
    public async Task<IReadOnlyList<long>> RaiseInAlmatyAsync(int districts)
    {
        var client = await ClientAsAsync("analyst");
        var table = await client.GetFromJsonAsync<JsonElement>($"/api/scores?level=district&region={AlmatyCity}");
        var codes = table.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("code").GetString()!).Take(districts).ToArray();
        await Database.ExecuteAsync("""
            INSERT INTO alerts (rule, level, code, period, score, change, run_id, rule_version_id)
            SELECT 'clear-rise', 'district', code, r.period, 7.5, 0.9, r.run_id, 1
            FROM unnest(@codes) AS code, (SELECT run_id, (SELECT max(period) FROM score_results s WHERE s.run_id = p.run_id) AS period
                                         FROM published_score_run p) r
            ON CONFLICT DO NOTHING
            """, new { codes });
        return await Database.QueryAsync<long>("""
            SELECT id FROM alerts WHERE rule = 'clear-rise' AND level = 'district' AND code = ANY(@codes) ORDER BY id
            """, new { codes });
    }

    /// <summary>How many new alerts planner-75 has, as the API counts them.</summary>
    public async Task<int> NewAlertsOfAsync(string username)
    {
        var client = await ClientAsAsync(username);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/alerts?status=new&pageSize=1");
        return list.GetProperty("total").GetInt32();
    }
}
