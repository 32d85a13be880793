namespace Plumb.Cli.Tests;

using System.Text.RegularExpressions;

/// <summary>The README shows real files and real output: its marked code blocks must match what they quote.</summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public void The_readme_shows_the_check_output_of_the_golden_test()
    {
        var quoted = Blocks("golden").ToList();

        Assert.NotEmpty(quoted);
        foreach (var (file, text) in quoted)
        {
            Assert.Equal(File.ReadAllText(Repo.Path(file)).ReplaceLineEndings("\n").TrimEnd('\n'), text);
        }
    }

    [Fact]
    public void The_readme_excerpts_are_taken_word_for_word_from_the_samples()
    {
        var quoted = Blocks("excerpt").ToList();

        Assert.NotEmpty(quoted);
        foreach (var (file, text) in quoted)
        {
            Assert.Contains(text, File.ReadAllText(Repo.Path(file)).ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }
    }

    private static IEnumerable<(string File, string Text)> Blocks(string kind)
    {
        var readme = File.ReadAllText(Repo.Path("README.md")).ReplaceLineEndings("\n");
        foreach (Match match in Block().Matches(readme))
        {
            if (match.Groups["kind"].Value == kind) yield return (match.Groups["file"].Value, match.Groups["text"].Value);
        }
    }

    [GeneratedRegex(@"<!-- (?<kind>golden|excerpt): (?<file>\S+) -->\n```[a-z]*\n(?<text>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex Block();
}
