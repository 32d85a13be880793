namespace Plumb.Modelling.Bpmn;

using Plumb.Handbook.Diagnostics;

public static partial class BpmnReader
{
    // Semantic references that must resolve: a flow or lane pointing nowhere would lose meaning silently.
    private static readonly string[] RequiredRefAttributes = ["sourceRef", "targetRef", "processRef", "attachedToRef", "default", "dataObjectRef"];

    private static void CheckReferences(BpmnDefinitions definitions, ReadContext context)
    {
        var ids = new Dictionary<string, BpmnElement>(StringComparer.Ordinal);
        foreach (var element in definitions.AllElements())
        {
            if (element.Id is not { } id) continue;
            if (!ids.TryAdd(id, element))
            {
                context.Diagnostics.Add(new Diagnostic(BpmnErrors.DuplicateId, context.Options.Lenient ? Severity.Warning : Severity.Error,
                    $"id '{id}' is used twice (first by <{ids[id].Kind}> at line {ids[id].Line})", context.Document, "", new SourceLocation(element.Line, 1)));
            }
        }

        foreach (var root in definitions.RootElements) CheckBelow(root, ids, context);
        foreach (var diagram in definitions.Diagrams)
        {
            var elements = diagram.Shapes.Select(s => (s.Id, s.Element)).Concat(diagram.Edges.Select(e => (e.Id, e.Element)));
            foreach (var (id, element) in elements)
            {
                if (element.Length > 0 && !ids.ContainsKey(element))
                {
                    context.Diagnostics.Add(new Diagnostic(BpmnErrors.DanglingReference, Severity.Warning,
                        $"diagram element '{id}' shows '{element}', which the model does not define; it is not drawn", context.Document, ""));
                }
            }
        }
    }

    private static void CheckBelow(BpmnElement parent, Dictionary<string, BpmnElement> ids, ReadContext context)
    {
        for (var i = parent.Children.Count - 1; i >= 0; i--)
        {
            var child = parent.Children[i];
            var dangling = Dangling(child, ids).ToList();
            if (dangling.Count > 0 && context.Options.Lenient)
            {
                parent.Children.RemoveAt(i);
                context.Diagnostics.Add(new Diagnostic(BpmnErrors.DanglingReference, Severity.Warning,
                    $"<{child.Kind} id=\"{child.Id}\"> dropped: {string.Join(", ", dangling.Select(d => $"{d.Attribute} '{d.Target}'"))} names no element of the file",
                    context.Document, "", new SourceLocation(child.Line, 1)));
                continue;
            }

            foreach (var (attribute, target) in dangling)
            {
                context.Diagnostics.Add(new Diagnostic(BpmnErrors.DanglingReference, Severity.Error,
                    $"<{child.Kind}{(child.Id is null ? "" : $" id=\"{child.Id}\"")}> {attribute} '{target}' names no element of the file",
                    context.Document, "", new SourceLocation(child.Line, 1)));
            }

            CheckBelow(child, ids, context);
        }
    }

    private static IEnumerable<(string Attribute, string Target)> Dangling(BpmnElement element, Dictionary<string, BpmnElement> ids)
    {
        foreach (var attribute in RequiredRefAttributes)
        {
            if (element.Attribute(attribute) is { } target && !ids.ContainsKey(target)) yield return (attribute, target);
        }

        if (element.Kind is "flowNodeRef" or "sourceRef" or "targetRef" && element.Text is { Length: > 0 } text && !ids.ContainsKey(text))
            yield return (element.Kind, text);
    }
}
