namespace Plumb.Modelling.Bpmn;

using System.Xml.Linq;

public static partial class BpmnReader
{
    private static readonly XNamespace Di = BpmnKinds.DiNamespace;
    private static readonly XNamespace Dc = BpmnKinds.DcNamespace;
    private static readonly XNamespace Ddi = BpmnKinds.DdiNamespace;

    private static BpmnDiagram ReadDiagram(XElement xml, ReadContext context)
    {
        var diagram = new BpmnDiagram { Id = (string?)xml.Attribute("id") ?? "", Name = (string?)xml.Attribute("name") };
        var plane = xml.Element(Di + "BPMNPlane");
        if (plane is null) return diagram;
        diagram.PlaneId = (string?)plane.Attribute("id") ?? "";
        diagram.PlaneElement = Ref(plane, "bpmnElement");
        foreach (var child in plane.Elements())
        {
            if (child.Name == Di + "BPMNShape") diagram.Shapes.Add(ReadShape(child, context));
            else if (child.Name == Di + "BPMNEdge") diagram.Edges.Add(ReadEdge(child, context));
        }

        return diagram;
    }

    private static BpmnShape ReadShape(XElement xml, ReadContext context)
    {
        var bounds = xml.Element(Dc + "Bounds");
        return new BpmnShape
        {
            Id = (string?)xml.Attribute("id") ?? "",
            Element = Ref(xml, "bpmnElement") ?? "",
            Bounds = bounds is null ? default : ReadBounds(bounds, context),
            Label = LabelBounds(xml, context),
            IsHorizontal = Flag(xml, "isHorizontal"),
            IsExpanded = Flag(xml, "isExpanded"),
            IsMarkerVisible = Flag(xml, "isMarkerVisible"),
        };
    }

    private static BpmnEdge ReadEdge(XElement xml, ReadContext context)
    {
        var edge = new BpmnEdge { Id = (string?)xml.Attribute("id") ?? "", Element = Ref(xml, "bpmnElement") ?? "", Label = LabelBounds(xml, context) };
        foreach (var point in xml.Elements(Ddi + "waypoint"))
        {
            edge.Waypoints.Add(new Point(Number(point, "x", context), Number(point, "y", context)));
        }

        return edge;
    }

    private static Bounds? LabelBounds(XElement xml, ReadContext context) =>
        xml.Element(Di + "BPMNLabel")?.Element(Dc + "Bounds") is { } label ? ReadBounds(label, context) : null;

    private static Bounds ReadBounds(XElement xml, ReadContext context) =>
        new(Number(xml, "x", context), Number(xml, "y", context), Number(xml, "width", context), Number(xml, "height", context));

    private static bool? Flag(XElement xml, string name) => (string?)xml.Attribute(name) switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    private static string? Ref(XElement xml, string name) => (string?)xml.Attribute(name) is { } value ? LocalPart(value) : null;
}
