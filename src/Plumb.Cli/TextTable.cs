namespace Plumb.Cli;

/// <summary>A plain-text table with aligned columns, for terminal output.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void Write(TextWriter output, string indent = "  ")
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => Cell(r, i).Length))).ToArray();
        output.WriteLine(indent + string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        output.WriteLine(indent + string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            output.WriteLine(indent + string.Join("  ", widths.Select((w, i) => Cell(row, i).PadRight(w))).TrimEnd());
        }
    }

    private static string Cell(string[] row, int i) => i < row.Length ? row[i] : "";
}
