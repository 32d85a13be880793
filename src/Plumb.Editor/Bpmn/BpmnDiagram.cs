namespace Plumb.Editor.Bpmn;

using System.Xml;
using System.Xml.Linq;

/// <summary>The parts of a BPMN process the editor maps back: flow nodes with their lane, and sequence flows.</summary>
internal sealed class BpmnDiagram
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    public List<(string Id, string Element, string? Name, string? Lane)> Nodes { get; } = [];

    public List<(string Source, string Target, string? Name)> Flows { get; } = [];

    public Dictionary<string, string> LaneNames { get; } = new(StringComparer.Ordinal);

    // DTDs and external entities stay off: the XML comes from a browser.
    public static BpmnDiagram Parse(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var document = XDocument.Load(reader);
        // A collaboration may hold several pools; the procedure is the one with lanes, else the one with the most tasks.
        var process = document.Descendants(Bpmn + "process")
            .OrderByDescending(p => p.Elements(Bpmn + "laneSet").Any())
            .ThenByDescending(p => p.Elements().Count(e => e.Name.LocalName.EndsWith("ask", StringComparison.Ordinal) || e.Name.LocalName == "callActivity"))
            .FirstOrDefault() ?? throw new FormatException("the diagram has no process");
        var diagram = new BpmnDiagram();
        var laneOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var lane in process.Descendants(Bpmn + "lane"))
        {
            var laneId = (string?)lane.Attribute("id") ?? "";
            diagram.LaneNames[laneId] = ((string?)lane.Attribute("name"))?.Trim() ?? "";
            foreach (var nodeRef in lane.Elements(Bpmn + "flowNodeRef")) laneOf[nodeRef.Value.Trim()] = laneId;
        }

        foreach (var element in process.Elements())
        {
            var id = (string?)element.Attribute("id");
            if (id is null) continue;
            var name = ((string?)element.Attribute("name"))?.Trim();
            if (element.Name.LocalName == "sequenceFlow")
            {
                diagram.Flows.Add(((string?)element.Attribute("sourceRef") ?? "", (string?)element.Attribute("targetRef") ?? "", name));
            }
            else if (element.Name.LocalName is not ("laneSet" or "textAnnotation" or "association" or "dataObject"
                         or "dataObjectReference" or "dataStoreReference"))
            {
                diagram.Nodes.Add((id, element.Name.LocalName, string.IsNullOrEmpty(name) ? null : name, laneOf.GetValueOrDefault(id)));
            }
        }

        return diagram;
    }
}
