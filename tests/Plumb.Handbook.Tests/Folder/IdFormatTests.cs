namespace Plumb.Handbook.Tests.Folder;

using System.Text.Json.Nodes;
using Plumb.Handbook.Folder;
using Plumb.Handbook.Model;
using Plumb.Handbook.Samples;

/// <summary>One id format for every id, the same in the schemas and in code, and writers that stay inside their folder.</summary>
public sealed class IdFormatTests
{
    [Theory]
    [InlineData("handbook.schema.json")]
    [InlineData("process.schema.json")]
    public void The_schemas_id_pattern_is_the_id_rule_lint_and_the_API_apply(string schema)
    {
        var id = JsonNode.Parse(HandbookSchemas.Read(schema))!["$defs"]!["id"]!;
        Assert.Equal(HandbookIds.Pattern, (string?)id["pattern"]);
    }

    [Theory]
    [InlineData("incident", true)]
    [InlineData("F-001", true)]
    [InlineData("v2.1_draft", true)]
    [InlineData("../../../x/role-dir", false)]
    [InlineData("..", false)]
    [InlineData(".hidden", false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    [InlineData("-lead", false)]
    public void Ids_follow_one_format(string id, bool valid) => Assert.Equal(valid, HandbookIds.IsValid(id));

    [Fact]
    public void An_id_of_a_hundred_characters_is_the_longest()
    {
        Assert.True(HandbookIds.IsValid(new string('a', 100)));
        Assert.False(HandbookIds.IsValid(new string('a', 101)));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/../../x")]
    [InlineData("/etc/x")]
    public void A_contained_path_refuses_what_leads_outside(string relative)
    {
        var root = Path.Combine(Path.GetTempPath(), "plumb-contained");
        Assert.Throws<InvalidDataException>(() => ContainedPath.Resolve(root, relative));
        Assert.Equal(Path.Combine(root, "a", "b"), ContainedPath.Resolve(root, "a/b"));
    }

    [Fact]
    public void Saving_a_handbook_whose_process_id_climbs_out_writes_nothing()
    {
        using var folder = new TempFolder();
        var handbook = ExampleHandbook.Create("Acme IT");
        handbook.Processes[0].Id = "../../escaped";

        Assert.Throws<InvalidDataException>(() => HandbookFolder.Save(handbook, Path.Combine(folder.Path, "handbook")));

        Assert.False(Directory.Exists(Path.Combine(folder.Path, "handbook")));
        Assert.False(File.Exists(Path.Combine(folder.Path, "escaped.yaml")));
    }
}
