namespace Plumb.Server.Tests.Portal;

using System.Net;
using System.Text.RegularExpressions;
using Plumb.Server.Tests.Support;

/// <summary>One seeded server shared by the read-only portal tests of this class.</summary>
public sealed class SeededPortal : IAsyncLifetime
{
    public PlumbFactory Factory { get; } = new();

    public async ValueTask InitializeAsync() => await Factory.SeedAsync();

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

public sealed partial class PortalTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private readonly PlumbFactory _factory = portal.Factory;

    [Fact]
    public async Task Every_page_reached_from_home_renders_and_no_internal_link_is_broken()
    {
        // Given the portal of a seeded handbook, when every internal link is followed from the home page
        var client = _factory.CreateClient();
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<string>(["/"]);
        var broken = new List<string>();
        while (queue.Count > 0)
        {
            var url = queue.Dequeue();
            var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.OK) { broken.Add($"{url} → {(int)response.StatusCode}"); continue; }
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            foreach (Match match in Href().Matches(html))
            {
                var link = WebUtility.HtmlDecode(match.Groups[1].Value).Split('#')[0];
                if (link.Length == 0 || !link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || !seen.Add(link)) continue;
                queue.Enqueue(link);
            }
        }

        // Then nothing is broken, and every kind of page was reached
        Assert.Empty(broken);
        Assert.Contains("/processes/problem", seen);
        Assert.Contains("/processes/problem/procedures/investigate", seen);
        Assert.Contains("/processes/problem/procedures/investigate/steps/analyse", seen);
        Assert.Contains("/roles/problem-manager", seen);
        Assert.Contains("/raci", seen);
        Assert.Contains("/findings", seen);
        Assert.Contains("/assets/plumb.css", seen);
        Assert.Contains("/feedback/problem/investigate/analyse", seen);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/processes/incident")]
    [InlineData("/processes/incident/procedures/handle-incident")]
    [InlineData("/processes/incident/procedures/handle-incident/steps/resolve")]
    [InlineData("/roles/service-desk-agent")]
    [InlineData("/roles")]
    [InlineData("/raci")]
    [InlineData("/search?q=incident")]
    [InlineData("/findings")]
    [InlineData("/signin")]
    public async Task Each_page_has_landmarks_one_h1_headings_in_order_and_labelled_fields(string url)
    {
        var html = await _factory.CreateClient().GetStringAsync(url, TestContext.Current.CancellationToken);

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<header class=\"banner\">", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
        Assert.Contains("<nav aria-label=\"Main\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#main\"", html, StringComparison.Ordinal);
        var levels = Heading().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(1, levels.Count(l => l == 1));
        Assert.Equal(1, levels[0]);
        for (var i = 1; i < levels.Count; i++) Assert.True(levels[i] <= levels[i - 1] + 1, $"{url}: h{levels[i - 1]} is followed by h{levels[i]}");
        foreach (Match input in Input().Matches(html))
        {
            var id = IdAttribute().Match(input.Value);
            Assert.True(id.Success && html.Contains($"<label for=\"{id.Groups[1].Value}\"", StringComparison.Ordinal), $"{url}: unlabelled {input.Value}");
        }

        // The pages need no script; the one they may load is the portal's own diagram zoom, from its assets (no inline code).
        Assert.DoesNotContain("<script", html.Replace("<script src=\"/assets/diagram.js\" defer></script>", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("http://", Regex.Replace(html, "xmlns=\"http://www.w3.org/2000/svg\"", ""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_draws_the_landscape_with_the_records_on_the_arrows()
    {
        var html = await _factory.CreateClient().GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("Incident Management passes Incident record to Problem Management", html, StringComparison.Ordinal);
        Assert.Contains("Problem Management passes Problem record to Incident Management", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/processes/problem\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_page_shows_instruction_RACI_producers_consumers_and_the_tool()
    {
        var client = _factory.CreateClient();
        var record = await client.GetStringAsync("/processes/problem/procedures/investigate/steps/record-problem", TestContext.Current.CancellationToken);
        Assert.Contains("<a href=\"/processes/incident/procedures/handle-incident/steps/close\">Incident Management › Confirm and close</a>", record,
            StringComparison.Ordinal);
        Assert.Contains("Is the cause known?", record, StringComparison.Ordinal);
        Assert.Contains("<dt>Consulted</dt><dd><a href=\"/roles/service-desk-agent\">Service Desk Agent</a></dd>", record, StringComparison.Ordinal);

        var resolve = await client.GetStringAsync("/processes/incident/procedures/handle-incident/steps/resolve", TestContext.Current.CancellationToken);
        Assert.Contains("<strong>fix</strong>", resolve, StringComparison.Ordinal);
        Assert.Contains("<dt>Assignment groups</dt><dd>Service Desk</dd>", resolve, StringComparison.Ordinal);
        Assert.Contains("Workarounds are not recorded.", resolve, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_page_leads_the_reader_to_the_feedback_form_of_that_step()
    {
        var client = _factory.CreateClient();
        var step = await client.GetStringAsync("/processes/incident/procedures/handle-incident/steps/resolve", TestContext.Current.CancellationToken);
        Assert.Contains("<a href=\"/feedback/incident/handle-incident/resolve\">Tell the editors</a>", step, StringComparison.Ordinal);

        var form = await client.GetStringAsync("/feedback/incident/handle-incident/resolve", TestContext.Current.CancellationToken);
        Assert.Contains("<form class=\"feedback\" method=\"post\" action=\"/feedback/incident/handle-incident/resolve\">", form, StringComparison.Ordinal);
        Assert.Contains("<a id=\"back-to-step\" href=\"/processes/incident/procedures/handle-incident/steps/resolve\">Back to the step</a>", form,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_page_lists_every_step_of_the_role_with_its_instructions()
    {
        var html = await _factory.CreateClient().GetStringAsync("/roles/service-desk-agent", TestContext.Current.CancellationToken);
        Assert.Contains("Log the incident", html, StringComparison.Ordinal);
        Assert.Contains("Record the problem", html, StringComparison.Ordinal); // consulted
        Assert.Contains("Publish the known error", html, StringComparison.Ordinal); // informed
        Assert.Contains("Create an incident record with the caller", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_is_a_404_page_and_sign_in_is_required_when_configured()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClient().GetAsync("/processes/nope", TestContext.Current.CancellationToken)).StatusCode);

        await using var closed = new PlumbFactory();
        closed.Settings["Plumb:RequireSignIn"] = "true";
        var client = closed.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetAsync("/processes/incident", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin?returnUrl=", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/processes", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", TestContext.Current.CancellationToken)).StatusCode);
    }

    [GeneratedRegex("(?:href|action)=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex("<h([1-6])[ >]")]
    private static partial Regex Heading();

    [GeneratedRegex("<(?:input|select|textarea)(?![^>]*type=\"(?:hidden|submit)\")[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();
}
