namespace Plumb.Server.Tests.Alignment;

using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Plumb.Server.Storage;
using Plumb.Server.Uploads;
using Plumb.Server.Tests.Support;

/// <summary><c>POST /api/uploads</c>: what is accepted, and what is refused with nothing stored.</summary>
public sealed class UploadsApiTests : IAsyncLifetime
{
    private readonly PlumbFactory _factory = new();

    public async ValueTask InitializeAsync()
    {
        _factory.Settings["Plumb:MaxRequestBodyBytes"] = "65536";
        await _factory.SeedAsync(TicketLogs.Documents());
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<HttpClient> ClientAsync(AccountRole role = AccountRole.Editor)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _factory.TokenAsync(role.ToString().ToLowerInvariant(), role));
        return client;
    }

    private async Task<IReadOnlyList<UploadInfo>> StoredAsync() =>
        await _factory.Services.GetRequiredService<IUploadStore>().ListUploadSourcesAsync(CancellationToken.None);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_multipart_csv_and_a_raw_gzip_body_are_stored_as_sources()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = await ClientAsync();
        using var form = new MultipartFormDataContent { { new StringContent(TicketLogs.Csv(new DateTime(2026, 1, 1), 2)), "file", "january.csv" } };
        var multipart = await client.PostAsync("/api/uploads?name=incidents", form, ct);
        Assert.Equal(HttpStatusCode.Created, multipart.StatusCode);
        var outcome = await multipart.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("upload/incidents", outcome.GetProperty("upload").GetProperty("source").GetString());
        Assert.Equal(12, outcome.GetProperty("upload").GetProperty("records").GetInt32());

        using var zipped = new MemoryStream();
        await using (var gzip = new GZipStream(zipped, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(TicketLogs.Csv(new DateTime(2026, 2, 1), 2)));
        var raw = await client.PostAsync("/api/uploads?name=incidents&fileName=february.csv.gz",
            new ByteArrayContent(zipped.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("application/gzip") } }, ct);
        Assert.Equal(HttpStatusCode.Created, raw.StatusCode);

        // As curl --data-binary sends a file: labelled a url-encoded form, read as the file it is.
        var curl = await client.PostAsync("/api/uploads?name=curl&fileName=march.csv",
            new StringContent(TicketLogs.Csv(new DateTime(2026, 3, 1), 2), Encoding.UTF8, "application/x-www-form-urlencoded"), ct);
        Assert.Equal(HttpStatusCode.Created, curl.StatusCode);
        var stored = (await StoredAsync()).Single(u => u.Source == "upload/incidents");
        Assert.Equal(("upload/incidents", 2L, "february.csv.gz", "csv"), (stored.Source, stored.Revision, stored.FileName, stored.Format));
    }

    [Fact]
    public async Task A_bad_date_is_refused_with_its_line_and_field_and_nothing_is_stored()
    {
        var client = await ClientAsync();
        var csv = TicketLogs.Csv(new DateTime(2026, 1, 1), 2, cases: 3).Replace("2026-01-03 11:00:00", "yesterday at noon", StringComparison.Ordinal);
        var response = await client.PostAsync("/api/uploads?fileName=bad.csv", new StringContent(csv, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.StartsWith("bad.csv:6:", detail);
        Assert.Contains("yesterday at noon", detail);
        Assert.Equal(6, problem.GetProperty("line").GetInt32());
        Assert.Equal("sys_updated_on", problem.GetProperty("field").GetString());
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task An_unknown_format_an_empty_file_and_a_file_over_the_limits_are_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = await ClientAsync();
        var unknown = await client.PostAsync("/api/uploads?format=xlsx&fileName=a.csv", new StringContent("number,state\n"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("unknown log format 'xlsx'", (await ProblemAsync(unknown)).GetProperty("detail").GetString());

        var empty = await client.PostAsync("/api/uploads?fileName=empty.csv", new ByteArrayContent([]), ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("empty", (await ProblemAsync(empty)).GetProperty("detail").GetString());

        var big = await client.PostAsync("/api/uploads?fileName=big.csv", new ByteArrayContent(new byte[70_000]), ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);

        // A small gzip that expands past the limit of decompressed bytes.
        using var bomb = new MemoryStream();
        await using (var gzip = new GZipStream(bomb, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(new byte[3_000_000]);
        var service = _factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Plumb.Server.Hosting.PlumbServerOptions>>().Value;
        service.MaxUploadExpandedBytes = 1_000_000;
        var expanded = await client.PostAsync("/api/uploads?fileName=bomb.csv.gz", new ByteArrayContent(bomb.ToArray()), ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, expanded.StatusCode);
        Assert.Contains("once decompressed", (await ProblemAsync(expanded)).GetProperty("detail").GetString());
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task Readers_cannot_upload()
    {
        var client = await ClientAsync(AccountRole.Reader);
        var response = await client.PostAsync("/api/uploads?fileName=a.csv", new StringContent(TicketLogs.Csv(new DateTime(2026, 1, 1), 2)),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await StoredAsync());
    }
}
