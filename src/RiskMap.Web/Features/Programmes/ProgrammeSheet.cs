using System.Globalization;
using RiskMap.Core.Geography;
using RiskMap.Core.Localization;
using RiskMap.Core.Programmes;
using RiskMap.Data.Programmes;
using RiskMap.Web.Features.Exports;

namespace RiskMap.Web.Features.Programmes;

/// <summary>
/// A programme in the Complex Plan's table layout, one row per measure: №, measure, form of completion, deadline,
/// responsible executors, funding amount, source of funding; then target unit, status, effectiveness and the progress
/// reported. The XLSX export and the printable page both write it.
/// </summary>
public sealed class ProgrammeSheet : ITableSheet
{
    private static readonly (string Kk, string Ru, string En) ProgressHeading = ("Орындалу барысы", "Ход выполнения", "Progress");

    /// <summary>Column widths in characters, in the order of the headings.</summary>
    private static readonly double[] Widths = [5, 40, 24, 12, 32, 16, 22, 32, 14, 36, 48];

    private ProgrammeSheet(string title, string subtitle, string? demo, XlsxWorkbook.SheetHead head, IReadOnlyList<IReadOnlyList<object?>> measureRows, string note)
    {
        Title = title;
        Subtitle = subtitle;
        Demo = demo;
        Head = head;
        MeasureRows = measureRows;
        Note = note;
    }

    public string Title { get; }

    /// <summary>Region (named as a city or oblast) and quarters.</summary>
    public string Subtitle { get; }

    /// <summary>The demo marker when the scores come from synthetic data, else null.</summary>
    public string? Demo { get; }

    public XlsxWorkbook.SheetHead Head { get; }

    public IReadOnlyList<string> Headings => Head.Headings;

    public IReadOnlyList<IReadOnlyList<object?>> MeasureRows { get; }

    /// <summary>That effectiveness is a comparison, not proof of cause.</summary>
    public string Note { get; }

    /// <summary>The measure rows, then the note, for a spreadsheet.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows => [.. MeasureRows, [Note]];

    public static ProgrammeSheet Build(ProgrammeDetail programme, IReadOnlyDictionary<long, TargetEffect> effects, string? baseline, bool demo, Language language)
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
                ProgrammeTexts.EffectCell(effects[target.Id], baseline, language), Progress(m.Progress, language),
            ];
        })).ToList();
        var region = RegionKinds.Named(Kato.Parse(programme.RegionKato), In(programme.RegionName, language), language);
        var subtitle = $"{region} ({programme.RegionKato}); {ProgrammeTexts.Period.In(language)}: " +
                       $"{QuarterNames.Name(programme.StartQuarter, language)} – {QuarterNames.Name(programme.EndQuarter, language)}";
        var title = $"{ProgrammeTexts.Programme.In(language)}: {programme.Title}";
        var demoMarker = demo ? ExportTexts.Demo(language) : null;
        var head = new XlsxWorkbook.SheetHead(ExportTexts.SheetName("programme", language),
            string.Join(" · ", new[] { title, subtitle, demoMarker }.OfType<string>()),
            [.. ProgrammeTexts.Headings(language), ProgressHeading.In(language)], Widths, WrapText: true);
        return new ProgrammeSheet(title, subtitle, demoMarker, head, rows, ProgrammeTexts.ComparisonNote.In(language));
    }

    /// <summary>Each progress report on a line: "Q1 2025: note (30%)".</summary>
    private static string Progress(IReadOnlyList<ProgressView> reports, Language language) => string.Join("\n", reports.Select(p =>
        $"{QuarterNames.Name(p.Quarter, language)}: {p.Note}{(p.Percent is { } percent ? string.Create(CultureInfo.InvariantCulture, $" ({percent}%)") : "")}"));

    public static string In(Names names, Language language) => (names.Kk, names.Ru, names.En).In(language);
}
