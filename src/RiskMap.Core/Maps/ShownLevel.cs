using System.Globalization;

namespace RiskMap.Core.Maps;

/// <summary>
/// How a unit is coloured, as the map's choropleth.js decides: its risk level (1–5, null: no data), withheld (too few
/// pupils) or not, low reliability, and outside the caller's area under a domain or indicator (a class that is detail there).
/// </summary>
public sealed record ShownLevel(int? Level, bool Suppressed, bool LowReliability, bool Outside = false)
{
    public static readonly ShownLevel NoData = new(null, false, false);

    /// <summary>What the map's path says of it (data-level): "1" … "5", "suppressed", "outside" or "none".</summary>
    public string Key => this switch
    {
        { Suppressed: true } => "suppressed",
        { Outside: true } => "outside",
        { Level: >= 1 and <= 5 } => Level.Value.ToString(CultureInfo.InvariantCulture),
        _ => "none",
    };
}
