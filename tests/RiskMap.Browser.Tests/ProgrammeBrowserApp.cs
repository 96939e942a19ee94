using System.Net.Http.Json;
using System.Text.Json;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The scored browser fixture on a database of its own for the programme tests, whose programmes must not show up in
/// other test classes; it sets programmes up through the API as planner-75 (bearer token, no anti-forgery header).
/// </summary>
public sealed class ProgrammeBrowserApp : ScoredBrowserApp
{
    public const string AlmatyCity = "750000000";

    /// <summary>Almaty city's districts with a score, riskiest first.</summary>
    public async Task<IReadOnlyList<string>> AlmatyDistrictsAsync()
    {
        var client = await ClientAsAsync("analyst");
        var table = await client.GetFromJsonAsync<JsonElement>($"/api/scores?level=district&region={AlmatyCity}");
        return table.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("code").GetString()!).ToList();
    }

    /// <summary>Creates a programme of planner-75 for 2025 with the given districts as targets; returns its id and the target ids.</summary>
    public Task<(long Id, long[] Targets)> CreateProgrammeAsync(string title, params string[] districts) =>
        CreateProgrammeAsync(title, "2025Q1", "2025Q4", districts);

    /// <summary>Creates a programme of planner-75 over the given quarters with the given districts as targets.</summary>
    public async Task<(long Id, long[] Targets)> CreateProgrammeAsync(string title, string startQuarter, string endQuarter, string[] districts)
    {
        var client = await ClientAsAsync("planner-75");
        var created = await ReadAsync(await client.PostAsJsonAsync("/api/programmes", new { title, startQuarter, endQuarter }));
        var id = created.GetProperty("id").GetInt64();
        var targets = new List<long>();
        foreach (var code in districts)
        {
            var target = await ReadAsync(await client.PostAsJsonAsync($"/api/programmes/{id}/targets", new { level = "district", code }));
            targets.Add(target.GetProperty("id").GetInt64());
        }
        return (id, targets.ToArray());
    }

    /// <summary>Assigns a measure due on 30 June 2025 to a target.</summary>
    public async Task AddMeasureAsync(long programme, long target, string measureCode)
    {
        var client = await ClientAsAsync("planner-75");
        await ReadAsync(await client.PostAsJsonAsync($"/api/programmes/{programme}/targets/{target}/measures", new
        {
            measureCode, responsible = "Education department", deadline = "2025-06-30", fundingAmount = 1000000, fundingSource = "Local budget",
        }));
    }

    /// <summary>Assigns a measure to a target and records one quarterly report on it; returns the measure's id.</summary>
    public async Task<long> AddMeasureWithProgressAsync(long programme, long target, string measureCode, string quarter, string note)
    {
        var client = await ClientAsAsync("planner-75");
        var measure = await ReadAsync(await client.PostAsJsonAsync($"/api/programmes/{programme}/targets/{target}/measures", new
        {
            measureCode, responsible = "Управление образования города Алматы и районные отделы образования", deadline = "2025-12-31",
            fundingAmount = 12500000, fundingSource = "Местный бюджет",
        }));
        var id = measure.GetProperty("id").GetInt64();
        await ReadAsync(await client.PostAsJsonAsync($"/api/programmes/{programme}/measures/{id}/progress", new { quarter, note, percent = 40, status = "in_progress" }));
        return id;
    }

    /// <summary>The programme as planner-75 reads it from the API.</summary>
    public async Task<JsonElement> ProgrammeAsync(long id) =>
        await (await ClientAsAsync("planner-75")).GetFromJsonAsync<JsonElement>($"/api/programmes/{id}");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
