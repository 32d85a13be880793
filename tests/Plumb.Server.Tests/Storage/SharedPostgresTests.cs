namespace Plumb.Server.Tests.Storage;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Plumb.Server.Accounts;
using Plumb.Server.Handbooks;
using Plumb.Server.Storage;
using Plumb.Server.Tests.Support;

public sealed partial class SharedPostgresTests
{
    [Fact]
    public async Task Two_instances_on_one_PostgreSQL_agree_on_versions_and_accept_each_others_sign_in()
    {
        // Given two servers on the same PostgreSQL database
        var database = await PostgresStoreTests.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?> { ["Plumb:Database"] = database };
        await using var first = await LiveServer.StartAsync(settings: settings);
        await using var second = await LiveServer.StartAsync(settings: settings);
        await first.Services.GetRequiredService<AccountService>().CreateUserAsync("ann", "ann's long password", AccountRole.Editor, "test", CancellationToken.None);
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler);

        // When a version is saved through the first and a reader signs in on the first
        await first.Services.GetRequiredService<HandbookService>().SaveAsync(0, TestHandbooks.Documents(), "ann", "seed", CancellationToken.None);
        var form = await client.GetStringAsync(first.Url + "/signin", TestContext.Current.CancellationToken);
        var token = Csrf().Match(form).Groups[1].Value;
        var signIn = await client.PostAsync(first.Url + "/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token,
            ["username"] = "ann",
            ["password"] = "ann's long password",
            ["returnUrl"] = "/",
        }), TestContext.Current.CancellationToken);

        // Then the second instance sees the version and the sign-in
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var processes = await client.GetFromJsonAsync<JsonArray>(second.Url + "/api/processes", TestContext.Current.CancellationToken);
        Assert.Equal(2, processes!.Count);
        var me = await client.GetFromJsonAsync<JsonNode>(second.Url + "/api/me", TestContext.Current.CancellationToken);
        Assert.Equal("ann", (string?)me!["name"]);
        var audit = await second.Services.GetRequiredService<IPlumbStore>().ListAuditAsync(10, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "sign-in" && e.Actor == "ann");
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex Csrf();
}
