namespace Plumb.Server.Portal;

/// <summary>
/// Where the pages live: on the server every address is absolute (<c>/processes/incident</c>); in a published static
/// site every address is relative to the page and ends in <c>index.html</c>, so the site works from a file share.
/// </summary>
public sealed class PortalSite
{
    private PortalSite(bool isStatic, string currentPath)
    {
        IsStatic = isStatic;
        CurrentPath = currentPath;
    }

    public bool IsStatic { get; }

    public string CurrentPath { get; }

    public static PortalSite Live(string currentPath) => new(false, currentPath);

    public static PortalSite Published(string currentPath) => new(true, currentPath);

    /// <summary>The address of <paramref name="path"/> (absolute, as in <see cref="Handbooks.Links"/>) as seen from this page.</summary>
    public string Href(string path)
    {
        if (!IsStatic) return path;
        var query = "";
        var hash = path.IndexOf('?', StringComparison.Ordinal);
        if (hash >= 0) { query = path[hash..]; path = path[..hash]; }
        var depth = CurrentPath.Trim('/').Length == 0 ? 0 : CurrentPath.Trim('/').Split('/').Length;
        var up = string.Concat(Enumerable.Repeat("../", depth));
        var target = path.Trim('/');
        if (path.StartsWith("/assets/", StringComparison.Ordinal)) return up + target + query;
        return up + (target.Length == 0 ? "" : target + "/") + "index.html" + query;
    }

    /// <summary>The address of a file (not a page) at <paramref name="path"/> as seen from this page: a static site adds no index.html.</summary>
    public string FileHref(string path)
    {
        if (!IsStatic) return path;
        var depth = CurrentPath.Trim('/').Length == 0 ? 0 : CurrentPath.Trim('/').Split('/').Length;
        return string.Concat(Enumerable.Repeat("../", depth)) + path.TrimStart('/');
    }
}
