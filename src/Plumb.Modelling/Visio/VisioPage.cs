namespace Plumb.Modelling.Visio;

using System.Xml;
using Plumb.Modelling.Bpmn;

// One page: shapes in page inches (y up, origin bottom left), connectors as 1-D shapes glued to their ends.
internal sealed class VisioPage(XmlWriter xml, Dictionary<string, BpmnElement> index, Bounds extent)
{
    private const string Main = VisioWriter.Main;
    private const double PerInch = 96;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<(int Connector, int Source, int Target)> _glue = [];

    public void Write(BpmnDiagram diagram)
    {
        xml.WriteStartElement("PageContents", Main);
        xml.WriteAttributeString("xmlns", "r", null, VisioWriter.Rels);
        xml.WriteStartElement("Shapes", Main);
        var next = 1;
        foreach (var shape in diagram.Shapes)
        {
            if (index.GetValueOrDefault(shape.Element) is not { } element) continue;
            _ids[shape.Element] = next;
            Shape(next++, element, shape.Bounds);
        }

        foreach (var edge in diagram.Edges)
        {
            if (edge.Waypoints.Count < 2) continue;
            var element = index.GetValueOrDefault(edge.Element) ?? new BpmnElement("sequenceFlow", edge.Id);
            Connector(next++, element, edge);
        }

        xml.WriteEndElement();
        xml.WriteStartElement("Connects", Main);
        foreach (var (connector, source, target) in _glue)
        {
            Connect(connector, "BeginX", source);
            Connect(connector, "EndX", target);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private void Shape(int id, BpmnElement element, Bounds b)
    {
        xml.WriteStartElement("Shape", Main);
        xml.WriteAttributeString("ID", VisioWriter.I(id));
        xml.WriteAttributeString("NameU", $"{element.Kind}.{id}");
        xml.WriteAttributeString("Type", "Shape");
        var w = b.Width / PerInch;
        var h = b.Height / PerInch;
        VisioWriter.Cell(xml, "PinX", X(b.Center.X));
        VisioWriter.Cell(xml, "PinY", Y(b.Center.Y));
        VisioWriter.Cell(xml, "Width", w);
        VisioWriter.Cell(xml, "Height", h);
        VisioWriter.Cell(xml, "LocPinX", w / 2);
        VisioWriter.Cell(xml, "LocPinY", h / 2);
        var kind = element.Kind;
        var container = kind is "participant" or "lane";
        VisioWriter.Cell(xml, "LineWeight", (kind is "endEvent" ? 3 : kind is "callActivity" ? 3 : 1) / 72.0);
        if (container || kind == "group") VisioWriter.Cell(xml, "FillPattern", 0);
        if (BpmnKinds.IsActivity(kind)) VisioWriter.Cell(xml, "Rounding", 10 / PerInch);
        if (kind == "group") VisioWriter.Cell(xml, "LinePattern", 2);
        if (container)
        {
            // Name in the header strip on the left, read bottom to top.
            VisioWriter.Cell(xml, "TxtPinX", 15 / PerInch);
            VisioWriter.Cell(xml, "TxtPinY", h / 2);
            VisioWriter.Cell(xml, "TxtWidth", h);
            VisioWriter.Cell(xml, "TxtHeight", 30 / PerInch);
            VisioWriter.Cell(xml, "TxtAngle", Math.PI / 2);
        }
        else if (BpmnKinds.IsEvent(kind) || BpmnKinds.IsGateway(kind) || BpmnKinds.IsData(kind))
        {
            VisioWriter.Cell(xml, "TxtPinX", w / 2);
            VisioWriter.Cell(xml, "TxtPinY", -0.15);
            VisioWriter.Cell(xml, "TxtWidth", Math.Max(w * 2.5, 1.1));
            VisioWriter.Cell(xml, "TxtHeight", 0.3);
        }

        Geometry(kind, w, h);
        if (kind == "lane" || kind == "participant") HeaderLine(w, h);
        var text = kind == "textAnnotation" ? element.Children.Find(c => c.Kind == "text")?.Text : element.Name;
        if (!string.IsNullOrWhiteSpace(text)) xml.WriteElementString("Text", Main, text);
        xml.WriteEndElement();
    }

    private void Geometry(string kind, double w, double h)
    {
        xml.WriteStartElement("Section", Main);
        xml.WriteAttributeString("N", "Geometry");
        xml.WriteAttributeString("IX", "0");
        if (BpmnKinds.IsEvent(kind))
        {
            Row("Ellipse", 1, ("X", w / 2), ("Y", h / 2), ("A", w), ("B", h / 2), ("C", w / 2), ("D", h));
        }
        else
        {
            (double X, double Y)[] points = BpmnKinds.IsGateway(kind)
                ? [(0.5, 0), (1, 0.5), (0.5, 1), (0, 0.5), (0.5, 0)]
                : BpmnKinds.IsData(kind) ? [(0, 0), (1, 0), (1, 0.8), (0.7, 1), (0, 1), (0, 0)]
                : [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)];
            for (var i = 0; i < points.Length; i++) Row(i == 0 ? "RelMoveTo" : "RelLineTo", i + 1, ("X", points[i].X), ("Y", points[i].Y));
        }

        xml.WriteEndElement();
    }

    private void HeaderLine(double w, double h)
    {
        xml.WriteStartElement("Section", Main);
        xml.WriteAttributeString("N", "Geometry");
        xml.WriteAttributeString("IX", "1");
        VisioWriter.Cell(xml, "NoFill", 1);
        Row("MoveTo", 1, ("X", 30 / PerInch), ("Y", 0));
        Row("LineTo", 2, ("X", 30 / PerInch), ("Y", h));
        xml.WriteEndElement();
    }

    private void Connector(int id, BpmnElement element, BpmnEdge edge)
    {
        var points = edge.Waypoints.Select(p => (X: X(p.X), Y: Y(p.Y))).ToList();
        var (begin, end) = (points[0], points[^1]);
        xml.WriteStartElement("Shape", Main);
        xml.WriteAttributeString("ID", VisioWriter.I(id));
        xml.WriteAttributeString("NameU", $"{element.Kind}.{id}");
        xml.WriteAttributeString("Type", "Shape");
        var width = Math.Max(points.Max(p => p.X) - points.Min(p => p.X), 0.01);
        var height = Math.Max(points.Max(p => p.Y) - points.Min(p => p.Y), 0.01);
        var minX = points.Min(p => p.X);
        var minY = points.Min(p => p.Y);
        VisioWriter.Cell(xml, "PinX", minX + (width / 2));
        VisioWriter.Cell(xml, "PinY", minY + (height / 2));
        VisioWriter.Cell(xml, "Width", width);
        VisioWriter.Cell(xml, "Height", height);
        VisioWriter.Cell(xml, "LocPinX", width / 2);
        VisioWriter.Cell(xml, "LocPinY", height / 2);
        VisioWriter.Cell(xml, "BeginX", begin.X);
        VisioWriter.Cell(xml, "BeginY", begin.Y);
        VisioWriter.Cell(xml, "EndX", end.X);
        VisioWriter.Cell(xml, "EndY", end.Y);
        VisioWriter.Cell(xml, "ObjType", 2);
        VisioWriter.Cell(xml, "FillPattern", 0);
        var message = element.Kind == "messageFlow";
        var association = element.Kind.Contains("ssociation", StringComparison.Ordinal);
        VisioWriter.Cell(xml, "LinePattern", message ? 2 : association ? 3 : 1);
        VisioWriter.Cell(xml, "EndArrow", element.Kind == "association" ? 0 : message || association ? 1 : 4);
        if (message) VisioWriter.Cell(xml, "BeginArrow", 10);
        xml.WriteStartElement("Section", Main);
        xml.WriteAttributeString("N", "Geometry");
        xml.WriteAttributeString("IX", "0");
        VisioWriter.Cell(xml, "NoFill", 1);
        for (var i = 0; i < points.Count; i++) Row(i == 0 ? "MoveTo" : "LineTo", i + 1, ("X", points[i].X - minX), ("Y", points[i].Y - minY));
        xml.WriteEndElement();
        if (!string.IsNullOrWhiteSpace(element.Name)) xml.WriteElementString("Text", Main, element.Name);
        xml.WriteEndElement();
        var (source, target) = element.Kind switch
        {
            "dataInputAssociation" => (element.Children.Find(c => c.Kind == "sourceRef")?.Text, null),
            "dataOutputAssociation" => (null, element.Children.Find(c => c.Kind == "targetRef")?.Text),
            _ => (element.Attribute("sourceRef"), element.Attribute("targetRef")),
        };
        if (source is not null && target is not null && _ids.TryGetValue(source, out var s) && _ids.TryGetValue(target, out var t)) _glue.Add((id, s, t));
    }

    private void Connect(int connector, string cell, int shape)
    {
        xml.WriteStartElement("Connect", Main);
        xml.WriteAttributeString("FromSheet", VisioWriter.I(connector));
        xml.WriteAttributeString("FromCell", cell);
        xml.WriteAttributeString("FromPart", cell == "BeginX" ? "9" : "12");
        xml.WriteAttributeString("ToSheet", VisioWriter.I(shape));
        xml.WriteAttributeString("ToCell", "PinX");
        xml.WriteAttributeString("ToPart", "3");
        xml.WriteEndElement();
    }

    private void Row(string type, int ix, params (string Name, double Value)[] cells)
    {
        xml.WriteStartElement("Row", Main);
        xml.WriteAttributeString("T", type);
        xml.WriteAttributeString("IX", VisioWriter.I(ix));
        foreach (var (name, value) in cells) VisioWriter.Cell(xml, name, value);
        xml.WriteEndElement();
    }

    private double X(double x) => (x - extent.X) / PerInch;

    private double Y(double y) => (extent.Bottom - y) / PerInch;
}
