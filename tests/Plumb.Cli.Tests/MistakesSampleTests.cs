namespace Plumb.Cli.Tests;

using System.Text.RegularExpressions;

/// <summary>
/// samples/mistakes is a first handbook with the mistakes a new user makes, each line marked "# mistake:".
/// <c>plumb check</c> must report every marked line exactly once and nothing else.
/// </summary>
public sealed partial class MistakesSampleTests
{
    private const string Sample = "samples/mistakes";

    [Fact]
    public async Task Check_reports_each_mistake_once_at_its_line()
    {
        var result = await Cli.RunAsync("check", Repo.Path(Sample));

        var reported = result.Out.Split('\n').Select(l => Located().Match(l)).Where(m => m.Success)
            .Select(m => $"{m.Groups["file"].Value}:{m.Groups["line"].Value}").ToList();
        var marked = MarkedLines().ToList();
        Assert.Equal(marked.Order(StringComparer.Ordinal), reported.Order(StringComparer.Ordinal));
        Assert.True(marked.Count >= 12, "the sample should hold a dozen realistic mistakes");
    }

    [Fact]
    public async Task Check_output_matches_the_golden_file()
    {
        var result = await Cli.RunAsync("check", Repo.Path(Sample));

        Assert.Equal(ExitCodes.Found, result.Exit);
        var text = result.Out.Replace(Repo.Path(Sample), Sample, StringComparison.Ordinal);
        Golden.AssertMatches("tests/Plumb.Cli.Tests/Golden/mistakes-check.txt", text);
    }

    private static IEnumerable<string> MarkedLines()
    {
        var root = Repo.Path(Sample);
        foreach (var file in Directory.GetFiles(root, "*.yaml", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            var document = Path.GetRelativePath(root, file).Replace('\\', '/');
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Contains("# mistake:", StringComparison.Ordinal)) yield return $"{document}:{i + 1}";
            }
        }
    }

    [GeneratedRegex(@"^.*?samples/mistakes/(?<file>[^:]+):(?<line>\d+):\d+: ")]
    private static partial Regex Located();
}
