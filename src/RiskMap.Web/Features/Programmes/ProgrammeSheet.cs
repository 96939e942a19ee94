using System.Globalization;
using RiskMap.Core.Localization;
using RiskMap.Core.Programmes;
using RiskMap.Data.Programmes;
using RiskMap.Web.Features.Exports;

namespace RiskMap.Web.Features.Programmes;

/// <summary>
/// A programme in the Complex Plan's table layout, one row per measure: №, measure, form of completion, deadline,
/// responsible executors, funding amount, source of funding; then target unit, status and effectiveness. The XLSX
/// export and the printable page both write it.
/// </summary>
public sealed class ProgrammeSheet : ITableSheet
{
    private ProgrammeSheet(string title, string subtitle, IReadOnlyList<string> headings, IReadOnlyList<IReadOnlyList<object?>> measureRows, string note)
    {
        Title = title;
        Subtitle = subtitle;
        Headings = headings;
        MeasureRows = measureRows;
        Note = note;
    }

    public string Title { get; }

    /// <summary>Region and quarters.</summary>
    public string Subtitle { get; }

    public IReadOnlyList<string> Headings { get; }

    public IReadOnlyList<IReadOnlyList<object?>> MeasureRows { get; }

    /// <summary>That effectiveness is a comparison, not proof of cause.</summary>
    public string Note { get; }

    /// <summary>The measure rows, then the note, for a spreadsheet.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows => [.. MeasureRows, [Note]];

    public static ProgrammeSheet Build(ProgrammeDetail programme, IReadOnlyDictionary<long, TargetEffect> effects, string? baseline, Language language)
    {
        var number = 0;
        var rows = programme.Targets.SelectMany(target => target.Measures.Select(m =>
        {
            MeasureStatuses.TryParse(m.Status, out var status);
            return (IReadOnlyList<object?>)
            [
                ++number, In(m.Measure.Name, language), m.FormOfCompletion ?? In(m.Measure.DefaultForm, language),
                m.Deadline.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), m.Responsible, (double)m.FundingAmount, m.FundingSource,
                $"{In(target.Name, language)} ({target.Code})", ProgrammeTexts.Status(status, language),
                ProgrammeTexts.EffectCell(effects[target.Id], baseline, language),
            ];
        })).ToList();
        var subtitle = $"{ProgrammeTexts.Region.In(language)}: {In(programme.RegionName, language)} ({programme.RegionKato}); " +
                       $"{ProgrammeTexts.Period.In(language)}: {programme.StartQuarter}–{programme.EndQuarter}";
        return new ProgrammeSheet($"{ProgrammeTexts.Programme.In(language)}: {programme.Title}", subtitle, ProgrammeTexts.Headings(language), rows,
            ProgrammeTexts.ComparisonNote.In(language));
    }

    public static string In(Names names, Language language) => (names.Kk, names.Ru, names.En).In(language);
}
