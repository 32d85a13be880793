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
                context.Diagnostics.Add(new Diagnostic(BpmnErrors.DuplicateId, Severity.Error,
                    $"id '{id}' is used twice (first by <{ids[id].Kind}> at line {ids[id].Line})", context.Document, "", new SourceLocation(element.Line, 1)));
            }
        }

        foreach (var element in definitions.AllElements())
        {
            foreach (var attribute in RequiredRefAttributes)
            {
                if (element.Attribute(attribute) is { } target && !ids.ContainsKey(target)) Dangling(element, attribute, target, context);
            }

            if (element.Kind is "flowNodeRef" or "sourceRef" or "targetRef" && element.Text is { Length: > 0 } text && !ids.ContainsKey(text))
                Dangling(element, element.Kind, text, context);
        }

        foreach (var diagram in definitions.Diagrams)
        {
            var elements = diagram.Shapes.Select(s => (s.Id, s.Element)).Concat(diagram.Edges.Select(e => (e.Id, e.Element)));
            foreach (var (id, element) in elements)
            {
                if (!ids.ContainsKey(element))
                {
                    context.Diagnostics.Add(new Diagnostic(BpmnErrors.DanglingReference, Severity.Warning,
                        $"diagram element '{id}' shows '{element}', which the model does not define; it is not drawn", context.Document, ""));
                }
            }
        }
    }

    private static void Dangling(BpmnElement element, string attribute, string target, ReadContext context) =>
        context.Diagnostics.Add(new Diagnostic(BpmnErrors.DanglingReference, Severity.Error,
            $"<{element.Kind}{(element.Id is null ? "" : $" id=\"{element.Id}\"")}> {attribute} '{target}' names no element of the file",
            context.Document, "", new SourceLocation(element.Line, 1)));
}
