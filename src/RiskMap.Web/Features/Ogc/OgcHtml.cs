using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace RiskMap.Web.Features.Ogc;

/// <summary>
/// The HTML representation of every OGC API resource (conformance class "html"): the same content as the JSON, as a
/// page a person can browse — links as links, features as a table of their properties.
/// </summary>
internal static class OgcHtml
{
    public static IResult Page(string title, JsonObject document)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(title)).Append(" – RiskMap OGC API</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head><body class=\"ogc\"><main>")
            .Append("<h1>").Append(Encode(title)).Append("</h1>");
        if (document["description"]?.GetValue<string>() is { } description) html.Append("<p>").Append(Encode(description)).Append("</p>");
        if (document["conformsTo"] is JsonArray classes)
            html.Append("<ul>").AppendJoin("", classes.Select(c => $"<li>{Encode(c!.GetValue<string>())}</li>")).Append("</ul>");
        if (document["collections"] is JsonArray collections)
        {
            html.Append("<ul>");
            foreach (var c in collections.OfType<JsonObject>())
                html.Append("<li><a href=\"").Append(Encode(Href(c, "items", "text/html") ?? "")).Append("\">").Append(Encode(c["title"]?.GetValue<string>() ?? ""))
                    .Append("</a> — ").Append(Encode(c["description"]?.GetValue<string>() ?? "")).Append("</li>");
            html.Append("</ul>");
        }
        if (document["features"] is JsonArray features) AppendFeatures(html, features);
        if (document["type"]?.GetValue<string>() == "Feature") AppendFeatures(html, [document.DeepClone()]);
        if (document["links"] is JsonArray links)
        {
            html.Append("<h2>Links</h2><ul>");
            foreach (var link in links.OfType<JsonObject>())
                html.Append("<li><a href=\"").Append(Encode(link["href"]?.GetValue<string>() ?? "")).Append("\">")
                    .Append(Encode(link["title"]?.GetValue<string>() ?? link["rel"]?.GetValue<string>() ?? "")).Append("</a> (")
                    .Append(Encode(link["type"]?.GetValue<string>() ?? "")).Append(")</li>");
            html.Append("</ul>");
        }
        html.Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static void AppendFeatures(StringBuilder html, JsonArray features)
    {
        var rows = features.OfType<JsonObject>().Select(f => f["properties"] as JsonObject ?? []).ToList();
        var columns = rows.SelectMany(r => r.Select(p => p.Key)).Distinct().ToList();
        html.Append("<table><thead><tr>").AppendJoin("", columns.Select(c => $"<th scope=\"col\">{Encode(c)}</th>")).Append("</tr></thead><tbody>");
        foreach (var row in rows)
            html.Append("<tr>").AppendJoin("", columns.Select(c => $"<td>{Encode(row[c]?.ToString() ?? "")}</td>")).Append("</tr>");
        html.Append("</tbody></table>");
    }

    private static string? Href(JsonObject owner, string rel, string type) =>
        (owner["links"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(l => l["rel"]?.GetValue<string>() == rel && l["type"]?.GetValue<string>() == type)?["href"]?.GetValue<string>();

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
