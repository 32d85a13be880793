namespace Plumb.Handbook.Folder;

/// <summary>
/// Where a writer may put a file: a path made from ids (a process file, a page of a published site) must stay inside the
/// folder the user named. Ids are checked by lint already; this is the writers' own guard, so no handbook, however it was
/// made, can make <c>plumb publish</c> or a folder save write elsewhere.
/// </summary>
public static class ContainedPath
{
    /// <summary>The full path of <paramref name="relative"/> under <paramref name="root"/>; <see cref="InvalidDataException"/> when it leads outside.</summary>
    public static string Resolve(string root, string relative) => TryResolve(root, relative, out var target)
        ? target
        : throw new InvalidDataException($"'{relative}' leads outside {root}; ids may not hold '/', '\\' or '..' ({Model.HandbookIds.Rule})");

    /// <summary>The full path of <paramref name="relative"/> under <paramref name="root"/>, or false when it leads outside.</summary>
    public static bool TryResolve(string root, string relative, out string target)
    {
        var full = Path.GetFullPath(root);
        target = Path.GetFullPath(Path.Combine(full, relative));
        var prefix = Path.EndsInDirectorySeparator(full) ? full : full + Path.DirectorySeparatorChar;
        return target.StartsWith(prefix, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
