using System.Globalization;
using System.Text;
using RiskMap.Data.Vintages;
using RiskMap.Web.Features.Exports;

namespace RiskMap.Web.Features.Vintages;

/// <summary>
/// The crosswalk as CSV (RFC 4180, UTF-8 with a byte order mark, as the other exports): codes and names of both sides,
/// both shares in full precision (a pupil share is empty where the source has no schools).
/// </summary>
public static class CrosswalkCsv
{
    private static readonly string[] Headings =
    [
        "source_kato", "source_name_kk", "source_name_ru", "source_name_en",
        "target_kato", "target_name_kk", "target_name_ru", "target_name_en", "area_share", "pupil_share",
    ];

    public static async Task WriteAsync(Stream stream, IEnumerable<CrosswalkRow> rows)
    {
        await stream.WriteAsync(Encoding.UTF8.Preamble.ToArray());
        await using var text = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var line = new StringBuilder();
        await text.WriteAsync(HotspotCsv.Line(line, Headings, ','));
        foreach (var r in rows)
        {
            await text.WriteAsync(HotspotCsv.Line(line, [
                r.SourceKato, r.SourceNameKk, r.SourceNameRu, r.SourceNameEn,
                r.TargetKato, r.TargetNameKk, r.TargetNameRu, r.TargetNameEn, Share(r.AreaShare), r.PupilShare is { } p ? Share(p) : null,
            ], ','));
        }
    }

    /// <summary>Shares as written, to the last digit a double holds, so a source's shares add up to 1 again.</summary>
    private static string Share(double share) => share.ToString("R", CultureInfo.InvariantCulture);
}
