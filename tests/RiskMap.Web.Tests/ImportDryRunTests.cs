using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace RiskMap.Web.Tests;

/// <summary>The data steward checks an indicator file with a dry run before importing it.</summary>
public class ImportDryRunTests(ImportApp app) : IClassFixture<ImportApp>
{
    private readonly HttpClient _steward = app.ClientAs("steward");

    private const string Astana = "710000000";
    private const string Almaty = "750000000";

    private static MultipartFormDataContent Upload(string content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "values.csv");
        return form;
    }

    private static string Values(params (string Region, string Period, int Value)[] rows) =>
        "entity_level,entity_code,indicator,period,value\n" +
        string.Concat(rows.Select(r => $"region,{r.Region},offences_against_minors,{r.Period},{r.Value}\n"));

    private Task<long> BatchesAsync() => app.Database.ScalarAsync<long>("SELECT count(*) FROM import_batches");

    [Fact]
    public async Task A_dry_run_shows_the_counts_and_changed_values_and_stores_nothing_then_the_import_stores_them()
    {
        await Json.ReadAsync(await _steward.PostAsync("/api/imports/indicators?source=akimat", Upload(Values((Astana, "2025Q1", 12), (Almaty, "2025Q1", 30)))),
            HttpStatusCode.Created);
        var changed = Values((Astana, "2025Q1", 12), (Almaty, "2025Q1", 41), (Almaty, "2025Q2", 7));
        var (data, batches) = (await app.Database.DataFingerprintAsync(), await BatchesAsync());

        var preview = await Json.ReadAsync(await _steward.PostAsync("/api/imports/indicators?source=akimat&dryRun=true", Upload(changed)), HttpStatusCode.OK);

        Assert.True(preview.GetProperty("dryRun").GetBoolean());
        Assert.Equal((3, 1, 1, 1), (preview.GetProperty("rowsRead").GetInt32(), preview.GetProperty("inserted").GetInt32(),
            preview.GetProperty("updated").GetInt32(), preview.GetProperty("unchanged").GetInt32()));
        var changes = preview.GetProperty("changes").EnumerateArray().ToList();
        var update = changes[0];
        Assert.Equal(("region", Almaty, "offences_against_minors", "2025Q1", 30.0, 41.0, false),
            (update.GetProperty("level").GetString(), update.GetProperty("code").GetString(), update.GetProperty("indicator").GetString(),
                update.GetProperty("period").GetString(), update.GetProperty("old").GetDouble(), update.GetProperty("new").GetDouble(),
                update.GetProperty("oldWithheld").GetBoolean()));
        Assert.Equal((JsonValueKind.Null, 7.0), (changes[1].GetProperty("old").ValueKind, changes[1].GetProperty("new").GetDouble()));
        Assert.Equal(2, changes.Count);
        // Nothing stored: the data and the import log are as they were.
        Assert.Equal(data, await app.Database.DataFingerprintAsync());
        Assert.Equal(batches, await BatchesAsync());

        await Json.ReadAsync(await _steward.PostAsync("/api/imports/indicators?source=akimat", Upload(changed)), HttpStatusCode.Created);
        Assert.NotEqual(data, await app.Database.DataFingerprintAsync());
        Assert.Equal(41, await app.Database.ScalarAsync<double>(
            "SELECT value FROM observations WHERE entity_code = @Almaty AND indicator_code = 'offences_against_minors' AND period = '2025Q1'", new { Almaty }));
    }

    [Fact]
    public async Task A_dry_run_does_not_show_values_someone_else_imported()
    {
        var path = Path.Combine(Path.GetTempPath(), $"values-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, Values((Astana, "2024Q3", 5)));
        try
        {
            await app.Database.ImportAsync(RiskMap.Data.Imports.ImportKind.Indicators, path);
        }
        finally
        {
            File.Delete(path);
        }

        var preview = await Json.ReadAsync(await _steward.PostAsync("/api/imports/indicators?dryRun=true", Upload(Values((Astana, "2024Q3", 6)))), HttpStatusCode.OK);

        var change = preview.GetProperty("changes").EnumerateArray().Single();
        Assert.Equal((JsonValueKind.Null, 6.0, true), (change.GetProperty("old").ValueKind, change.GetProperty("new").GetDouble(), change.GetProperty("oldWithheld").GetBoolean()));
    }

    [Fact]
    public async Task A_dry_run_of_a_bad_file_lists_row_and_field_and_logs_nothing()
    {
        var batches = await BatchesAsync();

        var response = await _steward.PostAsync("/api/imports/indicators?dryRun=true", Upload(Values((Astana, "2025Q1", 3)).Replace("2025Q1", "2025Q9")));

        var problem = await Json.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        var issue = problem.GetProperty("issues")[0];
        Assert.Equal((2, "period"), (issue.GetProperty("row").GetInt32(), issue.GetProperty("field").GetString()));
        Assert.Equal(JsonValueKind.Null, problem.GetProperty("batchId").ValueKind);
        Assert.Equal(batches, await BatchesAsync());
    }
}
