namespace Plumb.Modelling.Bpmn;

/// <summary>
/// One element of a BPMN 2.0 model (semantic part): its kind (the XML element name, e.g. <c>userTask</c>),
/// id, name, documentation, plain attributes and child elements, kept in document order.
/// </summary>
public sealed class BpmnElement
{
    /// <summary>Creates an element of the given kind.</summary>
    public BpmnElement(string kind, string? id = null, string? name = null)
    {
        Kind = kind;
        Id = id;
        Name = name;
    }

    /// <summary>The BPMN element name, such as <c>process</c>, <c>exclusiveGateway</c> or <c>sequenceFlow</c>.</summary>
    public string Kind { get; }

    /// <summary>The element id; null for elements that carry none (e.g. <c>conditionExpression</c>).</summary>
    public string? Id { get; set; }

    /// <summary>The display name.</summary>
    public string? Name { get; set; }

    /// <summary>Attributes other than id and name, e.g. <c>sourceRef</c>, <c>calledElement</c>, <c>xsi:type</c>.</summary>
    public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>Child elements in document order (documentation comes first when present).</summary>
    public List<BpmnElement> Children { get; } = [];

    /// <summary>Text content of leaf elements such as <c>documentation</c>, <c>conditionExpression</c> or <c>flowNodeRef</c>.</summary>
    public string? Text { get; set; }

    /// <summary>The line in the source file the element was read from; 0 when built in memory.</summary>
    public int Line { get; set; }

    /// <summary>The value of an attribute, or null.</summary>
    public string? Attribute(string name) => Attributes.GetValueOrDefault(name);

    /// <summary>Sets an attribute and returns the element, for building models fluently.</summary>
    public BpmnElement With(string name, string? value)
    {
        if (value is not null) Attributes[name] = value;
        return this;
    }

    /// <summary>Adds a child and returns it.</summary>
    public BpmnElement Add(BpmnElement child)
    {
        Children.Add(child);
        return child;
    }

    /// <summary>The text of the first <c>documentation</c> child, if any.</summary>
    public string? Documentation => Children.Find(c => c.Kind == "documentation")?.Text;

    /// <summary>Children of one kind.</summary>
    public IEnumerable<BpmnElement> ChildrenOf(string kind) => Children.Where(c => c.Kind == kind);

    /// <summary>This element and every element below it, depth first.</summary>
    public IEnumerable<BpmnElement> Descendants()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var d in child.Descendants()) yield return d;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} {Id} {Name}".TrimEnd();
}
