namespace Plumb.Modelling.Word;

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Plumb.Handbook.Review;
using Plumb.Modelling.Office;

/// <summary>Appends the review's headings, paragraphs, facts, lists and tables to a Word body.</summary>
internal sealed class DocxBody(Body body) : IDocumentWriter
{
    // Landscape A4 less margins, in twentieths of a point.
    private const int TextWidth = 16838 - (2 * 851);

    public void Heading(int level, string text) =>
        body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{Math.Clamp(level, 1, 4)}" }), TextRun(text)));

    public void Paragraph(string text) => body.Append(new Paragraph(TextRun(text.Trim())));

    public void Facts(IReadOnlyList<(string Label, string Value)> facts)
    {
        foreach (var (label, value) in facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)))
        {
            body.Append(new Paragraph(TextRun(label + ": ", bold: true), TextRun(value.Trim())));
        }
    }

    public void Bullets(string label, IReadOnlyList<string> items)
    {
        if (items.Count == 0) return;
        body.Append(new Paragraph(new ParagraphProperties(new KeepNext()), TextRun(label, bold: true)));
        foreach (var item in items)
        {
            body.Append(new Paragraph(
                new ParagraphProperties(new Indentation { Left = "360", Hanging = "240" }),
                TextRun("• " + item)));
        }
    }

    public void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = ColumnWidths(headers, rows);
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = "TableGrid" },
                new TableWidth { Width = TextWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(headers, widths, header: true));
        foreach (var row in rows) table.Append(Row(row, widths, header: false));
        body.Append(table);
        body.Append(new Paragraph());
    }

    private static TableRow Row(IReadOnlyList<string> cells, int[] widths, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < widths.Length; i++)
        {
            var properties = new TableCellProperties(new TableCellWidth
            {
                Width = widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture),
                Type = TableWidthUnitValues.Dxa,
            });
            if (header) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E7ECF3" });
            row.Append(new TableCell(properties, new Paragraph(TextRun(i < cells.Count ? cells[i] : "", bold: header))));
        }

        return row;
    }

    // Columns share the width by the length of their longest text, with a floor so short columns stay readable.
    private static int[] ColumnWidths(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var weights = headers.Select((h, i) => Math.Clamp(
            rows.Select(r => i < r.Count ? r[i].Length : 0).Append(h.Length).Max(), 4, 60)).ToArray();
        var total = weights.Sum();
        var widths = weights.Select(w => Math.Max(500, TextWidth * w / total)).ToArray();
        var excess = widths.Sum() - TextWidth;
        if (excess > 0)
        {
            var widest = Array.IndexOf(widths, widths.Max());
            widths[widest] = Math.Max(500, widths[widest] - excess);
        }

        return widths;
    }

    private static Run TextRun(string text, bool bold = false)
    {
        var run = new Run();
        if (bold) run.Append(new RunProperties(new Bold()));
        var lines = OfficeText.Clean(text).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }
}
