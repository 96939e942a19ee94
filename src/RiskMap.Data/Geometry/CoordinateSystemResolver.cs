using System.Collections.Concurrent;
using ProjNet.CoordinateSystems;
using RiskMap.Core.Imports;

namespace RiskMap.Data.Geometry;

/// <summary>
/// Turns a CRS as files name it (an EPSG code, an OGC URN, or the WKT of a Shapefile's .prj) into a ProjNet
/// coordinate system. GDAL's PROJ database supplies the definitions, with the datum shift to WGS 84 where EPSG
/// has one (Pulkovo 1942 needs it, or points land about 100 m off).
/// </summary>
public sealed class CoordinateSystemResolver
{
    private readonly ConcurrentDictionary<string, CoordinateSystem> _cache = new(StringComparer.OrdinalIgnoreCase);

    public static bool IsWgs84(string definition)
    {
        var d = definition.Trim();
        return d.Equals("EPSG:4326", StringComparison.OrdinalIgnoreCase)
               || d.Equals("urn:ogc:def:crs:EPSG::4326", StringComparison.OrdinalIgnoreCase)
               || d.Equals("urn:ogc:def:crs:OGC:1.3:CRS84", StringComparison.OrdinalIgnoreCase)
               || d.Equals("urn:ogc:def:crs:OGC::CRS84", StringComparison.OrdinalIgnoreCase)
               || d.Equals("CRS84", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads an EPSG code (32642, "EPSG:32642", "urn:ogc:def:crs:EPSG::32642") or WKT, e.g. a .prj file's text.</summary>
    public async Task<CoordinateSystem> ResolveAsync(string definition, CancellationToken cancellationToken)
    {
        if (IsWgs84(definition)) return GeographicCoordinateSystem.WGS84;
        var normalised = Normalise(definition);
        if (_cache.TryGetValue(normalised, out var cached)) return cached;
        // ESRI .prj files carry no datum shift, so a CRS that EPSG knows is taken from EPSG, where the shift is.
        var known = normalised.StartsWith("EPSG:", StringComparison.OrdinalIgnoreCase) ? normalised : await IdentifyEpsgAsync(normalised, cancellationToken);
        var resolved = await LoadFromGdalAsync(known ?? normalised, cancellationToken);
        _cache[normalised] = resolved;
        return resolved;
    }

    private static string Normalise(string definition)
    {
        var d = definition.Trim();
        if (d.All(char.IsAsciiDigit)) return "EPSG:" + d;
        const string urnPrefix = "urn:ogc:def:crs:EPSG:";
        if (d.StartsWith(urnPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var code = d[urnPrefix.Length..].Split(':', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
            return "EPSG:" + code;
        }
        return d;
    }

    private static async Task<string?> IdentifyEpsgAsync(string wkt, CancellationToken cancellationToken)
    {
        if (wkt.StartsWith('-')) return null;
        var result = await ExternalTool.RunAsync("gdalsrsinfo", ["-e", "-o", "epsg", wkt], cancellationToken);
        var code = result.StandardOutput.Trim();
        return result.ExitCode == 0 && code.StartsWith("EPSG:", StringComparison.Ordinal) && code[5..].All(char.IsAsciiDigit) ? code : null;
    }

    private static async Task<CoordinateSystem> LoadFromGdalAsync(string definition, CancellationToken cancellationToken)
    {
        if (definition.StartsWith('-'))
            throw ImportRejectedException.Single(ImportProblem.UnknownCrs, value: definition);
        var result = await ExternalTool.RunAsync("gdalsrsinfo",
            ["--config", "OSR_ADD_TOWGS84_ON_IMPORT_FROM_EPSG", "YES", "-o", "wkt1", definition], cancellationToken);
        var wkt = result.StandardOutput.Trim();
        if (result.ExitCode != 0 || wkt.Length == 0)
            throw ImportRejectedException.Single(ImportProblem.UnknownCrs, value: definition);
        // ProjNet would read Web Mercator's WKT1 as ellipsoidal Mercator, about 20 km off in latitude; it has the sphere built in.
        if (wkt.Contains("Pseudo-Mercator", StringComparison.OrdinalIgnoreCase) || wkt.Contains("+proj=merc +a=6378137 +b=6378137", StringComparison.Ordinal))
            return ProjectedCoordinateSystem.WebMercator;
        try
        {
            return (CoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(wkt);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or InvalidCastException or FormatException)
        {
            throw ImportRejectedException.Single(ImportProblem.UnknownCrs, detail: ImportDetail.AsIs(e.Message), value: definition);
        }
    }
}
