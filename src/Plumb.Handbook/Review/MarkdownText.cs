namespace Plumb.Handbook.Review;

/// <summary>Escaping for text placed in Markdown paragraphs and table cells.</summary>
public static class MarkdownText
{
    /// <summary>Text safe inside a table cell: pipes escaped, line breaks as &lt;br&gt;.</summary>
    public static string Cell(string text) =>
        Escape(text).Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal)
            .Replace("\n", "<br>", StringComparison.Ordinal);

    /// <summary>Text with the characters that start Markdown markup escaped.</summary>
    public static string Escape(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#') builder.Append('\\');
            builder.Append(c);
        }

        return builder.ToString();
    }
}
