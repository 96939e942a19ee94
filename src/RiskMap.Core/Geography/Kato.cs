namespace RiskMap.Core.Geography;

/// <summary>
/// A KATO code (Classifier of Administrative-Territorial Objects): nine digits, the first two name the region.
/// </summary>
public readonly record struct Kato
{
    public string Value { get; }

    private Kato(string value) => Value = value;

    public static bool TryParse(string? text, out Kato kato)
    {
        var trimmed = text?.Trim();
        if (trimmed is { Length: 9 } && trimmed.All(char.IsAsciiDigit))
        {
            kato = new Kato(trimmed);
            return true;
        }
        kato = default;
        return false;
    }

    public static Kato Parse(string text) =>
        TryParse(text, out var kato) ? kato : throw new FormatException($"'{text}' is not a nine-digit KATO code.");

    /// <summary>The region this unit belongs to: its two-digit prefix followed by zeros.</summary>
    public Kato Region => new(Value[..2] + "0000000");

    public override string ToString() => Value;
}
