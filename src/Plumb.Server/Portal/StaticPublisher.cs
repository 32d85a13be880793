namespace Plumb.Server.Portal;

using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Plumb.Handbook.Folder;
using Plumb.Handbook.Model;
using Plumb.Server.Handbooks;
using Plumb.Server.Storage;

/// <summary>
/// Writes the portal as static files (<c>PATH/index.html</c> per page, relative links) for an intranet share or any web
/// server, with a search index the browser reads, so search works offline.
/// </summary>
public static class StaticPublisher
{
    private static readonly string[] Assets = ["plumb.css", "favicon.svg", "search.js", "diagram.js"];

    /// <summary>
    /// Writes every page the anonymous reader may see; returns how many pages were written. Every file's place is worked
    /// out first and must lie inside <paramref name="outputDirectory"/> (<see cref="ContainedPath"/>), so an id such as
    /// <c>../../x</c> stops the publish with <see cref="InvalidDataException"/> before anything is written.
    /// </summary>
    public static int Publish(Handbook handbook, string outputDirectory, DateTimeOffset at)
    {
        var snapshot = new Snapshot(new VersionInfo(0, "", at, "published"), [], handbook);
        var reader = new ClaimsPrincipal(new ClaimsIdentity());
        var renderer = new PortalRenderer();
        var processes = ReaderView.Processes(handbook, reader).ToList();
        var pages = new List<(string Path, Func<PageRequest, PortalPage> Render)>
        {
            (Links.Home, renderer.Home), (Links.Roles, renderer.Roles), (Links.Raci, renderer.Raci),
            (Links.Findings, r => renderer.Findings(r, null)), (Links.Search, r => renderer.Search(r, null)),
        };
        var diagrams = new List<(string File, Process Process, Procedure Procedure)>();
        pages.AddRange(handbook.Roles.Select(role => (Links.Role(role.Id), (Func<PageRequest, PortalPage>)(r => renderer.Role(r, role.Id)))));
        foreach (var process in processes)
        {
            pages.Add((Links.Process(process.Id), r => renderer.Process(r, process.Id)));
            foreach (var procedure in process.Procedures)
            {
                pages.Add((Links.Procedure(process.Id, procedure.Id), r => renderer.Procedure(r, process.Id, procedure.Id)));
                // The .bpmn file the diagram's download link points at.
                if (procedure.Steps.Count > 0) diagrams.Add((FileOf(outputDirectory, Links.ProcedureBpmn(process.Id, procedure.Id)), process, procedure));
                pages.AddRange(procedure.Steps.Select(step => (Links.Step(process.Id, procedure.Id, step.Id),
                    (Func<PageRequest, PortalPage>)(r => renderer.Step(r, process.Id, procedure.Id, step.Id)))));
            }
        }

        var files = pages.Select(p => (File: FileOf(outputDirectory, p.Path.Trim('/') + "/index.html"), p.Path, p.Render)).ToList();
        foreach (var (file, process, procedure) in diagrams)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, ProcedureDiagrams.Bpmn(snapshot, process, procedure));
        }

        foreach (var (file, path, render) in files)
        {
            var site = PortalSite.Published(path);
            var page = render(new PageRequest(snapshot, reader, site));
            Write(file, Layout.Render(page, handbook.Name, 0, site, new Visitor(null, null, null, false)));
        }

        foreach (var asset in Assets)
        {
            using var stream = typeof(StaticPublisher).Assembly.GetManifestResourceStream("assets/" + asset)!;
            using var reader2 = new StreamReader(stream);
            Write(Path.Combine(outputDirectory, "assets", asset), reader2.ReadToEnd());
        }

        Write(Path.Combine(outputDirectory, "assets", "search-index.js"), SearchIndexScript(snapshot.Search, handbook, reader));
        return pages.Count;
    }

    // An address of the portal as a file of the site: its escaped ids are undone, so the file is named as the id is.
    private static string FileOf(string outputDirectory, string address) =>
        ContainedPath.Resolve(outputDirectory, Uri.UnescapeDataString(address.TrimStart('/')));

    private static string SearchIndexScript(SearchIndex index, Handbook handbook, ClaimsPrincipal reader)
    {
        var entries = index.Entries.Where(e => ReaderView.CanSee(handbook, e.ProcessId, reader)).Select(e => new
        {
            u = e.Url.Trim('/') + "/index.html",
            t = e.Title,
            k = e.Kind,
            c = e.Context,
            x = e.Text,
        });
        return $"window.PLUMB_SEARCH = {JsonSerializer.Serialize(entries)};\n";
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }
}
