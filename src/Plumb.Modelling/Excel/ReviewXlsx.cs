namespace Plumb.Modelling.Excel;

using DocumentFormat.OpenXml.Packaging;
using Plumb.Handbook.Review;

/// <summary>Writes the review workbook as an Excel workbook (.xlsx): one sheet per register, header rows frozen.</summary>
public static class ReviewXlsx
{
    /// <summary>Writes the workbook to <paramref name="stream"/>, which must be writable and seekable.</summary>
    public static void Write(ReviewWorkbook workbook, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        using var package = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook);
        package.PackageProperties.Title = workbook.Title;
        package.PackageProperties.Creator = "Plumb";
        var book = new XlsxBook(package);
        book.Sheet("Processes", ProcessRows(workbook));
        book.Sheet("KPIs", KpiRows(workbook));
        book.Sheet("Procedure review", StepRows(workbook));
        book.Sheet("RACI", RaciRows(workbook), headerRow: false);
        book.Sheet("Role coverage", [Header(ReviewLayout.CoverageColumns), .. workbook.Coverage.Select(r => Plain(ReviewLayout.CoverageCells(r)))]);
        book.Sheet("Data flows", [Header(ReviewLayout.FlowColumns), .. workbook.DataFlows.Select(f => Plain([f.From, f.Record, f.To, f.Note, f.Status]))]);
        book.Sheet("Findings", [Header(ReviewLayout.FindingColumns), .. workbook.Findings.Select(f => Plain(ReviewLayout.FindingCells(f)))]);
        book.Save();
    }

    private static XlsxRow Header(IEnumerable<string> cells) => new([.. cells], Bold: true);

    private static XlsxRow Plain(IEnumerable<string> cells) => new([.. cells], Bold: false);

    private static List<XlsxRow> ProcessRows(ReviewWorkbook workbook) =>
    [
        Header(["Process", "Owner", "Status", "Version", "Mission", "Purpose", "Scope", "Drivers", "Pain points", "Objectives",
            "Principles", "Critical success factors", "Triggers", "Inputs", "Outputs"]),
        .. workbook.Processes.Select(p => Plain([p.Name, p.Owner, p.Status, p.Version, p.Mission, p.Purpose, p.Scope, Lines(p.Drivers),
            Lines(p.PainPoints), Lines(p.Objectives), Lines(p.Principles), Lines(p.Csfs), Lines(p.Triggers), Lines(p.Inputs), Lines(p.Outputs)])),
    ];

    private static List<XlsxRow> KpiRows(ReviewWorkbook workbook) =>
    [
        Header(["Process", .. ReviewLayout.KpiColumns]),
        .. workbook.Processes.SelectMany(p => p.Kpis.Select(k => Plain([p.Name, k.Name, k.Definition, k.Measure, k.Target, k.Csf]))),
    ];

    private static List<XlsxRow> StepRows(ReviewWorkbook workbook) =>
    [
        Header(["Process", "Procedure", .. ReviewLayout.StepColumns]),
        .. workbook.Processes.SelectMany(p => p.Procedures.SelectMany(x => x.Steps.Select(s => Plain([p.Name, x.Name, .. ReviewLayout.StepCells(s)])))),
    ];

    private static List<XlsxRow> RaciRows(ReviewWorkbook workbook)
    {
        var rows = new List<XlsxRow>();
        foreach (var matrix in workbook.Raci)
        {
            rows.Add(Header([$"{matrix.Procedure} ({matrix.Process})"]));
            rows.Add(Header(["Role", .. matrix.Steps]));
            rows.AddRange(matrix.Roles.Select((role, i) => Plain([role, .. matrix.Cells[i]])));
            rows.Add(Plain([]));
        }

        return rows;
    }

    private static string Lines(IReadOnlyList<string> items) => string.Join("\n", items);
}
