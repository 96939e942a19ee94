using System.Text.Json;
using System.Text.Json.Serialization;
using RiskMap.Core.Imports;

namespace RiskMap.Data.Imports;

/// <summary>
/// Stores a finding's detail as <c>{"text": "between", "first": "0", "second": "100"}</c>; batches logged before details
/// had texts hold an English string, which is read back as it is.
/// </summary>
public sealed class ImportDetailJson : JsonConverter<ImportDetail>
{
    private sealed record Stored(DetailText Text, string? First, string? Second);

    public override ImportDetail? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return ImportDetail.AsIs(reader.GetString()!);
        var stored = JsonSerializer.Deserialize<Stored>(ref reader, options)!;
        return new ImportDetail(stored.Text, stored.First, stored.Second);
    }

    public override void Write(Utf8JsonWriter writer, ImportDetail value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new Stored(value.Text, value.First, value.Second), options);
}
