namespace Plumb.Tests;

/// <summary>The repository the tests run from (the folder holding Plumb.slnx) and the test data it carries in <c>tests/data</c>.</summary>
internal static class RepoPaths
{
    /// <summary>The folder holding Plumb.slnx, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path below the repository root.</summary>
    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A path below <c>tests/data</c>: public files by others (sources and licences in NOTICE) and Plumb's own fixtures.</summary>
    public static string TestData(params string[] parts) => Path.Combine([Root, "tests", "data", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Plumb.slnx"))) return dir.FullName;
        }

        throw new InvalidOperationException("Plumb.slnx not found above " + AppContext.BaseDirectory);
    }
}
