namespace Plumb.Modelling.Excel;

/// <summary>One row of a sheet: its cell texts and whether it is a heading row.</summary>
internal sealed record XlsxRow(IReadOnlyList<string> Cells, bool Bold);
