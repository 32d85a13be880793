namespace Plumb.Server.Tests.Portal;

using System.Net;
using System.Text.RegularExpressions;
using Plumb.Server.Portal;
using Plumb.Server.Tests.Support;

public sealed partial class StaticPublisherTests
{
    [Fact]
    public void The_published_site_has_every_page_and_every_relative_link_resolves()
    {
        using var site = new TempDirectory();
        var count = StaticPublisher.Publish(TestHandbooks.Create(), site.Path, DateTimeOffset.UnixEpoch);

        var files = Directory.GetFiles(site.Path, "index.html", SearchOption.AllDirectories);
        Assert.Equal(count, files.Length);
        Assert.True(File.Exists(Path.Combine(site.Path, "processes", "problem", "procedures", "investigate", "steps", "analyse", "index.html")));
        var bpmn = Path.Combine(site.Path, "processes", "problem", "procedures", "investigate", "diagram.bpmn");
        Assert.Empty(BpmnSchema.Validate(File.ReadAllText(bpmn)));
        Assert.Contains("download=\"problem-investigate.bpmn\"", File.ReadAllText(Path.Combine(Path.GetDirectoryName(bpmn)!, "index.html")), StringComparison.Ordinal);
        Assert.Contains("Use the five whys", File.ReadAllText(Path.Combine(site.Path, "assets", "search-index.js")), StringComparison.Ordinal);
        foreach (var file in files)
        {
            var html = File.ReadAllText(file);
            foreach (Match match in Link().Matches(html))
            {
                var target = WebUtility.HtmlDecode(match.Groups[1].Value).Split('#', '?')[0];
                if (target.Length == 0 || target.StartsWith("http", StringComparison.Ordinal)) continue;
                Assert.False(target.StartsWith('/'), $"{file}: absolute link {target}");
                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(target)));
                Assert.True(File.Exists(resolved), $"{file}: broken link {target}");
            }
        }
    }

    [Theory]
    [InlineData("role")]
    [InlineData("procedure")]
    [InlineData("step")]
    public void An_id_that_climbs_out_of_the_site_stops_the_publish_before_anything_is_written(string what)
    {
        using var work = new TempDirectory();
        var handbook = TestHandbooks.Create();
        const string Escape = "../../../../../../../../../x/dir";
        var procedure = handbook.FindProcess("problem")!.Procedures[0];
        switch (what)
        {
            case "role": handbook.Roles[0].Id = Escape; break;
            case "procedure": procedure.Id = Escape; break;
            default: procedure.Steps[0].Id = Escape; break;
        }

        var site = Path.Combine(work.Path, "a", "b", "site");
        var error = Assert.Throws<InvalidDataException>(() => StaticPublisher.Publish(handbook, site, DateTimeOffset.UnixEpoch));

        Assert.Contains("leads outside", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(work.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Plumb_publish_of_a_handbook_with_a_traversal_role_id_is_bad_input()
    {
        using var work = new TempDirectory();
        var handbook = TestHandbooks.Create();
        Plumb.Handbook.Folder.HandbookFolder.Save(handbook, work.File("handbook"));
        var yaml = Path.Combine(work.File("handbook"), "handbook.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("id: problem-manager", "id: ../../../x/role-dir", StringComparison.Ordinal));
        var (output, error) = (new StringWriter(), new StringWriter());

        var check = await Plumb.Cli.PlumbCli.RunAsync(["check", work.File("handbook")], new Plumb.Cli.CliContext(output, error));
        var publish = await Plumb.Cli.PlumbCli.RunAsync(["publish", work.File("handbook"), "-o", work.File("out/site")],
            new Plumb.Cli.CliContext(output, error));

        Assert.Equal(1, check);
        Assert.Contains("PLB131", output.ToString() + error.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, publish);
        Assert.DoesNotContain("internal error", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(work.File("x")));
    }

    [GeneratedRegex("(?:href|src|action)=\"([^\"]*)\"")]
    private static partial Regex Link();
}
