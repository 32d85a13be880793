namespace Plumb.ServiceNow.Tests.Snapshot;

using System.Text.Json;
using Plumb.Handbook.Samples;
using Plumb.ServiceNow.Snapshot;

public sealed class GeneratorTests
{
    private static Dictionary<string, string> Files(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText);

    [Fact]
    public void The_same_seed_writes_the_same_folder()
    {
        using var folder = new TempFolder();
        var options = new GeneratorOptions { Seed = 5, MissingState = true, ExtraGroup = true, SlaDiffers = true };
        SnapshotGenerator.Write(ExampleHandbook.Create("Example"), folder.Combine("a"), options);
        SnapshotGenerator.Write(ExampleHandbook.Create("Example"), folder.Combine("b"), options);
        SnapshotGenerator.Write(ExampleHandbook.Create("Example"), folder.Combine("c"), options with { Seed = 6 });

        Assert.Equal(Files(folder.Combine("a")), Files(folder.Combine("b")));
        Assert.NotEqual(Files(folder.Combine("a"))["tables/sys_audit/page-000000.json"], Files(folder.Combine("c"))["tables/sys_audit/page-000000.json"]);
    }

    [Fact]
    public void Generated_history_walks_the_documented_states_in_Table_API_shape()
    {
        using var folder = new TempFolder();
        SnapshotGenerator.Write(ExampleHandbook.Create("Example"), folder.Path, new GeneratorOptions { TicketsPerTable = 10 });

        var manifest = SnapshotManifest.Read(folder.Path)!;
        Assert.Equal(10, manifest.Find("incident")!.Records);
        using var audit = JsonDocument.Parse(File.ReadAllText(folder.Combine("tables", "sys_audit", "page-000000.json")));
        var rows = audit.RootElement.GetProperty("result").EnumerateArray().ToList();
        var states = rows.Where(r => r.GetProperty("fieldname").GetString() == "state").Select(r => r.GetProperty("newvalue").GetString()).ToHashSet();
        Assert.Subset(new HashSet<string?> { "1", "2", "6", "7" }, states);
        Assert.Contains("1", states);
        Assert.Contains("7", states);
        Assert.All(rows, r =>
        {
            foreach (var field in new[] { "documentkey", "tablename", "fieldname", "oldvalue", "newvalue", "sys_created_on", "user" }) Assert.True(r.TryGetProperty(field, out _));
        });
    }

    [Fact]
    public void A_folder_that_is_not_empty_is_refused()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("keep.txt"), "x");

        Assert.Throws<IOException>(() => SnapshotGenerator.Write(ExampleHandbook.Create("Example"), folder.Path, new GeneratorOptions()));
        Assert.Equal("x", File.ReadAllText(folder.Combine("keep.txt")));
    }
}
