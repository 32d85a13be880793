namespace Plumb.Modelling.Excel;

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Plumb.Modelling.Office;

/// <summary>A spreadsheet being written: the workbook part, its styles and the sheets added so far.</summary>
internal sealed class XlsxBook
{
    private const uint WrapStyle = 1;
    private const uint HeaderStyle = 2;

    private readonly WorkbookPart _workbook;
    private readonly Sheets _sheets = new();

    public XlsxBook(SpreadsheetDocument package)
    {
        _workbook = package.AddWorkbookPart();
        _workbook.Workbook = new Workbook(_sheets);
        var styles = _workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(new FontSize { Val = 10 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 10 }, new FontName { Val = "Calibri" }))
            { Count = 2U },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
            { Count = 2U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
            new CellFormats(
                new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
                { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyAlignment = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
                { NumberFormatId = 0U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyFont = true, ApplyAlignment = true })
            { Count = 3U },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
    }

    /// <summary>Adds a sheet; with <paramref name="headerRow"/> its first row stays in view while scrolling.</summary>
    public void Sheet(string name, IReadOnlyList<XlsxRow> rows, bool headerRow = true)
    {
        var part = _workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Cells.Count; c++)
            {
                var cell = TextCell(c, r + 1, rows[r].Cells[c], rows[r].Bold ? HeaderStyle : WrapStyle);
                if (cell.InlineString!.InnerText.Length == 0) continue;
                row.Append(cell);
            }

            data.Append(row);
        }

        var worksheet = new Worksheet();
        if (headerRow && rows.Count > 1)
        {
            worksheet.Append(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0U }));
        }

        var widths = Widths(rows);
        if (widths.Count > 0)
        {
            worksheet.Append(new Columns(widths.Select((w, i) => new Column
            {
                Min = (uint)(i + 1),
                Max = (uint)(i + 1),
                Width = w,
                CustomWidth = true,
            })));
        }

        worksheet.Append(data);
        part.Worksheet = worksheet;
        _sheets.Append(new Sheet { Name = name, SheetId = (uint)(_sheets.Count() + 1), Id = _workbook.GetIdOfPart(part) });
    }

    public void Save() => _workbook.Workbook.Save();

    /// <summary>
    /// A cell holding text, the one way Plumb's workbooks write a cell: the text goes through <see cref="OfficeText.Cell"/>,
    /// so no cell carries a character Excel refuses or more than Excel keeps.
    /// </summary>
    public static Cell TextCell(int column, int row, string? text, uint style) => new()
    {
        CellReference = Column(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture),
        DataType = CellValues.InlineString,
        StyleIndex = style,
        InlineString = new InlineString(new Text(OfficeText.Cell(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    /// <summary>The letters of a zero-based column index: A, B, ... Z, AA, AB ...</summary>
    public static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }

    // Width in characters: the longest line of the column, between 8 and 60.
    private static List<double> Widths(IReadOnlyList<XlsxRow> rows)
    {
        var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Cells.Count);
        return [.. Enumerable.Range(0, columns).Select(c => (double)Math.Clamp(
            rows.Where(r => c < r.Cells.Count).Select(r => r.Cells[c].Split('\n').Max(l => l.Length)).DefaultIfEmpty(0).Max() + 2, 8, 60))];
    }
}
