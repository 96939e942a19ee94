using System.Text.Json;
using System.Text.Json.Nodes;

namespace RiskMap.Web.Features.Exports;

/// <summary>A GeoJSON FeatureCollection: one feature per row, the sheet's headings as property names.</summary>
public static class HotspotGeoJson
{
    public static byte[] Write(HotspotSheet sheet, IReadOnlyDictionary<string, string> geometries, bool demo)
    {
        var features = new JsonArray();
        foreach (var (unit, row) in sheet.Units.Zip(sheet.Rows))
        {
            var properties = new JsonObject();
            foreach (var (heading, value) in sheet.Headings.Zip(row)) properties[heading] = JsonValue.Create(value);
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["id"] = unit.Code,
                ["geometry"] = geometries.TryGetValue(unit.Code, out var geometry) ? JsonNode.Parse(geometry) : null,
                ["properties"] = properties,
            });
        }
        var collection = new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["name"] = sheet.Title,
            ["demo"] = demo,
            ["features"] = features,
        };
        return JsonSerializer.SerializeToUtf8Bytes(collection);
    }
}
