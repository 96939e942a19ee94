using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using RiskMap.Core.Imports;

namespace RiskMap.Data.Geometry;

/// <summary>
/// Reads a GeoJSON FeatureCollection: RFC 7946, or the 2008 form with a <c>crs</c> member naming another CRS.
/// Coordinates are read as they are (x, y); reprojection happens afterwards.
/// </summary>
public static class GeoJsonLayerReader
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 0);

    public static SourceLayer Read(Stream stream, IssueCollector issues)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? (int)l + 1 : (int?)null;
            throw ImportRejectedException.Single(ImportProblem.MalformedJson, detail: ImportDetail.AsIs(e.Message), row: line);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || type.GetString() != "FeatureCollection"
                || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw ImportRejectedException.Single(ImportProblem.NotAFeatureCollection);
            }

            var result = new List<SourceFeature>(features.GetArrayLength());
            var number = 0;
            foreach (var feature in features.EnumerateArray())
            {
                number++;
                result.Add(ReadFeature(feature, number, issues));
            }
            return new SourceLayer(ReadCrsName(root), result);
        }
    }

    private static string? ReadCrsName(JsonElement root)
    {
        if (!root.TryGetProperty("crs", out var crs) || crs.ValueKind != JsonValueKind.Object) return null;
        if (crs.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
        {
            return name.GetString();
        }
        throw ImportRejectedException.Single(ImportProblem.UnknownCrs, value: crs.GetRawText());
    }

    private static SourceFeature ReadFeature(JsonElement feature, int number, IssueCollector issues)
    {
        var properties = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (feature.ValueKind != JsonValueKind.Object)
        {
            issues.Add(ImportProblem.MalformedJson, row: number, detail: ImportDetail.Expected("{ \"type\": \"Feature\" }"));
            return new SourceFeature(number, properties, null);
        }
        if (feature.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in props.EnumerateObject()) properties[property.Name] = AsText(property.Value);
        }

        NetTopologySuite.Geometries.Geometry? geometry = null;
        if (feature.TryGetProperty("geometry", out var geometryElement) && geometryElement.ValueKind != JsonValueKind.Null)
        {
            try
            {
                geometry = ReadGeometry(geometryElement);
            }
            catch (FormatException e)
            {
                issues.Add(ImportProblem.MalformedJson, row: number, field: "geometry", detail: ImportDetail.AsIs(e.Message));
            }
        }
        return new SourceFeature(number, properties, geometry);
    }

    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    private static NetTopologySuite.Geometries.Geometry ReadGeometry(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("type", out var typeElement))
            throw new FormatException("A geometry must be an object with a type.");
        var type = typeElement.GetString();
        if (type == "GeometryCollection")
        {
            var members = Member(element, "geometries").EnumerateArray().Select(ReadGeometry).ToArray();
            return Factory.CreateGeometryCollection(members);
        }
        var coordinates = Member(element, "coordinates");
        return type switch
        {
            "Point" => Factory.CreatePoint(Position(coordinates)),
            "MultiPoint" => Factory.CreateMultiPointFromCoords(Positions(coordinates)),
            "LineString" => Factory.CreateLineString(Positions(coordinates)),
            "MultiLineString" => Factory.CreateMultiLineString(coordinates.EnumerateArray()
                .Select(l => Factory.CreateLineString(Positions(l))).ToArray()),
            "Polygon" => Polygon(coordinates),
            "MultiPolygon" => Factory.CreateMultiPolygon(coordinates.EnumerateArray().Select(Polygon).ToArray()),
            _ => throw new FormatException($"Unknown geometry type '{type}'."),
        };
    }

    private static JsonElement Member(JsonElement element, string name) =>
        element.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.Array
            ? member
            : throw new FormatException($"The geometry has no '{name}' array.");

    private static Polygon Polygon(JsonElement rings)
    {
        if (rings.ValueKind != JsonValueKind.Array) throw new FormatException("Polygon rings must be arrays.");
        var linearRings = rings.EnumerateArray().Select(r =>
        {
            var positions = Positions(r);
            if (positions.Length < 4 || !positions[0].Equals2D(positions[^1]))
                throw new FormatException("A polygon ring needs at least four positions and must be closed.");
            return Factory.CreateLinearRing(positions);
        }).ToArray();
        if (linearRings.Length == 0) return Factory.CreatePolygon();
        return Factory.CreatePolygon(linearRings[0], linearRings[1..]);
    }

    private static Coordinate[] Positions(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array) throw new FormatException("Expected an array of positions.");
        return array.EnumerateArray().Select(Position).ToArray();
    }

    private static Coordinate Position(JsonElement position)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2)
            throw new FormatException("A position must be an array of at least two numbers.");
        var x = position[0];
        var y = position[1];
        if (x.ValueKind != JsonValueKind.Number || y.ValueKind != JsonValueKind.Number)
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"A position must hold numbers, not {position.GetRawText()}."));
        return new Coordinate(x.GetDouble(), y.GetDouble());
    }
}
