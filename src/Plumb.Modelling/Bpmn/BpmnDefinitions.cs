namespace Plumb.Modelling.Bpmn;

/// <summary>A whole BPMN 2.0 file: the root elements (collaborations, processes, messages...) and the diagrams that lay them out.</summary>
public sealed class BpmnDefinitions
{
    /// <summary>The id of the definitions element.</summary>
    public string Id { get; set; } = "Definitions_1";

    /// <summary>The target namespace the file declares.</summary>
    public string TargetNamespace { get; set; } = "http://plumb.dev/bpmn";

    /// <summary>The tool that wrote the file.</summary>
    public string? Exporter { get; set; }

    /// <summary>The version of the tool that wrote the file.</summary>
    public string? ExporterVersion { get; set; }

    /// <summary>Root elements in document order: collaboration, process, message, signal, dataStore and the like.</summary>
    public List<BpmnElement> RootElements { get; } = [];

    /// <summary>The diagrams (BPMNDI) of the file.</summary>
    public List<BpmnDiagram> Diagrams { get; } = [];

    /// <summary>Every semantic element of the file, depth first.</summary>
    public IEnumerable<BpmnElement> AllElements() => RootElements.SelectMany(r => r.Descendants());

    /// <summary>The processes of the file.</summary>
    public IEnumerable<BpmnElement> Processes => RootElements.Where(r => r.Kind == "process");

    /// <summary>The collaborations of the file.</summary>
    public IEnumerable<BpmnElement> Collaborations => RootElements.Where(r => r.Kind == "collaboration");

    /// <summary>An index of every element with an id.</summary>
    public Dictionary<string, BpmnElement> IndexById()
    {
        var index = new Dictionary<string, BpmnElement>(StringComparer.Ordinal);
        foreach (var element in AllElements())
        {
            if (element.Id is { } id) index.TryAdd(id, element);
        }

        return index;
    }
}
