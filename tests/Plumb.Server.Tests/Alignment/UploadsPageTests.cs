namespace Plumb.Server.Tests.Alignment;

using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Plumb.Server.Storage;
using Plumb.Server.Tests.Support;

/// <summary>The portal's upload form (<c>/uploads</c>) and the API document of the new endpoints.</summary>
public sealed partial class UploadsPageTests : IDisposable
{
    private readonly PlumbFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> ClientAsync(AccountRole role)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _factory.TokenAsync(role.ToString().ToLowerInvariant(), role));
        return client;
    }

    private static MultipartFormDataContent Form(string csrf, string csv, string file)
    {
        var form = new MultipartFormDataContent { { new StringContent(csrf), "__csrf" }, { new StringContent("incidents"), "name" }, { new StringContent("auto"), "format" } };
        if (csrf.Length == 0) form = new MultipartFormDataContent { { new StringContent("incidents"), "name" } };
        form.Add(new StringContent(csv), "file", file);
        return form;
    }

    [Fact]
    public async Task An_editor_uploads_an_export_in_the_form_and_a_bad_one_is_refused_on_the_page()
    {
        var ct = TestContext.Current.CancellationToken;
        await _factory.SeedAsync(TicketLogs.Documents());
        var editor = await ClientAsync(AccountRole.Editor);
        var page = await editor.GetStringAsync("/uploads", ct);
        Assert.Contains("No upload yet", page);
        var csrf = Csrf().Match(page).Groups[1].Value;

        using var stored = await editor.PostAsync("/uploads", Form(csrf, TicketLogs.Csv(new DateTime(2026, 1, 1), 2), "january.csv"), ct);
        var body = await stored.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        Assert.Contains("Stored january.csv as upload/incidents (revision 1): 12 cases, 36 events", body);
        Assert.Contains("<td>upload/incidents</td>", body);

        using var bad = await editor.PostAsync("/uploads", Form(csrf, "number,state,sys_updated_on\nINC1,1,soon\n", "bad.csv"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("bad.csv:2:", await bad.Content.ReadAsStringAsync(ct));

        using var forged = await editor.PostAsync("/uploads", Form("", TicketLogs.Csv(new DateTime(2026, 2, 1), 2), "february.csv"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("The form expired", await forged.Content.ReadAsStringAsync(ct));
        Assert.DoesNotContain("february.csv", await editor.GetStringAsync("/uploads", ct));
    }

    [Fact]
    public async Task Readers_do_not_get_the_form()
    {
        await _factory.SeedAsync();
        var reader = await ClientAsync(AccountRole.Reader);
        var response = await reader.GetAsync("/uploads", TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_api_document_describes_uploads_and_results()
    {
        await _factory.SeedAsync();
        var document = await _factory.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        foreach (var path in new[] { "/api/uploads", "/api/results", "/api/results/{process}", "/api/results/{process}/kpis", "/api/results/reports/{id}" })
        {
            Assert.Contains($"\"{path}\"", document);
        }
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex Csrf();
}
