namespace Plumb.Cli.Tests;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repo
{
    /// <summary>The folder holding Plumb.slnx.</summary>
    public static string Root => RepoPaths.Root;

    /// <summary>A path relative to the repository root.</summary>
    public static string Path(string relative) => RepoPaths.InRepo(relative);
}
