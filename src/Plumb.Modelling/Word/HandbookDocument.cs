namespace Plumb.Modelling.Word;

using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Plumb.Handbook.Model;
using Plumb.Modelling.Bpmn;
using Plumb.Modelling.Png;
using static Plumb.Modelling.Word.WordParts;

/// <summary>
/// The process handbook as a Word document: a table of contents, then per process its review (mission, objectives, CSFs,
/// triggers, data flows, KPIs) and per procedure its diagram, RACI table and step instructions with review verdicts.
/// </summary>
public static class HandbookDocument
{
    /// <summary>The .docx bytes.</summary>
    public static byte[] Write(Handbook handbook)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new UpdateFieldsOnOpen { Val = true });
            var body = new Body();
            body.Append(Styled("Title", handbook.Name));
            if (!string.IsNullOrWhiteSpace(handbook.Description)) body.Append(Text(handbook.Description));
            body.Append(TableOfContents());
            uint picture = 1;
            foreach (var process in handbook.Processes) AppendProcess(body, main, handbook, process, ref picture);
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void AppendProcess(Body body, MainDocumentPart main, Handbook handbook, Process process, ref uint picture)
    {
        body.Append(Styled("Heading1", process.Name));
        body.Append(Labelled("Owner", Role(handbook, process.Owner)));
        body.Append(Labelled("Status", $"{process.Status}, version {process.Version}"));
        Section(body, "Mission", process.Mission);
        Section(body, "Purpose", process.Purpose);
        Section(body, "Scope", process.Scope);
        List(body, "Objectives", process.Objectives);
        List(body, "Principles", process.Principles);
        List(body, "Critical success factors", process.Csfs.Select(c => c.Text));
        List(body, "Triggers", process.Triggers);
        if (process.Inputs.Count + process.Outputs.Count > 0)
        {
            body.Append(Text("Data flows", bold: true));
            body.Append(Table(["Direction", "Record", "From / to", "Note"],
                process.Inputs.Select(f => Flow("In", f, handbook)).Concat(process.Outputs.Select(f => Flow("Out", f, handbook)))));
        }

        if (process.Kpis.Count > 0)
        {
            body.Append(Text("Key performance indicators", bold: true));
            body.Append(Table(["KPI", "Definition", "Measure", "Target"], process.Kpis.Select(k => (IReadOnlyList<string>)
                [k.Name, k.Definition ?? "", k.Measure ?? "", k.Target is { } t ? $"{(k.Direction == KpiDirection.Lower ? "≤" : "≥")} {t} {k.Unit}".Trim() : "none"])));
        }

        foreach (var procedure in process.Procedures) AppendProcedure(body, main, handbook, process, procedure, ref picture);
    }

    private static void AppendProcedure(Body body, MainDocumentPart main, Handbook handbook, Process process, Procedure procedure, ref uint picture)
    {
        body.Append(Styled("Heading2", procedure.Name));
        Section(body, "Purpose", procedure.Purpose);
        Section(body, "Trigger", procedure.Trigger);
        Section(body, "Outcome", procedure.Outcome);
        var definitions = ProcedureModeller.Model(handbook, process, [procedure]);
        var png = PngRenderer.Render(definitions, ProcedureModeller.RenderOptionsFor(handbook), scale: 1);
        var (width, height) = PngRenderer.Size(definitions.Diagrams[0], scale: 1);
        body.Append(Picture(main, png, width, height, picture, $"diagram-{procedure.Id}"));
        picture++;
        var roles = procedure.Steps.SelectMany(s => s.Raci.Assignments()).Select(a => a.Role).Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count > 0)
        {
            body.Append(Text("RACI", bold: true));
            body.Append(Table(["Step", .. roles.Select(r => Role(handbook, r))], procedure.Steps.Select(s => (IReadOnlyList<string>)
                [s.Name, .. roles.Select(r => string.Concat(s.Raci.Assignments().Where(a => a.Role == r).Select(a => a.Letter)))])));
        }

        foreach (var step in procedure.Steps)
        {
            body.Append(Styled("Heading3", step.Name));
            if (!string.IsNullOrWhiteSpace(step.Instruction))
            {
                foreach (var line in step.Instruction.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) body.Append(Text(line));
            }

            if (step.Review is { } review)
            {
                body.Append(Labelled("Review", $"necessary: {Verdict(review.Necessary)}; efficient: {Verdict(review.Efficient)}; role in place: {Verdict(review.RoleInPlace)}" +
                    (string.IsNullOrWhiteSpace(review.Notes) ? "" : $". {review.Notes}")));
            }

            foreach (var finding in step.Findings)
                body.Append(Bullet($"Finding {finding.Id} ({finding.Severity}, {finding.Status}): {finding.Text}{(finding.PlannedUpdate is { } u ? $" Planned: {u}" : "")}"));
        }
    }

    private static IReadOnlyList<string> Flow(string direction, DataFlow flow, Handbook handbook) =>
        [direction, handbook.FindRecord(flow.Record)?.Name ?? flow.Record, flow.Party ?? "", flow.Note ?? ""];

    private static void Section(Body body, string label, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text)) body.Append(Labelled(label, text));
    }

    private static void List(Body body, string label, IEnumerable<string> items)
    {
        var list = items.Where(i => !string.IsNullOrWhiteSpace(i)).ToList();
        if (list.Count == 0) return;
        body.Append(Text(label, bold: true));
        foreach (var item in list) body.Append(Bullet(item));
    }

    private static string Role(Handbook handbook, string? id) => id is null ? "not named" : handbook.FindRole(id)?.Name ?? id;

    private static string Verdict(bool? value) => value switch { true => "yes", false => "no", _ => "not answered" };
}
