using System.Text.Json;
using RiskMap.Data.Scoring;

namespace RiskMap.Web.Features.Exports;

/// <summary>A GeoJSON FeatureCollection written feature by feature: one per row, the sheet's headings as property names.</summary>
public static class HotspotGeoJson
{
    private const int FlushAt = 1 << 16;

    public static async Task WriteAsync(Stream body, HotspotSheet sheet, IAsyncEnumerable<Hotspot> rows, bool demo, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteString("name", sheet.Title);
        json.WriteBoolean("demo", demo);
        json.WriteStartArray("features");
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", row.Unit.Code);
            json.WritePropertyName("geometry");
            if (row.Geometry is { } geometry) json.WriteRawValue(geometry, skipInputValidation: true);
            else json.WriteNullValue();
            json.WriteStartObject("properties");
            foreach (var (heading, value) in sheet.Headings.Zip(sheet.Cells(row)))
            {
                switch (value)
                {
                    case null: json.WriteNull(heading); break;
                    case double d: json.WriteNumber(heading, d); break;
                    case int i: json.WriteNumber(heading, i); break;
                    default: json.WriteString(heading, value.ToString()); break;
                }
            }
            json.WriteEndObject();
            json.WriteEndObject();
            if (json.BytesPending > FlushAt) await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }
}
