namespace Plumb.Server.Portal;

/// <summary>
/// The page on the other side of the one frame: the editor's page of what a portal page shows, and the portal's page of what
/// an editor page edits, so that portal and editor link each other (https://plumb.dev/issues/14). Addresses are mapped by
/// their segments, which stay escaped as they came.
/// </summary>
public static class Counterpart
{
    /// <summary>The editor's page for the portal page at <paramref name="path"/>, or null when nothing there is edited.</summary>
    public static string? InEditor(string path)
    {
        var s = Segments(path);
        return s switch
        {
            [] => "/editor",
            ["roles", ..] or ["raci"] => "/editor/handbook",
            ["processes", var id] => $"/editor/processes/{id}",
            ["processes", var id, "procedures", var pid] => $"/editor/processes/{id}/procedures/{pid}/diagram",
            ["processes", var id, "procedures", var pid, "steps", var sid] => $"/editor/processes/{id}?procedure={pid}&step={sid}",
            ["feedback", var id, _, _] => $"/editor/processes/{id}/feedback",
            _ => null,
        };
    }

    /// <summary>The portal's page for the editor page at <paramref name="path"/>: what readers see of it.</summary>
    public static string? InPortal(string path)
    {
        var s = Segments(path);
        return s switch
        {
            ["editor"] => "/",
            ["editor", "handbook"] => "/roles",
            ["editor", "processes", var id, "procedures", var pid, ..] => $"/processes/{id}/procedures/{pid}",
            ["editor", "processes", var id, ..] => $"/processes/{id}",
            _ => null,
        };
    }

    private static string[] Segments(string path)
    {
        var query = path.IndexOfAny(['?', '#']);
        return (query >= 0 ? path[..query] : path).Split('/', StringSplitOptions.RemoveEmptyEntries);
    }
}
