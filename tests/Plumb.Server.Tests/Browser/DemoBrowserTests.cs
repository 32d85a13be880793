namespace Plumb.Server.Tests.Browser;

using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using Plumb.Cli;
using Plumb.Server.Tests.Support;

/// <summary>The README's first command, <c>plumb demo</c>, end to end: every kind of page of its portal in Debian's Chromium.</summary>
public sealed class DemoBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task The_demo_portal_has_no_broken_link_no_missing_asset_and_no_console_error()
    {
        // Given the demo, prepared and served as a newcomer would run it
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run ./test.sh (it installs Debian's chromium)");
        using var folder = new TempDirectory();
        var url = $"http://127.0.0.1:{FreePort()}";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var errors = new StringWriter();
        var demo = Task.Run(() => PlumbCli.RunAsync(["demo", "--dir", folder.Path, "--urls", url], new CliContext(TextWriter.Synchronized(output),
            TextWriter.Synchronized(errors)) { CancellationToken = stop.Token }), stop.Token);
        await WaitForAsync(url, demo, errors);
        Assert.Contains("Sign in as editor: editor / ", output.ToString(), StringComparison.Ordinal);

        // When a browser follows every link of the portal from its home page
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        var current = "/";
        page.Console += (_, message) => { if (message.Type == "error") problems.Add($"{current}: console error: {message.Text}"); };
        page.PageError += (_, error) => problems.Add($"{current}: script error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"{current}: request failed: {request.Url}");
        page.Response += (_, response) => { if (response.Status >= 400) problems.Add($"{current}: {response.Status} for {response.Url}"); };

        // Search is a form, not a link: it is visited as a reader would submit it.
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/", "/search?q=incident" };
        var queue = new Queue<string>(["/", "/search?q=incident"]);
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        while (queue.Count > 0)
        {
            current = queue.Dequeue();
            kinds.Add(Kind(current));
            if (IsDownload(current))
            {
                using var download = await http.GetAsync(current, TestContext.Current.CancellationToken);
                if (download.StatusCode != HttpStatusCode.OK) problems.Add($"{current}: {(int)download.StatusCode}");
                continue;
            }

            await page.GotoAsync(url + current);
            var links = await page.EvalOnSelectorAllAsync<string[]>("a[href]", "as => as.map(a => a.getAttribute('href'))");
            foreach (var link in links)
            {
                var path = Local(link, current);
                if (path is not null && seen.Add(path)) queue.Enqueue(path);
            }
        }

        // Then nothing is broken, and every kind of page was reached
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        foreach (var kind in new[] { "home", "processes", "procedures", "steps", "bpmn", "roles", "raci", "findings", "search", "reports", "report-md",
            "report-html", "report-file" })
        {
            Assert.True(kinds.Contains(kind), $"no {kind} page was reached; reached: {string.Join(", ", kinds)}");
        }

        await stop.CancelAsync();
        await Task.WhenAny(demo, Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }

    private static string Kind(string path)
    {
        var segments = path.Split('?')[0].Trim('/').Split('/');
        if (segments[0].Length == 0) return "home";
        if (segments[0] == "reports" && segments.Length > 1)
        {
            return Path.GetExtension(segments[1]) switch { ".md" => "report-md", ".html" => "report-html", _ => "report-file" };
        }

        if (Path.GetExtension(segments[^1]) == ".bpmn") return "bpmn";
        return segments[0] == "processes" && segments.Length >= 6 ? "steps"
            : segments[0] == "processes" && segments.Length >= 4 ? "procedures"
            : segments[0];
    }

    // Files are fetched, not opened as pages: a browser would download them.
    private static bool IsDownload(string path) =>
        (path.StartsWith("/reports/", StringComparison.Ordinal) && Path.GetExtension(path) is not (".md" or ".html")) || Kind(path) == "bpmn";

    // Same-origin pages only; sign-in, sign-out, the editor and the API are other tests' business.
    private static string? Local(string href, string from)
    {
        if (href.StartsWith('#') || href.StartsWith("mailto:", StringComparison.Ordinal)) return null;
        var uri = new Uri(new Uri("http://portal" + from), href);
        if (uri.Host != "portal") return null;
        var path = uri.PathAndQuery;
        return path.StartsWith("/signin", StringComparison.Ordinal) || path.StartsWith("/signout", StringComparison.Ordinal)
            || path.StartsWith("/editor", StringComparison.Ordinal) || path.StartsWith("/api", StringComparison.Ordinal)
            || path.StartsWith("/feedback", StringComparison.Ordinal) || path.StartsWith("/openapi", StringComparison.Ordinal)
            ? null
            : path;
    }

    private static async Task WaitForAsync(string url, Task demo, StringWriter errors)
    {
        using var http = new HttpClient();
        for (var i = 0; i < 600; i++)
        {
            if (demo.IsCompleted) Assert.Fail($"the demo stopped before serving: {errors}");
            try
            {
                if ((await http.GetAsync(url + "/healthz", TestContext.Current.CancellationToken)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"the demo did not serve within two minutes: {errors}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
