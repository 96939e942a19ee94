using System.Text.Json;

namespace RiskMap.Core.Maps;

/// <summary>A unit's outline in degrees: every ring of every polygon (outer and holes), each a closed list of (longitude, latitude).</summary>
public sealed record MapShape(string Kato, IReadOnlyList<IReadOnlyList<(double Longitude, double Latitude)>> Rings)
{
    /// <summary>The shapes of a GeoJSON FeatureCollection of Polygons and MultiPolygons, named by <c>properties.kato</c>.</summary>
    public static IReadOnlyList<MapShape> FromFeatureCollection(string geoJson)
    {
        using var document = JsonDocument.Parse(geoJson);
        var shapes = new List<MapShape>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            if (feature.GetProperty("geometry") is not { ValueKind: JsonValueKind.Object } geometry) continue;
            var coordinates = geometry.GetProperty("coordinates");
            var polygons = geometry.GetProperty("type").GetString() == "MultiPolygon" ? coordinates.EnumerateArray().ToList() : [coordinates];
            var rings = polygons.SelectMany(polygon => polygon.EnumerateArray())
                .Select(ring => (IReadOnlyList<(double, double)>)ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList())
                .ToList();
            shapes.Add(new MapShape(feature.GetProperty("properties").GetProperty("kato").GetString()!, rings));
        }
        return shapes;
    }
}
