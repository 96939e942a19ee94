using System.Text;

namespace RiskMap.Core.Text;

/// <summary>
/// Latin letters that look like Cyrillic ones, typed inside Cyrillic words in source files ("Aршалинский" with a Latin A,
/// "Солтүстiк" with a Latin i): nobody can find such a name by typing it. Inside a word that has any Cyrillic letter,
/// each look-alike Latin letter becomes its Cyrillic twin; words wholly in Latin ("Almaty") are left alone. Applied
/// to names at import and to the text a user searches for, so both meet in the same spelling.
/// </summary>
public static class LookAlikeLetters
{
    // Kazakh і (U+0456) for Latin i; the rest are the Russian alphabet's twins.
    private static readonly Dictionary<char, char> CyrillicTwin = new()
    {
        ['a'] = 'а', ['c'] = 'с', ['e'] = 'е', ['i'] = 'і', ['o'] = 'о', ['p'] = 'р', ['x'] = 'х', ['y'] = 'у',
        ['A'] = 'А', ['B'] = 'В', ['C'] = 'С', ['E'] = 'Е', ['H'] = 'Н', ['I'] = 'І', ['K'] = 'К', ['M'] = 'М',
        ['O'] = 'О', ['P'] = 'Р', ['T'] = 'Т', ['X'] = 'Х', ['Y'] = 'У',
    };

    /// <summary>The text with look-alike Latin letters inside Cyrillic words made Cyrillic.</summary>
    public static string ToCyrillic(string text)
    {
        StringBuilder? result = null;
        var wordStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetter(text[i])) continue;
            if (i > wordStart && HasCyrillic(text, wordStart, i))
            {
                for (var j = wordStart; j < i; j++)
                {
                    if (!CyrillicTwin.TryGetValue(text[j], out var twin)) continue;
                    result ??= new StringBuilder(text);
                    result[j] = twin;
                }
            }
            wordStart = i + 1;
        }
        return result?.ToString() ?? text;
    }

    private static bool HasCyrillic(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] is >= '\u0400' and <= '\u04FF') return true;
        }
        return false;
    }
}
