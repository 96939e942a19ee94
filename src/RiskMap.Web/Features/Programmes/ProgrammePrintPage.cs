using System.Globalization;
using System.Net;
using System.Text;
using RiskMap.Core.Localization;

namespace RiskMap.Web.Features.Programmes;

/// <summary>A programme as a printable HTML page in the Plan's table layout: no scripts, styled by /css/print.css.</summary>
public static class ProgrammePrintPage
{
    public static string Write(ProgrammeSheet sheet, Language language)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(language.Code()).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>").Append(Encode(sheet.Title)).Append("</title>\n")
            .Append("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n<link rel=\"stylesheet\" href=\"/css/print.css\">\n</head>\n<body>\n")
            .Append("<h1>").Append(Encode(sheet.Title)).Append("</h1>\n")
            .Append("<p class=\"subtitle\">").Append(Encode(sheet.Subtitle)).Append("</p>\n")
            .Append(sheet.Demo is { } demo ? $"<p class=\"demo\">{Encode(demo)}</p>\n" : "")
            .Append("<table>\n<thead>\n<tr>");
        foreach (var heading in sheet.Headings) html.Append("<th scope=\"col\">").Append(Encode(heading)).Append("</th>");
        html.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var row in sheet.MeasureRows)
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append(cell is double ? "<td class=\"number\">" : "<td>").Append(Encode(Text(cell, language)).Replace("\n", "<br>")).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n<p class=\"note\">").Append(Encode(sheet.Note)).Append("</p>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Text(object? cell, Language language) => cell switch
    {
        null => "",
        double d => d.ToString("N2", language.Culture()),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
