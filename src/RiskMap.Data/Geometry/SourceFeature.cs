namespace RiskMap.Data.Geometry;

/// <summary>One feature read from a file: its 1-based number in the file, its attributes as text, its geometry.</summary>
public sealed record SourceFeature(
    int Number,
    IReadOnlyDictionary<string, string?> Properties,
    NetTopologySuite.Geometries.Geometry? Geometry)
{
    public string? this[string field] => Properties.TryGetValue(field, out var value) ? value : null;
}

/// <summary>The features of a file and the CRS it declares (null when it declares none, i.e. WGS 84).</summary>
public sealed record SourceLayer(string? Crs, IReadOnlyList<SourceFeature> Features);
