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

    [GeneratedRegex("(?:href|src|action)=\"([^\"]*)\"")]
    private static partial Regex Link();
}
