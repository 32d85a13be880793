namespace Plumb.Server.Portal;

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

/// <summary>Small helpers that keep every piece of handbook text encoded on its way into a page.</summary>
public static class Html
{
    // Every script stays readable in the page source; only what HTML needs is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? text) => text is null ? "" : Encoder.Encode(text);

    /// <summary>Text for an SVG or HTML attribute or element, with only the characters XML needs escaped (readable in source).</summary>
    public static string X(string? text) => text is null ? "" : new StringBuilder(text)
        .Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;").ToString();

    public static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";
}
