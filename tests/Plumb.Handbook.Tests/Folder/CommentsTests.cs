namespace Plumb.Handbook.Tests.Folder;

using Plumb.Handbook.Folder;
using Plumb.Handbook.Json;

/// <summary>Saving a handbook over its folder keeps the comments people wrote, on the fields they wrote them at.</summary>
public sealed class CommentsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "plumb-comments-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void Saving_a_read_handbook_keeps_every_comment_on_its_field()
    {
        CopySample();
        var before = HandbookFolder.Load(_directory);
        Assert.NotNull(before.Handbook);
        var original = File.ReadAllText(Path.Combine(_directory, "processes", "incident.yaml"));

        HandbookFolder.Save(before.Handbook, _directory);

        var saved = File.ReadAllText(Path.Combine(_directory, "processes", "incident.yaml"));
        var comments = original.Split('\n').Where(l => l.Contains("# mistake:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(comments);
        foreach (var line in comments)
        {
            // The field and its comment stay on one line, whatever the indentation.
            var field = line[..line.IndexOf(':', StringComparison.Ordinal)].Trim().TrimStart('-', ' ') + ":";
            var comment = line[line.IndexOf('#', StringComparison.Ordinal)..];
            Assert.True(saved.Split('\n').Any(l => l.Contains(field, StringComparison.Ordinal) && l.EndsWith(comment, StringComparison.Ordinal)),
                $"'{field} ... {comment}' is not kept in:\n{saved}");
        }

        var after = HandbookFolder.Load(_directory);
        Assert.Empty(after.Errors);
        Assert.Equal(HandbookJson.Serialize(before.Handbook), HandbookJson.Serialize(after.Handbook!));
    }

    [Fact]
    public void Comment_lines_above_a_field_stay_above_it_and_saving_twice_changes_nothing()
    {
        CopySample();
        var handbookFile = Path.Combine(_directory, HandbookFolder.HandbookFile);
        var handbook = HandbookFolder.Load(_directory).Handbook!;

        HandbookFolder.Save(handbook, _directory);
        var once = File.ReadAllText(handbookFile);
        HandbookFolder.Save(HandbookFolder.Load(_directory).Handbook!, _directory);
        var twice = File.ReadAllText(handbookFile);

        Assert.Equal(once, twice);
        var lines = once.Split('\n');
        Assert.Equal("# yaml-language-server: $schema=schema/handbook.schema.json", lines[0]);
        Assert.StartsWith("# A first handbook, written by hand", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("# first week;", lines[2], StringComparison.Ordinal);
        Assert.Equal("plumb: 1", lines[3]);
    }

    [Fact]
    public void A_comment_on_a_field_that_was_removed_is_dropped()
    {
        CopySample();
        var handbook = HandbookFolder.Load(_directory).Handbook!;
        handbook.Processes.Single(p => p.Id == "incident").Kpis.RemoveAt(1);

        HandbookFolder.Save(handbook, _directory);

        var saved = File.ReadAllText(Path.Combine(_directory, "processes", "incident.yaml"));
        Assert.DoesNotContain("# mistake: no target", saved, StringComparison.Ordinal);
        Assert.Contains("# mistake: 'median' misspelt", saved, StringComparison.Ordinal);
        Assert.Empty(HandbookFolder.Load(_directory).Errors);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private void CopySample()
    {
        var sample = Path.Combine(RepoPaths.Root, "samples", "mistakes");
        foreach (var file in Directory.GetFiles(sample, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_directory, Path.GetRelativePath(sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
