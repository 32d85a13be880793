namespace Plumb.Modelling.Tests;

/// <summary>
/// The repository stands alone: its tests read test data from <c>tests/data</c> only, and NOTICE names the source of every
/// file kept there, so a new file without its source and licence, or a test that reads beside the repository, fails here.
/// </summary>
public sealed class TestDataTests
{
    // NOTICE names each kept file, or a folder ending in '/', on a line of its own starting with tests/data/.
    private static List<string> NoticeEntries() =>
        File.ReadLines(RepoPaths.InRepo("NOTICE"))
            .Where(l => l.StartsWith("tests/data/", StringComparison.Ordinal))
            .Select(l => l.TrimEnd())
            .ToList();

    private static IEnumerable<string> DataFiles() =>
        Directory.EnumerateFiles(RepoPaths.TestData(), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);

    // An entry names a file, or every file below a folder when it ends in '/'.
    private static bool Names(string entry, string file) =>
        entry.EndsWith('/') ? file.StartsWith(entry, StringComparison.Ordinal) : file == entry;

    [Fact]
    public void Every_file_in_tests_data_is_named_in_NOTICE()
    {
        var entries = NoticeEntries();

        var unnamed = DataFiles().Where(f => !entries.Any(e => Names(e, f))).ToList();

        Assert.NotEmpty(entries);
        Assert.True(unnamed.Count == 0, "not named in NOTICE (give the file's source and licence): " + string.Join(", ", unnamed));
    }

    [Fact]
    public void Every_file_NOTICE_names_is_in_the_repository()
    {
        var missing = NoticeEntries().Where(e => e.EndsWith('/') ? !Directory.Exists(RepoPaths.InRepo(e)) : !File.Exists(RepoPaths.InRepo(e)))
            .ToList();

        Assert.True(missing.Count == 0, "NOTICE names what tests/data does not hold: " + string.Join(", ", missing));
    }

    [Fact]
    public void No_test_or_benchmark_reads_the_shared_folder_beside_the_repository()
    {
        // Written in pieces so that this file does not match itself.
        string[] beside = ["../" + "shared", "\"..\", " + "\"shared\"", "shared" + "/data", "Shared" + "Data("];
        var sources = new[] { "tests", "bench" }
            .SelectMany(d => Directory.EnumerateFiles(RepoPaths.InRepo(d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        var offending = sources.Where(f => File.ReadLines(f).Any(l => beside.Any(b => l.Contains(b, StringComparison.Ordinal))))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f)).ToList();

        Assert.True(
            offending.Count == 0,
            "read test data from tests/data (RepoPaths.TestData), not from beside the repository: " + string.Join(", ", offending));
    }
}
