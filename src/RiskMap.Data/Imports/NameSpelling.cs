using RiskMap.Core.Imports;
using RiskMap.Core.Text;

namespace RiskMap.Data.Imports;

/// <summary>
/// A name as it is stored: look-alike Latin letters inside Cyrillic words made Cyrillic (<see cref="LookAlikeLetters"/>),
/// so that the name can be found by typing it. Each changed name is reported as a warning with its original spelling, so
/// the import result and log say how many names were changed and which.
/// </summary>
internal static class NameSpelling
{
    public static string Stored(string name, int row, string field, string? key, IssueCollector issues)
    {
        var stored = LookAlikeLetters.ToCyrillic(name);
        if (stored != name) issues.Add(ImportProblem.NameNormalised, row, field, name, key, ImportDetail.AsIs(stored));
        return stored;
    }
}
