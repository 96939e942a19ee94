using System.Globalization;
using System.Text;

namespace RiskMap.Core.Text;

/// <summary>
/// Whether text shows anything: a required field made only of white space, format characters (Unicode Cf: U+200B,
/// U+200E, U+2060, U+FEFF, U+202E …), controls or blank fillers looks empty on screen and in a report, so it counts as empty.
/// </summary>
public static class VisibleText
{
    public static bool In(string? text) => text is not null && text.EnumerateRunes().Any(IsVisible);

    private static bool IsVisible(Rune rune) =>
        !Rune.IsWhiteSpace(rune) && !Rune.IsControl(rune) && !BlankLooking(rune)
        && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned);

    // Letters and marks that render as nothing: Hangul fillers, the braille blank, the combining grapheme joiner and the
    // variation selectors.
    private static bool BlankLooking(Rune rune) => rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 or 0x034F
        or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);
}
