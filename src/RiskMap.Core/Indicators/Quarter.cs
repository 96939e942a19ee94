using System.Globalization;

namespace RiskMap.Core.Indicators;

/// <summary>A reporting period: one calendar quarter, written like <c>2025Q3</c>.</summary>
public readonly record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        var t = text?.Trim();
        if (t is not { Length: 6 } || char.ToUpperInvariant(t[4]) != 'Q') return false;
        if (!int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1990 || year > 2100)
            return false;
        var number = t[5] - '0';
        if (number is < 1 or > 4) return false;
        quarter = new Quarter(year, number);
        return true;
    }

    public static Quarter Of(DateOnly date) => new(date.Year, (date.Month - 1) / 3 + 1);

    public DateOnly FirstDay => new(Year, (Number - 1) * 3 + 1, 1);

    public Quarter Next() => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);

    public Quarter Previous() => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    public int CompareTo(Quarter other) => (Year * 4 + Number).CompareTo(other.Year * 4 + other.Number);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}");
}
