namespace Plumb.Server.Tests.Sync;

using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Plumb.Server.Storage;
using Plumb.Server.Tests.Support;

public sealed partial class ConnectionsPageTests : IDisposable
{
    private readonly PlumbFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> ClientAsync(AccountRole role)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _factory.TokenAsync(role.ToString().ToLowerInvariant(), role));
        return client;
    }

    [Fact]
    public async Task An_admin_adds_and_removes_a_connection_in_the_page_and_the_secret_is_never_on_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await _factory.SeedAsync();
        var admin = await ClientAsync(AccountRole.Admin);
        var page = await admin.GetStringAsync("/admin/connections", ct);
        Assert.Contains("No connection yet", page);

        var form = new Dictionary<string, string>
        {
            ["__csrf"] = Csrf().Match(page).Groups[1].Value, ["name"] = "prod", ["instance"] = "https://acme.service-now.com", ["auth"] = "basic",
            ["user"] = "plumb.reader", ["password"] = "the-password-9", ["schedule"] = "30",
        };
        using var added = await admin.PostAsync("/admin/connections", new FormUrlEncodedContent(form), ct);
        var body = await added.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Contains("https://acme.service-now.com/", body);
        Assert.Contains("every 30 min", body);
        Assert.DoesNotContain("the-password-9", body);

        using var again = await admin.PostAsync("/admin/connections", new FormUrlEncodedContent(form), ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("exists already", await again.Content.ReadAsStringAsync(ct));

        using var forged = await admin.PostAsync("/admin/connections/prod/remove", new FormUrlEncodedContent(new Dictionary<string, string>()), ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var removed = await admin.PostAsync("/admin/connections/prod/remove", new FormUrlEncodedContent(new Dictionary<string, string> { ["__csrf"] = form["__csrf"] }), ct);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Contains("No connection yet", await removed.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task Only_admins_see_the_page()
    {
        var editor = await ClientAsync(AccountRole.Editor);

        using var response = await editor.GetAsync("/admin/connections", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex Csrf();
}
