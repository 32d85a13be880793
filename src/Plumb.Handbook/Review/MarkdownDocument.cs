namespace Plumb.Handbook.Review;

using System.Text;

/// <summary>Writes a document as GitHub-flavoured Markdown.</summary>
public sealed class MarkdownDocument : IDocumentWriter
{
    private readonly StringBuilder _text = new();

    /// <summary>The review workbook as Markdown.</summary>
    public static string Render(ReviewWorkbook workbook)
    {
        var document = new MarkdownDocument();
        ReviewLayout.Write(workbook, document);
        return document.ToString();
    }

    /// <inheritdoc />
    public void Heading(int level, string text) => Block(new string('#', Math.Clamp(level, 1, 6)) + " " + MarkdownText.Escape(text));

    /// <inheritdoc />
    public void Paragraph(string text) => Block(MarkdownText.Escape(text.Trim()));

    /// <inheritdoc />
    public void Facts(IReadOnlyList<(string Label, string Value)> facts)
    {
        var lines = facts.Where(f => !string.IsNullOrWhiteSpace(f.Value))
            .Select(f => $"- **{MarkdownText.Escape(f.Label)}:** {MarkdownText.Escape(OneLine(f.Value))}").ToList();
        if (lines.Count > 0) Block(string.Join("\n", lines));
    }

    /// <inheritdoc />
    public void Bullets(string label, IReadOnlyList<string> items)
    {
        if (items.Count == 0) return;
        Block($"**{MarkdownText.Escape(label)}**\n\n" + string.Join("\n", items.Select(i => "- " + MarkdownText.Escape(OneLine(i)))));
    }

    /// <inheritdoc />
    public void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        text.Append("| ").Append(string.Join(" | ", headers.Select(MarkdownText.Cell))).Append(" |\n");
        text.Append('|').Append(string.Concat(headers.Select(_ => " --- |"))).Append('\n');
        foreach (var row in rows)
        {
            text.Append("| ").Append(string.Join(" | ", headers.Select((_, i) => MarkdownText.Cell(i < row.Count ? row[i] : "")))).Append(" |\n");
        }

        Block(text.ToString().TrimEnd('\n'));
    }

    /// <summary>The document so far.</summary>
    public override string ToString() => _text.ToString();

    private void Block(string block) => _text.Append(block).Append("\n\n");

    private static string OneLine(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
