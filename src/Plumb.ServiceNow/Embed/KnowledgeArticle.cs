namespace Plumb.ServiceNow.Embed;

using System.Globalization;
using System.Xml;
using Plumb.Handbook.Model;

/// <summary>The HTML body of the knowledge article for one procedure: purpose, trigger, outcome and every step's instruction.</summary>
public static class KnowledgeArticle
{
    /// <summary>The article HTML; <paramref name="pageName"/> is the process's UI page, linked for the diagram.</summary>
    public static string Build(Handbook handbook, Process process, Procedure procedure, string pageName)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var w = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true, ConformanceLevel = ConformanceLevel.Fragment }))
        {
            w.WriteStartElement("div");
            RichText.Element(w, "p", $"{process.Name} — procedure {procedure.Name}", "meta");
            RichText.Labelled(w, "Purpose", procedure.Purpose);
            RichText.Labelled(w, "Trigger", procedure.Trigger);
            RichText.Labelled(w, "Outcome", procedure.Outcome);
            w.WriteStartElement("p");
            w.WriteStartElement("a");
            w.WriteAttributeString("href", $"{pageName}.do#proc-{ProcessPage.Anchor(procedure.Id)}");
            w.WriteString("Diagram and process overview");
            w.WriteEndElement();
            w.WriteEndElement();
            ProcessPage.Steps(w, handbook, procedure);
            w.WriteEndElement();
        }

        return JellyMarkup.Unguard(text.ToString());
    }
}
