namespace RiskMap.TestSupport;

/// <summary>The shared real boundary files (never copied into the repository): RISKMAP_GEODATA or ../shared/geodata.</summary>
public static class GeoData
{
    public static string Directory { get; } = Locate();

    public static string File(string relativePath)
    {
        var path = Path.Combine(Directory, relativePath);
        return System.IO.File.Exists(path) ? path : throw new FileNotFoundException($"Shared geodata file missing: {path}", path);
    }

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("RISKMAP_GEODATA");
        if (!string.IsNullOrEmpty(configured)) return Path.GetFullPath(configured);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "RiskMap.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "geodata"));
        }
        throw new DirectoryNotFoundException("Set RISKMAP_GEODATA to the folder with kz_adm1.geojson and kz_adm2.geojson.");
    }

    /// <summary>The repository root (where RiskMap.sln is).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "RiskMap.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("RiskMap.sln not found above " + AppContext.BaseDirectory);
    }
}
