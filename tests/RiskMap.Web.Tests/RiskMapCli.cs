using System.Diagnostics;

namespace RiskMap.Web.Tests;

/// <summary>Runs the service's command line (<c>dotnet RiskMap.Web.dll …</c>) against a test database, as a user runs it.</summary>
internal static class RiskMapCli
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string connectionString, params string[] arguments)
    {
        using var process = Start(connectionString, new Dictionary<string, string>(), arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts the command line and leaves it running, with extra configuration in <paramref name="environment"/>.</summary>
    public static Process Start(string connectionString, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RiskMap.Web.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ConnectionStrings__RiskMap"] = connectionString;
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return Process.Start(start)!;
    }
}
