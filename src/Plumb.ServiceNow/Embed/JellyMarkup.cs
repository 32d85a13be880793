namespace Plumb.ServiceNow.Embed;

using System.Xml;
using System.Xml.Linq;
using Plumb.ServiceNow.Snapshot;

/// <summary>
/// Makes content safe for ServiceNow's Jelly (UI pages) and HTML contexts. Jelly evaluates <c>${...}</c> and <c>$[...]</c>
/// in text and attributes, and its output step turns XML entities back into raw characters, so every entity is written as
/// <c>${AMP}name;</c> (ServiceNow's documented escape) and every <c>$</c> of content as <c>${AMP}#36;</c>: the browser then
/// receives the entity and shows the character, and no content can become an expression or markup.
/// </summary>
public static class JellyMarkup
{
    // Stands in for a '$' of content between building the XML and writing it as Jelly; a private-use character content never needs.
    private const char Dollar = '\uE024';

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "iframe", "object", "embed", "img", "image", "foreignObject", "style", "link", "meta", "form", "input", "use",
    };

    /// <summary>Marks the <c>$</c> of content text so <see cref="ToJelly"/> can escape it.</summary>
    public static string Guard(string? text) => (text ?? "").Replace(Dollar.ToString(), "", StringComparison.Ordinal).Replace('$', Dollar);

    /// <summary>Turns serialised XML (whose content went through <see cref="Guard"/>) into Jelly source.</summary>
    public static string ToJelly(string xml) =>
        xml.Replace("&", "${AMP}", StringComparison.Ordinal).Replace(Dollar.ToString(), "${AMP}#36;", StringComparison.Ordinal);

    /// <summary>Removes the placeholder again, for contexts that are plain HTML rather than Jelly.</summary>
    public static string Unguard(string xml) => xml.Replace(Dollar, '$');

    /// <summary>
    /// Parses an XHTML or SVG fragment (DTDs refused), drops active content (scripts, frames, external images, event
    /// attributes, <c>javascript:</c> links) and returns its elements; null when it is not well-formed.
    /// </summary>
    public static IReadOnlyList<XNode>? SafeFragment(string fragment)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader($"<root>{fragment}</root>"), SafeXml.Settings());
            var root = XElement.Load(reader);
            Clean(root);
            return root.Nodes().ToList();
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static void Clean(XElement element)
    {
        foreach (var child in element.Elements().ToList())
        {
            if (Dropped.Contains(child.Name.LocalName))
            {
                child.Remove();
                continue;
            }

            foreach (var attribute in child.Attributes().ToList())
            {
                var name = attribute.Name.LocalName;
                var value = attribute.Value.Trim();
                if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || ((name is "href" or "src" or "action") && !value.StartsWith('#') && !value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                        && !value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)))
                {
                    attribute.Remove();
                }
            }

            Clean(child);
        }
    }
}
