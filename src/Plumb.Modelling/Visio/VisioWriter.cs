namespace Plumb.Modelling.Visio;

using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Plumb.Modelling.Bpmn;

/// <summary>
/// Writes a BPMN model as a Visio drawing (.vsdx, an OPC package): one page per diagram, a shape per element with its
/// BPMN outline and text, and a glued connector per flow. No masters are needed, so Visio and LibreOffice Draw open it as is.
/// </summary>
public static partial class VisioWriter
{
    internal const string Main = "http://schemas.microsoft.com/office/visio/2012/main";
    internal const string Rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRels = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const double PerInch = 96;

    /// <summary>The .vsdx bytes.</summary>
    public static byte[] Write(BpmnDefinitions definitions)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var pages = definitions.Diagrams.Count;
            Part(zip, "[Content_Types].xml", xml =>
            {
                xml.WriteStartElement("Types", "http://schemas.openxmlformats.org/package/2006/content-types");
                Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
                Default(xml, "xml", "application/xml");
                Override(xml, "/visio/document.xml", "application/vnd.ms-visio.drawing.main+xml");
                Override(xml, "/visio/pages/pages.xml", "application/vnd.ms-visio.pages+xml");
                for (var i = 1; i <= pages; i++) Override(xml, $"/visio/pages/page{i}.xml", "application/vnd.ms-visio.page+xml");
                Override(xml, "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
                xml.WriteEndElement();
            });
            Relationships(zip, "_rels/.rels", [("rId1", "http://schemas.microsoft.com/visio/2010/relationships/document", "visio/document.xml"),
                ("rId2", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "docProps/app.xml")]);
            Part(zip, "docProps/app.xml", xml =>
            {
                xml.WriteStartElement("Properties", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
                xml.WriteElementString("Application", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", "Plumb");
                xml.WriteEndElement();
            });
            Part(zip, "visio/document.xml", Document);
            Relationships(zip, "visio/_rels/document.xml.rels", [("rId1", "http://schemas.microsoft.com/visio/2010/relationships/pages", "pages/pages.xml")]);
            var index = definitions.IndexById();
            var sizes = definitions.Diagrams.Select(DiagramPainterExtent).ToList();
            Part(zip, "visio/pages/pages.xml", xml =>
            {
                xml.WriteStartElement("Pages", Main);
                xml.WriteAttributeString("xmlns", "r", null, Rels);
                for (var i = 0; i < pages; i++)
                {
                    var name = definitions.Diagrams[i].Name ?? $"Page-{i + 1}";
                    xml.WriteStartElement("Page", Main);
                    xml.WriteAttributeString("ID", I(i));
                    xml.WriteAttributeString("NameU", name);
                    xml.WriteAttributeString("Name", name);
                    xml.WriteStartElement("PageSheet", Main);
                    Cell(xml, "PageWidth", sizes[i].Width / PerInch);
                    Cell(xml, "PageHeight", sizes[i].Height / PerInch);
                    Cell(xml, "PageScale", 1);
                    Cell(xml, "DrawingScale", 1);
                    xml.WriteEndElement();
                    xml.WriteStartElement("Rel", Main);
                    xml.WriteAttributeString("id", Rels, $"rId{i + 1}");
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            });
            Relationships(zip, "visio/pages/_rels/pages.xml.rels",
                [.. Enumerable.Range(1, pages).Select(i => ($"rId{i}", "http://schemas.microsoft.com/visio/2010/relationships/page", $"page{i}.xml"))]);
            for (var i = 0; i < pages; i++)
            {
                var diagram = definitions.Diagrams[i];
                var extent = sizes[i];
                Part(zip, $"visio/pages/page{i + 1}.xml", xml => new VisioPage(xml, index, extent).Write(diagram));
            }
        }

        return stream.ToArray();
    }

    private static Bounds DiagramPainterExtent(BpmnDiagram diagram) => Svg.DiagramPainter.Extent(diagram);

    private static void Document(XmlWriter xml)
    {
        xml.WriteStartElement("VisioDocument", Main);
        xml.WriteAttributeString("xmlns", "r", null, Rels);
        xml.WriteStartElement("DocumentSettings", Main);
        xml.WriteAttributeString("TopPage", "0");
        xml.WriteAttributeString("DefaultTextStyle", "0");
        xml.WriteAttributeString("DefaultLineStyle", "0");
        xml.WriteAttributeString("DefaultFillStyle", "0");
        xml.WriteEndElement();
        xml.WriteStartElement("StyleSheets", Main);
        xml.WriteStartElement("StyleSheet", Main);
        xml.WriteAttributeString("ID", "0");
        xml.WriteAttributeString("NameU", "No Style");
        xml.WriteAttributeString("Name", "No Style");
        Cell(xml, "LineWeight", 0.0104);
        Cell(xml, "LineColor", "#1f2933");
        Cell(xml, "LinePattern", 1);
        Cell(xml, "FillForegnd", "#ffffff");
        Cell(xml, "FillPattern", 1);
        Cell(xml, "CharSize", 0.1111);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Part(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void Relationships(ZipArchive zip, string name, (string Id, string Type, string Target)[] relationships) =>
        Part(zip, name, xml =>
        {
            xml.WriteStartElement("Relationships", PackageRels);
            foreach (var (id, type, target) in relationships)
            {
                xml.WriteStartElement("Relationship", PackageRels);
                xml.WriteAttributeString("Id", id);
                xml.WriteAttributeString("Type", type);
                xml.WriteAttributeString("Target", target);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });

    private static void Default(XmlWriter xml, string extension, string type)
    {
        xml.WriteStartElement("Default", "http://schemas.openxmlformats.org/package/2006/content-types");
        xml.WriteAttributeString("Extension", extension);
        xml.WriteAttributeString("ContentType", type);
        xml.WriteEndElement();
    }

    private static void Override(XmlWriter xml, string part, string type)
    {
        xml.WriteStartElement("Override", "http://schemas.openxmlformats.org/package/2006/content-types");
        xml.WriteAttributeString("PartName", part);
        xml.WriteAttributeString("ContentType", type);
        xml.WriteEndElement();
    }

    internal static void Cell(XmlWriter xml, string name, double value, string? unit = null)
    {
        xml.WriteStartElement("Cell", Main);
        xml.WriteAttributeString("N", name);
        xml.WriteAttributeString("V", Math.Round(value, 6).ToString(CultureInfo.InvariantCulture));
        if (unit is not null) xml.WriteAttributeString("U", unit);
        xml.WriteEndElement();
    }

    internal static void Cell(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("Cell", Main);
        xml.WriteAttributeString("N", name);
        xml.WriteAttributeString("V", value);
        xml.WriteEndElement();
    }

    internal static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
