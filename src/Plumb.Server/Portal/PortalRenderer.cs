namespace Plumb.Server.Portal;

using System.Text;
using Plumb.Handbook.Model;
using Plumb.Handbook.References;
using Plumb.Handbook.Yaml;
using Plumb.Server.Handbooks;
using static Plumb.Server.Portal.Html;

/// <summary>Renders the pages of the portal from one version of the handbook; each page lives in its own partial file.</summary>
public sealed partial class PortalRenderer
{
    public static PortalPage NotFound(string what) =>
        new("Not found", $"<h1>Not found</h1><p>{E(what)}</p><p><a href=\"/\">Go to the process landscape</a></p>", 404);

    /// <summary>
    /// The procedure's BPMN diagram with its caption and a link to download the .bpmn file; nothing for a procedure without
    /// steps. True when a diagram was drawn, so the page adds <see cref="DiagramScript"/> once.
    /// </summary>
    private static bool Diagram(StringBuilder html, PageRequest request, Process process, Procedure procedure, string caption)
    {
        if (ProcedureDiagrams.Svg(request, process, procedure) is not { } diagram) return false;
        var file = ProcedureDiagrams.FileName(process, procedure);
        // Drawn at its natural size so its text stays legible (11 px and up at 100 % zoom): a wide diagram scrolls in a marked,
        // keyboard-scrollable box; diagram.js adds zoom and full screen (https://plumb.dev/issues/20).
        html.Append($"<figure class=\"diagram bpmn\"><div class=\"diagram-tools\" hidden></div>")
            .Append($"<div class=\"canvas\" tabindex=\"0\" role=\"region\" aria-label=\"Diagram of {E(procedure.Name)}\">{diagram.Svg}</div>")
            .Append("<p class=\"scroll-hint\" hidden>Wider than the page: scroll the diagram sideways, zoom out, or open it full screen.</p>")
            .Append($"<figcaption>{caption} ")
            .Append($"<a class=\"download\" href=\"{E(request.Site.FileHref(Links.ProcedureBpmn(process.Id, procedure.Id)))}\" download=\"{E(file)}\" ")
            .Append($"type=\"application/xml\" aria-label=\"Download BPMN of {E(procedure.Name)}\">Download BPMN</a></figcaption></figure>\n");
        return true;
    }

    /// <summary>The script that adds zoom and full screen to the page's diagrams; the diagrams work without it.</summary>
    private static void DiagramScript(StringBuilder html, PageRequest request) =>
        html.Append($"<script src=\"{E(request.Href("/assets/diagram.js"))}\" defer></script>\n");

    private static string RoleLink(PageRequest request, string roleId) =>
        request.Handbook.FindRole(roleId) is { } role
            ? $"<a href=\"{E(request.Href(Links.Role(role.Id)))}\">{E(role.Name)}</a>"
            : $"<span class=\"unknown\">{E(roleId)}</span>";

    private static string RoleLinks(PageRequest request, IEnumerable<string> roleIds) => string.Join(", ", roleIds.Select(r => RoleLink(request, r)));

    /// <summary>A reference (step, procedure, process or role) as a link to its page, or as text when it points nowhere the reader can go.</summary>
    private static string ReferenceLink(PageRequest request, string? text, Process process, Procedure? procedure)
    {
        if (string.IsNullOrWhiteSpace(text)) return "<span class=\"muted\">not said</span>";
        var reference = Reference.Resolve(request.Handbook, text, process, procedure);
        var visible = reference.Process is null || request.FindProcess(reference.Process.Id) is not null;
        return reference.Kind switch
        {
            ReferenceKind.Step when visible => Link(request, Links.Step(reference.Process!.Id, reference.Procedure!.Id, reference.Step!.Id),
                reference.Process == process ? reference.Step!.Name : $"{reference.Process!.Name} › {reference.Step!.Name}"),
            ReferenceKind.Procedure when visible => Link(request, Links.Procedure(reference.Process!.Id, reference.Procedure!.Id),
                reference.Process == process ? reference.Procedure!.Name : $"{reference.Process!.Name} › {reference.Procedure!.Name}"),
            ReferenceKind.Process when visible => Link(request, Links.Process(reference.Process!.Id), reference.Process!.Name),
            ReferenceKind.Role => RoleLink(request, reference.Role!.Id),
            ReferenceKind.End => "end of the procedure",
            _ => E(text),
        };
    }

    private static string Link(PageRequest request, string path, string label) => $"<a href=\"{E(request.Href(path))}\">{E(label)}</a>";

    private static string RecordName(PageRequest request, string id) => request.Handbook.FindRecord(id)?.Name ?? id;

    private static void Paragraph(StringBuilder html, string heading, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        html.Append($"<h2>{E(heading)}</h2><p>{E(text)}</p>\n");
    }

    private static void BulletList(StringBuilder html, string heading, IEnumerable<string> items)
    {
        var list = items.Where(i => !string.IsNullOrWhiteSpace(i)).ToList();
        if (list.Count == 0) return;
        html.Append($"<h2>{E(heading)}</h2><ul>");
        foreach (var item in list) html.Append($"<li>{E(item)}</li>");
        html.Append("</ul>\n");
    }

    private static void FindingsTable(StringBuilder html, string heading, IReadOnlyList<Finding> findings, string level = "h2")
    {
        if (findings.Count == 0) return;
        html.Append($"<{level}>{E(heading)}</{level}><div class=\"table\"><table><thead><tr><th scope=\"col\">Id</th><th scope=\"col\">Finding</th>")
            .Append("<th scope=\"col\">Severity</th><th scope=\"col\">Status</th><th scope=\"col\">Planned update</th><th scope=\"col\">Owner</th></tr></thead><tbody>");
        foreach (var f in findings)
        {
            var severity = Words.Of(Words.FindingSeverities, f.Severity);
            html.Append($"<tr><td>{E(f.Id)}</td><td>{E(f.Text)}</td><td><span class=\"badge sev-{severity}\">{E(severity)}</span></td>")
                .Append($"<td>{E(Words.Of(Words.FindingStatuses, f.Status))}</td><td>{E(f.PlannedUpdate)}</td><td>{E(f.Owner)}</td></tr>");
        }

        html.Append("</tbody></table></div>\n");
    }

    // The process's own version: field is a label its authors give it, not the handbook's version (the one number of the server's
    // history, in the footer): it is shown as what it is (https://plumb.dev/issues/20).
    private static string VersionLabel(Process process) =>
        string.IsNullOrWhiteSpace(process.Version) ? "" : $" · <span class=\"version-label\">version label “{E(process.Version)}”</span>";

    // A published static site is no version of the server's history: it names none.
    private static string HandbookVersion(PageRequest request) => request.Site.IsStatic ? ""
        : $" in handbook version <span class=\"handbook-version\">{request.Snapshot.Version.Number}</span>";

    private static string StatusBadge(ProcessStatus status)
    {
        var word = Words.Of(Words.ProcessStatuses, status);
        return $"<span class=\"badge status-{word}\">{E(word)}</span>";
    }
}
