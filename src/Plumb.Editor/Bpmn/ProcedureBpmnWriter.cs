namespace Plumb.Editor.Bpmn;

using System.Globalization;
using System.Xml;
using Plumb.Handbook.Model;

/// <summary>
/// Writes a procedure as BPMN 2.0 with diagram interchange for the browser modeler: a lane per responsible role,
/// a task per step, a gateway per decision, laid out in columns by flow order. Ids carry the step and role ids
/// (<c>Step_log</c>, <c>Lane_service-desk-agent</c>) so that saving maps the diagram back onto the procedure.
/// </summary>
public static class ProcedureBpmnWriter
{
    private const string Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private const string BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";
    private const string Dc = "http://www.omg.org/spec/DD/20100524/DC";
    private const string Di = "http://www.omg.org/spec/DD/20100524/DI";
    private const int LaneHeight = 140, ColumnWidth = 170, LaneLabel = 30, Left = 60;

    /// <summary>The BPMN XML of the procedure.</summary>
    public static string Write(Handbook handbook, Procedure procedure)
    {
        var graph = ProcedureGraph.Build(procedure);
        var lanes = graph.Lanes(procedure);
        var laneOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes) laneOf[node.Id] = Math.Max(0, lanes.IndexOf(graph.LaneOf(node, procedure)));

        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
        {
            xml.WriteStartElement("bpmn", "definitions", Bpmn);
            xml.WriteAttributeString("xmlns", "bpmndi", null, BpmnDi);
            xml.WriteAttributeString("xmlns", "dc", null, Dc);
            xml.WriteAttributeString("xmlns", "di", null, Di);
            xml.WriteAttributeString("id", "Definitions_" + procedure.Id);
            xml.WriteAttributeString("targetNamespace", "https://plumb.example/bpmn");
            xml.WriteStartElement("bpmn", "collaboration", Bpmn);
            xml.WriteAttributeString("id", "Collaboration");
            xml.WriteStartElement("bpmn", "participant", Bpmn);
            xml.WriteAttributeString("id", "Participant");
            xml.WriteAttributeString("name", procedure.Name);
            xml.WriteAttributeString("processRef", "Process_" + procedure.Id);
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement("bpmn", "process", Bpmn);
            xml.WriteAttributeString("id", "Process_" + procedure.Id);
            xml.WriteAttributeString("isExecutable", "false");
            xml.WriteStartElement("bpmn", "laneSet", Bpmn);
            xml.WriteAttributeString("id", "LaneSet");
            for (var i = 0; i < lanes.Count; i++)
            {
                xml.WriteStartElement("bpmn", "lane", Bpmn);
                xml.WriteAttributeString("id", "Lane_" + lanes[i]);
                xml.WriteAttributeString("name", handbook.FindRole(lanes[i])?.Name ?? lanes[i]);
                foreach (var node in graph.Nodes.Where(n => laneOf[n.Id] == i))
                    xml.WriteElementString("bpmn", "flowNodeRef", Bpmn, node.Id);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            foreach (var node in graph.Nodes)
            {
                xml.WriteStartElement("bpmn", node.Element, Bpmn);
                xml.WriteAttributeString("id", node.Id);
                if (node.Name is { } name) xml.WriteAttributeString("name", name);
                foreach (var flow in graph.Flows.Where(f => f.Target == node.Id)) xml.WriteElementString("bpmn", "incoming", Bpmn, flow.Id);
                foreach (var flow in graph.Flows.Where(f => f.Source == node.Id)) xml.WriteElementString("bpmn", "outgoing", Bpmn, flow.Id);
                xml.WriteEndElement();
            }

            foreach (var flow in graph.Flows)
            {
                xml.WriteStartElement("bpmn", "sequenceFlow", Bpmn);
                xml.WriteAttributeString("id", flow.Id);
                if (flow.Name is { } name) xml.WriteAttributeString("name", name);
                xml.WriteAttributeString("sourceRef", flow.Source);
                xml.WriteAttributeString("targetRef", flow.Target);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            WriteDiagram(xml, graph, lanes, laneOf);
            xml.WriteEndElement();
        }

        return text.ToString();
    }

    private static void WriteDiagram(XmlWriter xml, ProcedureGraph graph, List<string> lanes, Dictionary<string, int> laneOf)
    {
        var columns = graph.Columns();
        var width = Left + ((columns.Values.DefaultIfEmpty(0).Max() + 1) * ColumnWidth);
        var bounds = graph.Nodes.ToDictionary(n => n.Id, n =>
        {
            var (w, h) = n.Size;
            var x = LaneLabel + Left + (columns[n.Id] * ColumnWidth) + ((100 - w) / 2);
            var y = (laneOf[n.Id] * LaneHeight) + ((LaneHeight - h) / 2);
            return (X: x, Y: y, W: w, H: h);
        }, StringComparer.Ordinal);

        xml.WriteStartElement("bpmndi", "BPMNDiagram", BpmnDi);
        xml.WriteAttributeString("id", "Diagram");
        xml.WriteStartElement("bpmndi", "BPMNPlane", BpmnDi);
        xml.WriteAttributeString("id", "Plane");
        xml.WriteAttributeString("bpmnElement", "Collaboration");
        Shape(xml, "Participant", (0, 0, width + LaneLabel, Math.Max(1, lanes.Count) * LaneHeight), horizontal: true);
        for (var i = 0; i < lanes.Count; i++) Shape(xml, "Lane_" + lanes[i], (LaneLabel, i * LaneHeight, width, LaneHeight), horizontal: true);
        foreach (var node in graph.Nodes) Shape(xml, node.Id, bounds[node.Id], horizontal: null);
        foreach (var flow in graph.Flows)
        {
            var s = bounds[flow.Source];
            var t = bounds[flow.Target];
            xml.WriteStartElement("bpmndi", "BPMNEdge", BpmnDi);
            xml.WriteAttributeString("id", flow.Id + "_di");
            xml.WriteAttributeString("bpmnElement", flow.Id);
            var start = (X: s.X + s.W, Y: s.Y + (s.H / 2));
            var end = (X: t.X, Y: t.Y + (t.H / 2));
            if (t.X <= s.X) end = (t.X + (t.W / 2), t.Y + (t.Y > s.Y ? 0 : t.H));
            Waypoint(xml, start.X, start.Y);
            if (start.Y != end.Y)
            {
                var midX = t.X <= s.X ? end.X : start.X + ((end.X - start.X) / 2);
                Waypoint(xml, midX, start.Y);
                if (t.X > s.X) Waypoint(xml, midX, end.Y);
            }

            Waypoint(xml, end.X, end.Y);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Shape(XmlWriter xml, string id, (int X, int Y, int W, int H) b, bool? horizontal)
    {
        xml.WriteStartElement("bpmndi", "BPMNShape", BpmnDi);
        xml.WriteAttributeString("id", id + "_di");
        xml.WriteAttributeString("bpmnElement", id);
        if (horizontal == true) xml.WriteAttributeString("isHorizontal", "true");
        xml.WriteStartElement("dc", "Bounds", Dc);
        xml.WriteAttributeString("x", b.X.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("y", b.Y.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("width", b.W.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("height", b.H.ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Waypoint(XmlWriter xml, int x, int y)
    {
        xml.WriteStartElement("di", "waypoint", Di);
        xml.WriteAttributeString("x", x.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("y", y.ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }
}
