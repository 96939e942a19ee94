using RiskMap.Data;
using RiskMap.Data.Imports;
using RiskMap.Data.Scoring;

namespace RiskMap.Web.Hosting;

/// <summary>Reads RiskMap's settings from configuration (appsettings, environment, command line).</summary>
public static class RiskMapConfiguration
{
    public static IServiceCollection AddRiskMap(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("Imports").Get<ImportLimits>() ?? new ImportLimits();
        var scoring = configuration.GetSection("Scoring").Get<ScoringOptions>() ?? new ScoringOptions();
        return services.AddRiskMapData(configuration.GetConnectionString("RiskMap") ?? "", limits, scoring);
    }

    /// <summary>Where the demo's boundary files are: RISKMAP_GEODATA, else ../shared/geodata beside the checkout.</summary>
    public static string GeodataDirectory(IConfiguration configuration)
    {
        var configured = configuration["RISKMAP_GEODATA"];
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            var candidate = Path.Combine(directory.FullName, "..", "shared", "geodata");
            if (File.Exists(Path.Combine(directory.FullName, "RiskMap.sln")) && Directory.Exists(candidate)) return Path.GetFullPath(candidate);
            directory = directory.Parent;
        }
        return Path.GetFullPath(Path.Combine(Directory.GetCurrentDirectory(), "..", "shared", "geodata"));
    }
}
