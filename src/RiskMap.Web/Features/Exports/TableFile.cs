using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Exports;

/// <summary>A table held in memory (<see cref="ITableSheet"/>) as the CSV or XLSX file an export answers with.</summary>
public static class TableFile
{
    /// <summary>400 for a format other than csv or xlsx, or a CSV separator other than ',' or ';'.</summary>
    public static IResult? RefuseOptions(string? format, string? sep) =>
        format is not (null or "csv" or "xlsx") ? ApiProblems.BadParameter("format", "format must be csv or xlsx.")
        : sep is not (null or "," or ";") ? ApiProblems.BadParameter("sep", "sep must be ',' or ';'.")
        : null;

    public static string Extension(string? format) => format == "xlsx" ? "xlsx" : "csv";

    /// <summary>The file <paramref name="name"/>.csv (UTF-8 with a byte order mark, streamed) or <paramref name="name"/>.xlsx.</summary>
    public static async Task<IResult> ResultAsync(HttpContext http, ITableSheet sheet, string? format, string? sep, string name)
    {
        var fileName = $"{name}.{Extension(format)}";
        if (format == "xlsx")
            return Results.File(await XlsxWorkbook.WriteAsync(sheet, http.RequestAborted),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
        return Results.Stream(body => HotspotCsv.WriteAsync(body, sheet, sep is [var separator] ? separator : ',', http.RequestAborted),
            "text/csv; charset=utf-8", fileName);
    }
}
