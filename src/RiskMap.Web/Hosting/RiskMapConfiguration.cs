using RiskMap.Core.Privacy;
using RiskMap.Core.Quarantine;
using RiskMap.Data;
using RiskMap.Data.Imports;
using RiskMap.Data.Scoring;
using RiskMap.Web.Features.Access;

namespace RiskMap.Web.Hosting;

/// <summary>Reads RiskMap's settings from configuration (appsettings, environment, command line).</summary>
public static class RiskMapConfiguration
{
    public static IServiceCollection AddRiskMap(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("Imports").Get<ImportLimits>() ?? new ImportLimits();
        var scoring = configuration.GetSection("Scoring").Get<ScoringOptions>() ?? new ScoringOptions();
        var smallAreas = new SmallAreaSuppression(AccessOptions.From(configuration).MinimumPupilsForClass);
        var pool = configuration.GetSection("Database").Get<ConnectionPoolOptions>() ?? new ConnectionPoolOptions();
        var quarantine = configuration.GetSection("Quarantine").Get<QuarantineOptions>() ?? new QuarantineOptions();
        if (quarantine.Problem() is { } problem) throw new InvalidOperationException(problem);
        return services.AddRiskMapData(configuration.GetConnectionString("RiskMap") ?? "", limits, scoring, configuration.GetConnectionString("RiskMapOwner"),
            smallAreas, pool, quarantine);
    }

    /// <summary>Where the demo's boundary files are: RISKMAP_GEODATA, else ../shared/geodata beside the checkout.</summary>
    public static string GeodataDirectory(IConfiguration configuration)
    {
        var configured = configuration["RISKMAP_GEODATA"];
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        return Path.GetFullPath(Path.Combine(CheckoutRoot() ?? Directory.GetCurrentDirectory(), "..", "shared", "geodata"));
    }

    /// <summary>The source checkout the program runs from (where RiskMap.sln is), or null when deployed without one.</summary>
    public static string? CheckoutRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RiskMap.sln"))) return directory.FullName;
        }
        return null;
    }
}
