namespace Plumb.Server.Portal;

using System.Text;
using Plumb.Handbook.Model;
using Plumb.Modelling.Bpmn;
using Plumb.Modelling.Svg;
using Plumb.Server.Handbooks;

/// <summary>
/// The portal's procedure diagrams: the same BPMN model, layout and drawing as the Word, Visio and draw.io exports
/// (Plumb.Modelling), with every task linked to its step page and every call to the procedure it calls. Models,
/// pictures and .bpmn files are kept per version, since a version never changes.
/// </summary>
public static class ProcedureDiagrams
{
    /// <summary>The file name a procedure's BPMN download is saved under.</summary>
    public static string FileName(Process process, Procedure procedure) => $"{BpmnIds.Clean(process.Id)}-{BpmnIds.Clean(procedure.Id)}.bpmn";

    /// <summary>The picture of a procedure for this page (links as the page addresses them), or null for a procedure without steps.</summary>
    public static ProcedureDiagram? Svg(PageRequest request, Process process, Procedure procedure)
    {
        if (procedure.Steps.Count == 0) return null;
        // Links differ by audience (calls into processes a reader cannot see stay unlinked) and, in a static site, by page depth.
        var key = Key("svg", process, procedure) + "\u001f" + ReaderView.AudienceKey(request.User) + "\u001f" + request.Href(Links.Home);
        return (ProcedureDiagram)request.Snapshot.Cache.GetOrAdd(key, _ =>
        {
            var options = new RenderOptions
            {
                Links = StepLinks(request, process, procedure),
                StepIds = procedure.Steps.GroupBy(s => BpmnIds.Step(procedure.Id, s.Id), StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal),
                IdPrefix = $"bpmn-{BpmnIds.Clean(procedure.Id)}-",
                Description = Describe(request.Handbook, process, procedure),
                Stylesheet = false, // the page's content policy forbids inline styles; plumb.css styles the diagram
            };
            var model = Model(request.Snapshot, process, procedure);
            return new ProcedureDiagram(SvgRenderer.Render(model, options), DiagramPainter.Extent(model.Diagrams[0]).Width);
        });
    }

    /// <summary>The procedure as a BPMN 2.0 file (UTF-8 bytes), the same model the SVG draws.</summary>
    public static byte[] Bpmn(Snapshot snapshot, Process process, Procedure procedure) =>
        (byte[])snapshot.Cache.GetOrAdd(Key("bpmn-file", process, procedure), _ =>
            new UTF8Encoding(false).GetBytes(BpmnWriter.ToXml(Model(snapshot, process, procedure))));

    private static BpmnDefinitions Model(Snapshot snapshot, Process process, Procedure procedure) =>
        (BpmnDefinitions)snapshot.Cache.GetOrAdd(Key("bpmn-model", process, procedure), _ => ProcedureModeller.Model(snapshot.Handbook, process, [procedure]));

    private static string Key(string kind, Process process, Procedure procedure) => $"{kind}\u001f{process.Id}\u001f{procedure.Id}";

    private static Dictionary<string, ElementLink> StepLinks(PageRequest request, Process process, Procedure procedure)
    {
        var links = new Dictionary<string, ElementLink>(StringComparer.Ordinal);
        for (var i = 0; i < procedure.Steps.Count; i++)
        {
            var step = procedure.Steps[i];
            var id = BpmnIds.Step(procedure.Id, step.Id);
            if (links.ContainsKey(id)) continue;
            var called = step.Call is { } call ? ProcedureModeller.CallTarget(request.Handbook, process, call) : null;
            links[id] = called is { } target && request.FindProcess(target.Process.Id) is not null
                ? new ElementLink(request.Href(Links.Procedure(target.Process.Id, target.Procedure.Id)),
                    $"Step {i + 1}: {step.Name}, calls {Named(process, target.Process, target.Procedure)}: open that procedure")
                : new ElementLink(request.Href(Links.Step(process.Id, procedure.Id, step.Id)), $"Step {i + 1}: {step.Name}");
        }

        return links;
    }

    /// <summary>The diagram in words: who does what in which order, each decision with its branches, and how it starts and ends.</summary>
    internal static string Describe(Handbook handbook, Process process, Procedure procedure)
    {
        var text = new StringBuilder();
        text.Append($"BPMN diagram of {procedure.Name}, one lane per responsible role. ");
        if (!string.IsNullOrWhiteSpace(procedure.Trigger)) text.Append($"Starts when: {Sentence(procedure.Trigger)} ");
        var steps = procedure.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            text.Append($"{i + 1}. {step.Name}");
            if (step.Raci.Responsible.Count > 0) text.Append($" ({string.Join(", ", step.Raci.Responsible.Select(r => handbook.FindRole(r)?.Name ?? r))})");
            if (step.Call is { } call)
            {
                text.Append(ProcedureModeller.CallTarget(handbook, process, call) is { } t ? $", calls {Named(process, t.Process, t.Procedure)}" : $", calls {call}");
            }

            if (step.Decision is { Branches.Count: > 0 } decision)
            {
                var branches = decision.Branches.Select(b => $"{(string.IsNullOrWhiteSpace(b.When) ? "otherwise" : b.When.Trim())}: {Target(b.Goto)}");
                text.Append($"; {(string.IsNullOrWhiteSpace(decision.Question) ? "then" : decision.Question.Trim())} {string.Join("; ", branches)}");
            }
            else if (step.Next is { } next && next != procedure.Following(i))
            {
                text.Append($"; then {Target(next)}");
            }

            text.Append(". ");
        }

        if (!string.IsNullOrWhiteSpace(procedure.Outcome)) text.Append($"Ends with: {Sentence(procedure.Outcome)}");
        return text.ToString().TrimEnd();

        static string Sentence(string text) => text.Trim().TrimEnd('.') + ".";

        string Target(string reference) => reference == Step.End ? "end" : procedure.FindStep(reference)?.Name ?? reference;
    }

    private static string Named(Process from, Process process, Procedure procedure) =>
        process == from ? $"“{procedure.Name}”" : $"“{procedure.Name}” of {process.Name}";
}

/// <summary>A procedure's SVG and its natural width in pixels.</summary>
public sealed record ProcedureDiagram(string Svg, double Width);
