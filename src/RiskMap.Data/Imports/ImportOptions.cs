using System.Globalization;
using RiskMap.Core.Geography;

namespace RiskMap.Data.Imports;

/// <summary>A bad option of an import (an unknown name or a value of the wrong form): the import does not start.</summary>
public sealed class InvalidImportOptionException(string option, string reason)
    : Exception($"Option '{option}': {reason}")
{
    public string Option { get; } = option;
}

/// <summary>
/// The options of one import, the same for the command line (<c>--repair --srid 32642</c>) and for HTTP uploads
/// (<c>?repair=true&amp;srid=32642</c>). Defaults read the geokz boundary files as they are.
/// </summary>
public sealed record ImportOptions
{
    public string Source { get; init; } = "upload";

    /// <summary>Boundaries: which level the file holds; null means "districts if it has ADM2 names, else regions".</summary>
    public EntityLevel? Level { get; init; }

    public string CodeField { get; init; } = "KATO";

    public string? NameKkField { get; init; }

    public string? NameRuField { get; init; }

    public string? NameEnField { get; init; }

    public int? Vintage { get; init; }

    public string VintageField { get; init; } = "Year";

    public bool Repair { get; init; }

    /// <summary>The CRS of the coordinates when the file does not say (or says wrongly), e.g. "32642" or "EPSG:3857".</summary>
    public string? Srid { get; init; }

    private static readonly string[] Common = ["source"];
    private static readonly string[] BoundaryOnly =
        ["level", "code-field", "name-kk-field", "name-ru-field", "name-en-field", "vintage", "vintage-field", "repair", "srid"];
    private static readonly string[] SchoolOnly = ["srid"];

    public static IReadOnlyList<string> Allowed(ImportKind kind) => kind switch
    {
        ImportKind.Boundaries => [.. Common, .. BoundaryOnly],
        ImportKind.Schools => [.. Common, .. SchoolOnly],
        _ => Common,
    };

    public static ImportOptions Parse(ImportKind kind, IEnumerable<KeyValuePair<string, string?>> values)
    {
        var allowed = Allowed(kind);
        var options = new ImportOptions();
        foreach (var (rawName, rawValue) in values)
        {
            var name = rawName.Trim().ToLowerInvariant();
            var value = rawValue?.Trim() ?? "";
            if (!allowed.Contains(name))
                throw new InvalidImportOptionException(rawName, $"not an option of {kind.Code()} imports; use one of: {string.Join(", ", allowed)}");
            options = name switch
            {
                "source" => options with { Source = Text(name, value, 60) },
                "level" => options with { Level = ParseLevel(value) },
                "code-field" => options with { CodeField = Text(name, value, 60) },
                "name-kk-field" => options with { NameKkField = Text(name, value, 60) },
                "name-ru-field" => options with { NameRuField = Text(name, value, 60) },
                "name-en-field" => options with { NameEnField = Text(name, value, 60) },
                "vintage" => options with { Vintage = ParseVintage(value) },
                "vintage-field" => options with { VintageField = Text(name, value, 60) },
                "repair" => options with { Repair = ParseFlag(name, value) },
                "srid" => options with { Srid = Text(name, value, 2000) },
                _ => options,
            };
        }
        return options;
    }

    private static string Text(string name, string value, int maxLength) =>
        value.Length is > 0 && value.Length <= maxLength && !value.Any(char.IsControl)
            ? value
            : throw new InvalidImportOptionException(name, $"needs a value of 1 to {maxLength} printable characters");

    private static EntityLevel? ParseLevel(string value) =>
        value.Equals("auto", StringComparison.OrdinalIgnoreCase) ? null
        : EntityLevels.TryParse(value, out var level) && level != EntityLevel.School ? level
        : throw new InvalidImportOptionException("level", "must be region, district or auto");

    private static int ParseVintage(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1990 and <= 2100
            ? year
            : throw new InvalidImportOptionException("vintage", "must be a year such as 2024");

    private static bool ParseFlag(string name, string value) => value.ToLowerInvariant() switch
    {
        "" or "true" or "yes" or "1" => true,
        "false" or "no" or "0" => false,
        _ => throw new InvalidImportOptionException(name, "must be true or false"),
    };

    /// <summary>The options as stored with the import batch.</summary>
    public IReadOnlyDictionary<string, string?> ToRecord() => new Dictionary<string, string?>
    {
        ["source"] = Source,
        ["level"] = Level?.ToCode(),
        ["repair"] = Repair ? "true" : null,
        ["srid"] = Srid,
        ["vintage"] = Vintage?.ToString(CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null).ToDictionary();
}
