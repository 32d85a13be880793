namespace Plumb.Handbook.Diff;

using System.Text;
using Plumb.Handbook.Review;

/// <summary>Writes the changes between two handbook versions as a Markdown table for review.</summary>
public static class DiffMarkdown
{
    /// <summary>The changes as Markdown under the given title.</summary>
    public static string Render(IReadOnlyList<Change> changes, string title)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(MarkdownText.Escape(title)).Append("\n\n");
        if (changes.Count == 0) return text.Append("No changes.\n").ToString();
        text.Append(changes.Count).Append(changes.Count == 1 ? " change.\n\n" : " changes.\n\n");
        text.Append("| Change | Where | Field | Before | After |\n| --- | --- | --- | --- | --- |\n");
        foreach (var change in changes)
        {
            text.Append("| ").Append(HandbookDiff.Word(change.Kind))
                .Append(" | ").Append(MarkdownText.Cell(change.Location))
                .Append(" | ").Append(MarkdownText.Cell(change.Field ?? ""))
                .Append(" | ").Append(MarkdownText.Cell(change.Before ?? ""))
                .Append(" | ").Append(MarkdownText.Cell(change.After ?? "")).Append(" |\n");
        }

        return text.ToString();
    }
}
