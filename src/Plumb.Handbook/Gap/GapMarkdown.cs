namespace Plumb.Handbook.Gap;

using System.Text;
using Plumb.Handbook.Review;

/// <summary>Writes a gap report as a Markdown document, one table per kind of gap.</summary>
public static class GapMarkdown
{
    /// <summary>The report as Markdown under the given title.</summary>
    public static string Render(GapReport report, string title)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(MarkdownText.Escape(title)).Append("\n\n");
        text.Append(GapWords.Summary(report)).Append(".\n");
        foreach (var kind in Enum.GetValues<GapKind>())
        {
            var items = report.Items.Where(i => i.Kind == kind).ToList();
            if (items.Count == 0) continue;
            text.Append("\n## ").Append(char.ToUpperInvariant(GapWords.Of(kind)[0])).Append(GapWords.Of(kind)[1..]).Append("\n\n");
            text.Append("| Element | Where | Baseline | Handbook | Gap |\n| --- | --- | --- | --- | --- |\n");
            foreach (var item in items)
            {
                text.Append("| ").Append(GapWords.Of(item.Element))
                    .Append(" | ").Append(MarkdownText.Cell(item.Path))
                    .Append(" | ").Append(MarkdownText.Cell(item.Baseline ?? ""))
                    .Append(" | ").Append(MarkdownText.Cell(item.Handbook ?? ""))
                    .Append(" | ").Append(MarkdownText.Cell(item.Message)).Append(" |\n");
            }
        }

        return text.ToString();
    }
}
