namespace Plumb.Server.Portal;

using System.Security.Claims;
using Plumb.Handbook.Model;
using Plumb.Server.Handbooks;

/// <summary>A rendered page body and its title; the layout is put around it per request.</summary>
public sealed record PortalPage(string Title, string Body, int Status = 200, IReadOnlyList<(string Label, string Url)>? Crumbs = null)
{
    /// <summary>What an editor page adds to the one frame (its script, styles and the process menu); null on portal pages.</summary>
    public EditorFrame? Editor { get; init; }
}

/// <summary>
/// The parts of the frame only editor pages have: the bundle that drives the page (<c>forms</c>, <c>modeler</c>, <c>diff</c>,
/// or null for the common one), the data its script reads from the body, and the process whose pages the menu links.
/// </summary>
public sealed record EditorFrame(string? Script, IReadOnlyDictionary<string, string> Data, string? Process);

/// <summary>What a page is rendered from: the version, who reads, and where the page lives.</summary>
public sealed record PageRequest(Snapshot Snapshot, ClaimsPrincipal User, PortalSite Site)
{
    public Handbook Handbook => Snapshot.Handbook;

    /// <summary>The results computed by the server that the page shows (none for a published static site).</summary>
    public Plumb.Server.Alignment.ResultsView Results { get; init; } = Plumb.Server.Alignment.ResultsView.Empty;

    public IReadOnlyList<Process> Processes { get; } = [.. ReaderView.Processes(Snapshot.Handbook, User)];

    /// <summary>The source of ticket data a reader chose to see a process's figures from (null: the freshest).</summary>
    public string? Source { get; init; }

    /// <summary>Editors' answers to readers' feedback on the page's step, oldest first (empty on other pages).</summary>
    public IReadOnlyList<Storage.Feedback> Answers { get; init; } = [];

    public Process? FindProcess(string id) => Processes.FirstOrDefault(p => p.Id == id);

    public string Href(string path) => Site.Href(path);
}
