using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using RiskMap.Data.Access;
using RiskMap.Data.Feeds;
using RiskMap.Data.Scoring;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Cli;

/// <summary>
/// <c>riskmap bench feed [--values 100000] [--keep]</c>: a scratch database with the real boundaries and enough synthetic
/// schools for the batch (<see cref="BenchDatabase"/>); one agency client pushes a batch of that many new values (each
/// school's value of every indicator in a new quarter) through <c>POST /api/feeds/observations</c> of the service on
/// loopback, and the same rows are then written by binary <c>COPY</c> into the observations (in the next quarter), in the
/// same run, each with its values per second and the load average.
/// </summary>
internal static class FeedBenchmark
{
    private const string FeedQuarter = "2030Q1";
    private const string CopyQuarter = "2030Q2";

    private sealed record Indicator(string Code, string Unit, bool IsCount);

    public static async Task<int> RunAsync(IConfiguration configuration, string geodata, int values, bool keep)
    {
        var server = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("RiskMap"));
        var database = keep ? $"riskmap_bench_feed_{values}" : $"riskmap_bench_feed_{values}_{Environment.ProcessId}";
        var generate = await BenchDatabase.CreateAsync(server, database);
        try
        {
            // 20 indicators (BenchDatabase's): one school's values of all of them in a quarter.
            await using var provider = await BenchDatabase.ServicesAsync(server, database, geodata, (values + 19) / 20, generate, new ScoringOptions());
            var dataSource = provider.GetRequiredService<NpgsqlDataSource>();
            await using var connection = await dataSource.OpenConnectionAsync();
            await connection.ExecuteAsync("DELETE FROM observations WHERE period IN (@FeedQuarter, @CopyQuarter)", new { FeedQuarter, CopyQuarter });
            var indicators = (await connection.QueryAsync<Indicator>("SELECT code, unit, is_count AS IsCount FROM indicators ORDER BY code")).ToList();
            var schools = (await connection.QueryAsync<string>("SELECT code FROM schools ORDER BY code")).ToList();
            var rows = schools.SelectMany(s => indicators.Select(i => (School: s, Indicator: i))).Take(values)
                .Select((r, n) => new FeedValue("school", r.School, r.Indicator.Code, FeedQuarter, Synthetic(r.Indicator, n), null)).ToList();

            var regions = (await connection.QueryAsync<string>("SELECT trim(kato) FROM regions")).ToList();
            var registered = await provider.GetRequiredService<AgencyClientStore>().RegisterAsync($"bench-{Environment.ProcessId}", "benchmark",
                [.. indicators.Select(i => i.Code)], regions, DateTimeOffset.UtcNow.AddDays(1), "bench",
                id => new AuditEntry("bench", null, AuditLog.Actions.AgencyClientRegistered, $"agency client {id}", new Dictionary<string, object?>(), null));
            var body = JsonSerializer.SerializeToUtf8Bytes(new { batchKey = "bench-1", sourceSystem = "bench", values = rows }, JsonSerializerOptions.Web);

            var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }.ConnectionString;
            var app = RiskMapWebApp.Build(["--urls=http://127.0.0.1:0", "--Scheduler:Enabled=false", "--Logging:LogLevel:Default=Warning",
                $"--ConnectionStrings:RiskMap={connectionString}", "--ConnectionStrings:RiskMapOwner=", "--Feeds:BatchesPerMinute=1000"]);
            await app.StartAsync();
            try
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromHours(1) };
                http.DefaultRequestHeaders.Add("X-Api-Key", registered!.Value.Key.ToString());
                Console.WriteLine($"load average before: {MapImageBenchmark.LoadAverage()} ({Environment.ProcessorCount} cores)");
                var content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
                var clock = Stopwatch.StartNew();
                using var response = await http.PostAsync($"{app.Urls.First().TrimEnd('/')}/api/feeds/observations", content);
                var feedSeconds = clock.Elapsed.TotalSeconds;
                var answer = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"The feed answered {(int)response.StatusCode}: {answer}");
                var batchId = JsonDocument.Parse(answer).RootElement.GetProperty("batchId").GetInt64();

                clock.Restart();
                await CopyAsync(connection, rows, batchId);
                var copySeconds = clock.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                    {rows.Count:N0} values, {body.Length / 1e6:0.0} MB of JSON
                      feed (POST /api/feeds/observations): {feedSeconds,7:0.00} s  {rows.Count / feedSeconds,9:N0} values/s
                      COPY (binary, into observations):    {copySeconds,7:0.00} s  {rows.Count / copySeconds,9:N0} values/s
                      feed / COPY: {copySeconds / feedSeconds:0.00}× the values/s
                    """));
                Console.WriteLine($"load average after: {MapImageBenchmark.LoadAverage()}");
            }
            finally
            {
                await app.StopAsync();
            }
        }
        finally
        {
            if (!keep) await BenchDatabase.DropAsync(server, database);
        }
        return 0;
    }

    /// <summary>A value the import's checks accept: whole counts, percentages up to 100, other values 0 or more.</summary>
    private static double Synthetic(Indicator indicator, int n) =>
        indicator.IsCount ? n % 4 : indicator.Unit == "percent" ? n % 1000 / 10.0 : 150 + n % 900;

    /// <summary>The same rows as PostgreSQL takes them fastest: one binary COPY into the observations, in the next quarter.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<FeedValue> rows, long batchId)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY observations (entity_level, entity_code, indicator_code, period, value, denominator, source, import_batch_id) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(row.Level!, NpgsqlDbType.Text);
            await copy.WriteAsync(row.Code!, NpgsqlDbType.Text);
            await copy.WriteAsync(row.Indicator!, NpgsqlDbType.Text);
            await copy.WriteAsync(CopyQuarter, NpgsqlDbType.Char);
            await copy.WriteAsync(row.Value!.Value, NpgsqlDbType.Double);
            await copy.WriteNullAsync();
            await copy.WriteAsync("bench", NpgsqlDbType.Text);
            await copy.WriteAsync(batchId, NpgsqlDbType.Bigint);
        }
        await copy.CompleteAsync();
    }
}
