namespace Plumb.Server.Portal;

using System.Security.Claims;
using Plumb.Handbook.Model;
using Plumb.Server.Handbooks;

/// <summary>A rendered page body and its title; the layout is put around it per request.</summary>
public sealed record PortalPage(string Title, string Body, int Status = 200, IReadOnlyList<(string Label, string Url)>? Crumbs = null);

/// <summary>What a page is rendered from: the version, who reads, and where the page lives.</summary>
public sealed record PageRequest(Snapshot Snapshot, ClaimsPrincipal User, PortalSite Site)
{
    public Handbook Handbook => Snapshot.Handbook;

    /// <summary>The results computed by the server that the page shows (none for a published static site).</summary>
    public Plumb.Server.Alignment.ResultsView Results { get; init; } = Plumb.Server.Alignment.ResultsView.Empty;

    public IReadOnlyList<Process> Processes { get; } = [.. ReaderView.Processes(Snapshot.Handbook, User)];

    public Process? FindProcess(string id) => Processes.FirstOrDefault(p => p.Id == id);

    public string Href(string path) => Site.Href(path);
}
