using System.Diagnostics;

namespace RiskMap.Data.Tests;

/// <summary>GDAL's ogr2ogr, used by tests to build projected and Shapefile versions of the real boundaries.</summary>
internal static class Ogr
{
    public static void Convert(params string[] arguments)
    {
        var start = new ProcessStartInfo("ogr2ogr") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ogr2ogr failed: {error}");
    }
}
