namespace Plumb.ServiceNow.Embed;

using System.Xml;
using Markdig;

/// <summary>Writes Markdown (work instructions) as XHTML into a page, with raw HTML in the Markdown disabled.</summary>
internal static class RichText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().DisableHtml().Build();

    /// <summary>Writes the Markdown as elements; text that does not make well-formed XHTML is written as a plain paragraph.</summary>
    public static void Write(XmlWriter writer, string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return;
        var html = Markdown.ToHtml(JellyMarkup.Guard(markdown), Pipeline);
        if (JellyMarkup.SafeFragment(html) is { } nodes)
        {
            foreach (var node in nodes) node.WriteTo(writer);
            return;
        }

        writer.WriteElementString("p", JellyMarkup.Guard(markdown));
    }

    /// <summary>Writes an element with guarded text content.</summary>
    public static void Element(XmlWriter writer, string name, string? text, string? cssClass = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        writer.WriteStartElement(name);
        if (cssClass is not null) writer.WriteAttributeString("class", cssClass);
        writer.WriteString(JellyMarkup.Guard(text));
        writer.WriteEndElement();
    }

    /// <summary>A paragraph <c>Label: text</c> with the label in bold.</summary>
    public static void Labelled(XmlWriter writer, string label, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        writer.WriteStartElement("p");
        writer.WriteElementString("strong", label + ": ");
        writer.WriteString(JellyMarkup.Guard(text));
        writer.WriteEndElement();
    }
}
