namespace Plumb.Modelling.Excel;

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Plumb.Handbook.Model;

/// <summary>The RACI matrix as an Excel workbook: one sheet per process, a row per step, a column per role.</summary>
public static class RaciWorkbook
{
    /// <summary>The .xlsx bytes.</summary>
    public static byte[] Write(Handbook handbook)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            uint sheetId = 1;
            foreach (var process in handbook.Processes)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Sheet(handbook, process);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = SheetName(process.Name, names) });
            }

            if (handbook.Processes.Count == 0)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(new SheetData());
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "RACI" });
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Worksheet Sheet(Handbook handbook, Process process)
    {
        var roles = process.Procedures.SelectMany(p => p.Steps).SelectMany(s => s.Raci.Assignments()).Select(a => a.Role)
            .Distinct(StringComparer.Ordinal).ToList();
        var data = new SheetData();
        data.Append(Row(1, [("Procedure", 1), ("Step", 1), .. roles.Select(r => (handbook.FindRole(r)?.Name ?? r, 1u))]));
        uint row = 2;
        foreach (var procedure in process.Procedures)
        {
            foreach (var step in procedure.Steps)
            {
                var letters = roles.Select(r => (string.Concat(step.Raci.Assignments().Where(a => a.Role == r).Select(a => a.Letter)), 2u));
                data.Append(Row(row++, [(procedure.Name, 0), (step.Name, 0), .. letters]));
            }
        }

        var columns = new Columns(new Column { Min = 1, Max = 2, Width = 36, CustomWidth = true });
        if (roles.Count > 0) columns.Append(new Column { Min = 3, Max = (uint)(roles.Count + 2), Width = 18, CustomWidth = true });
        var sheet = new Worksheet();
        sheet.Append(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
        sheet.Append(columns);
        sheet.Append(data);
        return sheet;
    }

    private static Row Row(uint index, IEnumerable<(string Text, uint Style)> cells)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var (text, style) in cells) row.Append(XlsxBook.TextCell(column++, (int)index, text, style));
        return row;
    }

    // Excel sheet names: at most 31 characters, none of []:*?/\ and unique.
    private static string SheetName(string name, HashSet<string> taken)
    {
        var clean = new string([.. name.Where(c => "[]:*?/\\".IndexOf(c, StringComparison.Ordinal) < 0)]).Trim();
        if (clean.Length == 0) clean = "Process";
        if (clean.Length > 28) clean = clean[..28];
        var unique = clean;
        for (var n = 2; !taken.Add(unique); n++) unique = $"{clean} {n}";
        return unique;
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center }) { ApplyAlignment = true }));
}
