namespace Plumb.Handbook.Review;

using System.Net;
using System.Text;

/// <summary>Writes a document as a self-contained, well-formed XHTML page with print-friendly styles.</summary>
public sealed class HtmlDocument : IDocumentWriter
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1b1b; }
        h1 { font-size: 1.6rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccc; } h4 { margin-bottom: .3rem; }
        table { border-collapse: collapse; margin: .5rem 0 1.5rem; font-size: .85rem; }
        th, td { border: 1px solid #bbb; padding: .25rem .45rem; vertical-align: top; text-align: left; }
        th { background: #eef1f5; }
        dl { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; }
        dt { font-weight: 600; } dd { margin: 0; }
        @media print { h2 { page-break-before: always; } }
        """;

    private readonly StringBuilder _body = new();

    /// <summary>The review workbook as an HTML page.</summary>
    public static string Render(ReviewWorkbook workbook)
    {
        var document = new HtmlDocument();
        ReviewLayout.Write(workbook, document);
        return document.Page(workbook.Title);
    }

    /// <inheritdoc />
    public void Heading(int level, string text)
    {
        var h = Math.Clamp(level, 1, 6);
        _body.Append($"<h{h}>").Append(E(text)).Append($"</h{h}>\n");
    }

    /// <inheritdoc />
    public void Paragraph(string text) => _body.Append("<p>").Append(E(text.Trim())).Append("</p>\n");

    /// <inheritdoc />
    public void Facts(IReadOnlyList<(string Label, string Value)> facts)
    {
        var shown = facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToList();
        if (shown.Count == 0) return;
        _body.Append("<dl>\n");
        foreach (var (label, value) in shown) _body.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(value.Trim())).Append("</dd>\n");
        _body.Append("</dl>\n");
    }

    /// <inheritdoc />
    public void Bullets(string label, IReadOnlyList<string> items)
    {
        if (items.Count == 0) return;
        _body.Append("<p><strong>").Append(E(label)).Append("</strong></p>\n<ul>\n");
        foreach (var item in items) _body.Append("<li>").Append(E(item)).Append("</li>\n");
        _body.Append("</ul>\n");
    }

    /// <inheritdoc />
    public void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        _body.Append("<table>\n<thead><tr>");
        foreach (var header in headers) _body.Append("<th>").Append(E(header)).Append("</th>");
        _body.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            for (var i = 0; i < headers.Count; i++) _body.Append("<td>").Append(E(i < row.Count ? row[i] : "")).Append("</td>");
            _body.Append("</tr>\n");
        }

        _body.Append("</tbody>\n</table>\n");
    }

    /// <summary>The complete page around what was written.</summary>
    public string Page(string title) =>
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n" +
        $"<title>{E(title)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n{_body}</body>\n</html>\n";

    // HtmlEncode escapes <, >, & and quotes; control characters other than tab and line breaks are not valid XML and are dropped.
    private static string E(string text) =>
        WebUtility.HtmlEncode(new string([.. text.Where(c => c >= ' ' || c is '\t' or '\n' or '\r')]))
            .Replace("\n", "<br />", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);
}
