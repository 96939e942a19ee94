using System.Globalization;
using RiskMap.Core.Imports;
using RiskMap.Core.Localization;
using RiskMap.Data.Access;
using RiskMap.Data.Demo;
using RiskMap.Data.Imports;
using RiskMap.Data.Schema;
using RiskMap.Data.Scoring;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Features.Imports;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Cli;

/// <summary>
/// The command line of the same program: <c>migrate</c>, <c>import KIND FILE [--option value]</c> and
/// <c>demo load [--geodata DIR]</c>. It uses the same configuration and the same import code as the web service.
/// </summary>
public static class CliApp
{
    private static readonly string[] Commands = ["migrate", "import", "demo", "score", "bench", "users", "vintage", "help", "--help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = CliArguments.Parse(args);
        var command = arguments.Words[0];
        if (command is "help" or "--help" || arguments.Words.Count == 0) return Usage(Console.Out, 0);

        using var host = BuildHost();
        var services = host.Services;
        try
        {
            await services.GetRequiredService<MigrationRunner>().ApplyAsync();
            return command switch
            {
                "migrate" => Done("The database schema is up to date."),
                "import" => await ImportAsync(services, arguments),
                "demo" when arguments.Words.ElementAtOrDefault(1) == "load" => await LoadDemoAsync(services, arguments),
                "score" when arguments.Words.ElementAtOrDefault(1) == "compare" => await ScoreComparisonCommand.RunAsync(services, arguments),
                "score" => await ScoreAsync(services, arguments),
                "users" => await UserCommands.RunAsync(services, arguments),
                "vintage" => await VintageCommands.RunAsync(services, arguments),
                "bench" when arguments.Words.ElementAtOrDefault(1) == "tiles" => await TileBenchmark.RunAsync(services,
                    int.Parse(arguments.Option("seconds") ?? "60", CultureInfo.InvariantCulture)),
                "bench" when arguments.Words.ElementAtOrDefault(1) == "scoring" && arguments.Option("core") == "true" => ScoringBenchmark.RunInMemory(
                    (arguments.Option("schools") ?? "7700,100000").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList(),
                    (arguments.Option("replications") ?? "50,100,200").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList(),
                    int.Parse(arguments.Option("rounds") ?? "1", CultureInfo.InvariantCulture)),
                "bench" when arguments.Words.ElementAtOrDefault(1) == "scoring" => await ScoringBenchmark.RunAsync(
                    services.GetRequiredService<IConfiguration>(), GeodataOption(services, arguments),
                    (arguments.Option("schools") ?? "7700,100000").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList(),
                    keep: arguments.Option("keep") == "true"),
                "bench" when arguments.Words.ElementAtOrDefault(1) == "map-image" => await MapImageBenchmark.RunAsync(services,
                    int.Parse(arguments.Option("rounds") ?? "20", CultureInfo.InvariantCulture)),
                "bench" when arguments.Words.ElementAtOrDefault(1) == "forecast" && arguments.Option("schools") is { } schools => await ForecastBenchmark.RunAsync(
                    services.GetRequiredService<IConfiguration>(), GeodataOption(services, arguments), int.Parse(schools, CultureInfo.InvariantCulture),
                    keep: arguments.Option("keep") == "true"),
                "bench" when arguments.Words.ElementAtOrDefault(1) == "forecast" => await ForecastBenchmark.RunAsync(services),
                "bench" when arguments.Words.ElementAtOrDefault(1) == "feed" => await FeedBenchmark.RunAsync(
                    services.GetRequiredService<IConfiguration>(), GeodataOption(services, arguments),
                    int.Parse(arguments.Option("values") ?? "100000", CultureInfo.InvariantCulture), keep: arguments.Option("keep") == "true"),
                "bench" when arguments.Words.ElementAtOrDefault(1) == "exports" => await ExportBenchmark.RunAsync(
                    services.GetRequiredService<IConfiguration>(), GeodataOption(services, arguments),
                    (arguments.Option("rows") ?? "100000").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList(),
                    keep: arguments.Option("keep") == "true"),
                _ => Usage(Console.Error, 2),
            };
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or FileNotFoundException or IOException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    private static IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        // Only warnings, and on standard error: the commands' own output (a CSV, a count) stays clean for a pipe, whatever
        // level appsettings.json gives the service.
        builder.Logging.AddFilter(category: null, LogLevel.Warning);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddRiskMap(builder.Configuration);
        return builder.Build();
    }

    private static async Task<int> ImportAsync(IServiceProvider services, CliArguments arguments)
    {
        if (arguments.Words.Count != 3 || !ImportKinds.TryParse(arguments.Words[1], out var kind)) return Usage(Console.Error, 2);
        var path = Path.GetFullPath(arguments.Words[2]);
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"error: no file {path}");
            return 2;
        }
        var language = Languages.FromCode(arguments.Option("lang") ?? Environment.GetEnvironmentVariable("LANG"));
        ImportOptions options;
        try
        {
            options = ImportOptions.Parse(kind, arguments.Without("lang").Options);
        }
        catch (InvalidImportOptionException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }

        var request = new ImportRequest(kind, path, Path.GetFileName(path), Environment.UserName, options);
        try
        {
            var result = await services.GetRequiredService<ImportService>().ImportAsync(request, ShowProgress);
            Console.Error.WriteLine();
            foreach (var warning in result.Warnings) PrintIssue(Console.Out, ImportIssueView.From(warning, language, OptionSpelling.CommandLine));
            var c = result.Counts;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Imported {kind.Code()} from {request.FileName} (batch {result.BatchId}): {c.RowsRead} rows read, {c.Inserted} new, {c.Updated} updated, {c.Unchanged} unchanged, {c.Held} held in quarantine, {result.Warnings.Count} warning(s)."));
            return 0;
        }
        catch (ImportFailedException failed)
        {
            Console.Error.WriteLine();
            foreach (var issue in failed.Issues) PrintIssue(Console.Error, ImportIssueView.From(issue, language, OptionSpelling.CommandLine));
            await Console.Error.WriteLineAsync($"Rejected (batch {failed.BatchId}): {failed.Issues.Count(i => !i.IsWarning)} error(s); nothing was stored.");
            return 1;
        }
    }

    private static async Task<int> LoadDemoAsync(IServiceProvider services, CliArguments arguments)
    {
        var steps = await services.GetRequiredService<DemoDataLoader>().LoadAsync(GeodataOption(services, arguments));
        foreach (var step in steps) Console.WriteLine(step);
        var users = await new DemoUsers(services.GetRequiredService<UserStore>(), new Passwords()).EnsureAsync();
        if (users.Count > 0) Console.WriteLine($"Demo users created: {string.Join(", ", users)} (password '{DemoUsers.Password}').");
        return Done(steps.Count == 0 ? "Demo data already present: nothing changed." : "Demo data loaded (synthetic schools and indicator values, source 'demo').");
    }

    private static async Task<int> ScoreAsync(IServiceProvider services, CliArguments arguments)
    {
        var methodology = arguments.Option("methodology");
        if (methodology is not null && !ScoreRunService.MethodologyVersions.Contains(methodology))
        {
            await Console.Error.WriteLineAsync($"error: --methodology is one of {string.Join(", ", ScoreRunService.MethodologyVersions)}");
            return 2;
        }
        var forComparison = methodology is not null && methodology != services.GetRequiredService<ScoringOptions>().Methodology.Version;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcome = await services.GetRequiredService<ScoreRunService>().RunAsync(ScoreTrigger.Manual, Environment.UserName,
            force: arguments.Option("force") == "true", onStage: stage => Console.Error.WriteLine($"  {clock.Elapsed.TotalSeconds,6:0.0} s  {stage}"),
            methodologyVersion: methodology);
        var kept = forComparison ? $" ({methodology}, kept for comparison, not published)" : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Score run {outcome.RunId?.ToString(CultureInfo.InvariantCulture) ?? "-"}: {outcome.Status} in {clock.Elapsed.TotalSeconds:0.0} s{kept}{(outcome.Error is null ? "" : ": " + outcome.Error)}"));
        return outcome.Status is ScoreRunStatus.Failed or ScoreRunStatus.Interrupted ? 1 : 0;
    }

    private static string GeodataOption(IServiceProvider services, CliArguments arguments) =>
        arguments.Option("geodata") is { } given ? Path.GetFullPath(given) : RiskMapConfiguration.GeodataDirectory(services.GetRequiredService<IConfiguration>());

    private static void ShowProgress(ImportProgress progress) =>
        Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r  {progress.Stage}: {progress.Rows:N0} rows   "));

    private static void PrintIssue(TextWriter writer, ImportIssueView issue)
    {
        var where = string.Join(", ", new[]
        {
            issue.Row is { } row ? $"row {row}" : null,
            issue.Key is { } key ? $"code {key}" : null,
            issue.Field is { } field ? $"field {field}" : null,
            issue.Value is { } value ? $"value '{value}'" : null,
        }.Where(p => p is not null));
        var place = where.Length == 0 ? "" : $"{where}: ";
        writer.WriteLine($"{(issue.Warning ? "warning" : "error")}: {place}{issue.Message}{(issue.Detail is null ? "" : $" ({issue.Detail})")}");
    }

    private static int Done(string message)
    {
        Console.WriteLine(message);
        return 0;
    }

    private static int Usage(TextWriter writer, int exitCode)
    {
        writer.WriteLine("""
            Usage:
              riskmap migrate                              apply the database migrations
              riskmap import boundaries FILE [options]     .geojson/.json, .shp (with .dbf/.shx/.prj) or .zip
                  --level region|district|auto  --code-field KATO  --name-kk-field F --name-ru-field F --name-en-field F
                  --vintage 2024 | --vintage-field Year  --srid 32642  --repair  --source NAME
              riskmap import schools FILE [--srid N] [--source NAME]       .csv (code,name,lat,lon or x,y + --srid) or .geojson points
              riskmap import indicators FILE [--source NAME]               long-format .csv
              riskmap vintage list                         the boundary vintages, which is current, and when each was in force
              riskmap vintage use YEAR                     make a vintage current (map, schools and tiles follow; audited),
                                                           then recompute the scores on it
              riskmap vintage delete YEAR                  delete a vintage that is not current (refused, listing them, while
                                                           score runs or observations of its quarters refer to it; audited)
              riskmap vintage set YEAR [--from 2018-01-01] [--to 2023-12-31]   the days a vintage was in force
              riskmap demo load [--geodata DIR]           load the demo data into an empty database
              riskmap score [--force] [--methodology riskmap-1.0|riskmap-2.0]   recompute and publish the risk scores now;
                                                           a method other than the configured one is kept for comparison, not published
              riskmap score compare [--base RUN] [--other RUN] [--level school|district|region]   per quarter the share of units
                                                           changing risk level and the median rank-band width under each run
                                                           (defaults: the latest riskmap-1.0 and riskmap-2.0 runs, schools)
              riskmap users list | users add NAME --role analyst|planner|education|steward [--scope KATO] [--display-name TEXT]
              riskmap users password NAME                  the password is read from standard input
              riskmap users disable NAME | users enable NAME   enable also clears a lockout; disabling ends the user's sessions
              riskmap users set-role NAME --role ROLE [--scope KATO]   ends the user's sessions; they sign in again for the new scope
              riskmap bench scoring [--schools 7700,100000,1000000] [--keep]   time a full recompute against one table scan
              riskmap bench scoring --core [--schools N,..] [--replications 50,100,200] [--rounds 1]   the scoring alone in memory, 2.0 against 1.0
              riskmap bench exports [--rows 10000,100000] [--keep]    CSV/XLSX export time and memory against COPY ... TO STDOUT
              riskmap bench feed [--values 100000] [--keep]   an agency feed batch through POST /api/feeds/observations against binary COPY
              riskmap bench forecast [--schools N] [--keep]   rolling-origin backtest of the forecasts and their baselines, per level and horizon,
                                                           and the time; --schools: on the scoring benchmark's N synthetic schools
              riskmap bench tiles [--seconds 60]           tile latency vs direct ST_AsMVT, wrk throughput vs a static file, z5 size
              riskmap bench map-image [--rounds 20]        national district PNG 1600x1000: cold, drawn and cached, against 300 ms
            Every import is all-or-nothing; --lang kk|ru|en chooses the language of the messages.
            The database comes from ConnectionStrings__RiskMap.
            """);
        return exitCode;
    }
}
