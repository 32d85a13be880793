namespace Plumb.Modelling.Tests;

using Plumb.Handbook.Folder;
using Plumb.Handbook.Model;
using Plumb.Handbook.Samples;
using Plumb.Modelling.Samples;

/// <summary>Where the test data lives and which handbooks every model test runs over.</summary>
internal static class TestData
{
    // Handbook folders (relative to the repository root) that model tests cover when present; extend as libraries appear.
    private static readonly string[] HandbookFolders = ["baseline", "samples/handbook", "src/Plumb.Handbook/Baseline/handbook"];

    public static string RepoRoot => RepoPaths.Root;

    public static string Xsd => RepoPaths.TestData("bpmn-xsd", "BPMN20.xsd");

    /// <summary>The BPMN MIWG test suite's models: the reference models and four tools' exports and round trips of them.</summary>
    public static string Miwg => RepoPaths.TestData("bpmn-miwg");

    public static IEnumerable<(string Name, Handbook Handbook)> Handbooks()
    {
        yield return ("example", ExampleHandbook.Create("Example"));
        yield return ("generated", GeneratedHandbook.Create(1, 8, 40, 120));
        foreach (var folder in HandbookFolders)
        {
            var path = Path.Combine(RepoRoot, folder);
            if (!File.Exists(Path.Combine(path, "handbook.yaml"))) continue;
            var load = HandbookFolder.Load(path);
            if (load.Handbook is null) throw new InvalidOperationException($"{folder}: {string.Join("; ", load.Errors.Select(e => e.Format()))}");
            yield return (folder, load.Handbook);
        }
    }

    public static IEnumerable<(string Name, Handbook Handbook, Process Process)> Processes() =>
        Handbooks().SelectMany(h => h.Handbook.Processes.Select(p => (h.Name, h.Handbook, p)));
}
