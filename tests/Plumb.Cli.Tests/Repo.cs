namespace Plumb.Cli.Tests;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repo
{
    /// <summary>The folder holding Plumb.slnx, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path relative to the repository root.</summary>
    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Plumb.slnx"))) return dir.FullName;
        }

        throw new InvalidOperationException("Plumb.slnx not found above " + AppContext.BaseDirectory);
    }
}
