namespace Plumb.ServiceNow.Tests.TableApi;

using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>What the fake answers to the next table request instead of the page.</summary>
public enum Fault
{
    TooManyRequests,
    Unavailable,
    ServerError,
    Unauthorized,
    Forbidden,
    Truncated,
    Malformed,
    Slow,
    Html,
    Deep,
}

/// <summary>
/// A local HTTP server that answers like ServiceNow's Table API: <c>GET /api/now/table/{table}</c> with sysparm_limit and
/// sysparm_offset, <c>Link</c> and <c>X-Total-Count</c> headers, basic auth or bearer tokens from <c>POST /oauth_token.do</c>,
/// and faults queued by the test (429 with Retry-After, 5xx, truncated and malformed bodies, slow answers).
/// </summary>
public sealed class FakeTableApi : IAsyncDisposable
{
    public const string User = "plumb.reader";
    public const string Password = "s3cret-pa55";
    public const string ClientId = "client-1";
    public const string ClientSecret = "client-secret-1";

    private readonly WebApplication _app;

    private FakeTableApi(WebApplication app) => _app = app;

    public Dictionary<string, List<Dictionary<string, string>>> Tables { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<Fault> Faults { get; } = new();

    /// <summary>Every table request answered with a page: table and offset.</summary>
    public ConcurrentQueue<(string Table, int Offset)> Served { get; } = new();

    public ConcurrentQueue<string> TokenGrants { get; } = new();

    /// <summary>When set, every request for a page at or beyond this offset fails with 500 (an instance going down mid-pull).</summary>
    public int? FailFromOffset { get; set; }

    public bool LinkHeaders { get; set; } = true;

    /// <summary>Tables answered with 403 and an ACL message, as for a user without the role that reads them.</summary>
    public HashSet<string> Forbidden { get; } = new(StringComparer.Ordinal);

    /// <summary>When true, errors quote the request's Authorization header back (some proxies and scripted endpoints do).</summary>
    public bool EchoAuthorization { get; set; }

    /// <summary>When set, every Table API request is answered 307 to the same path on this base URL.</summary>
    public Uri? RedirectTo { get; set; }

    /// <summary>Every request received, as "METHOD path".</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeTableApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeTableApi(app);
        app.Use(async (context, next) =>
        {
            fake.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            if (fake.RedirectTo is { } target && (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/oauth_token.do")))
            {
                context.Response.StatusCode = 307;
                context.Response.Headers.Location = new Uri(target, context.Request.Path.Value!.TrimStart('/') + context.Request.QueryString).ToString();
                return;
            }

            await next(context);
        });
        app.MapPost("/oauth_token.do", fake.TokenAsync);
        app.MapGet("/api/now/table/{table}", fake.TableAsync);
        app.MapGet("/api/now/table/{table}/{sysId}", fake.RecordAsync);
        app.MapPost("/api/now/table/{table}", fake.InsertAsync);
        app.MapPut("/api/now/table/{table}/{sysId}", fake.UpdateAsync);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.First() + "/");
        return fake;
    }

    public void Add(string table, int count, Func<int, Dictionary<string, string>>? make = null)
    {
        var rows = Enumerable.Range(0, count).Select(i => make?.Invoke(i) ?? new Dictionary<string, string>
        {
            ["sys_id"] = $"{table}-{i:D6}", ["number"] = $"N{i:D7}", ["state"] = (1 + i % 3).ToString(),
        }).ToList();
        Tables[table] = rows;
    }

    private async Task TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var ok = form["client_id"] == ClientId && form["client_secret"] == ClientSecret
            && (form["grant_type"] == "client_credentials" || (form["grant_type"] == "password" && form["username"] == User && form["password"] == Password));
        if (!ok)
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new { error = "access_denied", error_description = "invalid client credentials" });
            return;
        }

        var token = $"token-{TokenGrants.Count + 1}";
        TokenGrants.Enqueue(form["grant_type"]!);
        await context.Response.WriteAsJsonAsync(new { access_token = token, token_type = "Bearer", expires_in = 1800, scope = "useraccount" });
    }

    private async Task TableAsync(HttpContext context, string table)
    {
        if (!Authorized(context.Request))
        {
            await Error(context, 401, "User Not Authenticated", "Required to provide Auth information");
            return;
        }

        if (Faults.TryDequeue(out var fault) && await FaultAsync(context, fault)) return;
        if (Forbidden.Contains(table))
        {
            var echo = EchoAuthorization ? $" for request with Authorization: {context.Request.Headers.Authorization}" : "";
            await Error(context, 403, "Operation Failed", $"ACL Exception Read not allowed on {table}{echo}");
            return;
        }

        if (!Tables.TryGetValue(table, out var rows))
        {
            await Error(context, 400, "Invalid table " + table, null);
            return;
        }

        var query = context.Request.Query;
        var limit = int.TryParse(query["sysparm_limit"], out var l) ? l : 10000;
        var offset = int.TryParse(query["sysparm_offset"], out var o) ? o : 0;
        if (FailFromOffset is { } from && offset >= from)
        {
            await Error(context, 500, "Internal server error", null);
            return;
        }

        Served.Enqueue((table, offset));
        var page = rows.Skip(offset).Take(limit).ToList();
        if (LinkHeaders)
        {
            var links = new List<string> { Link(context, table, 0, limit, "first") };
            if (offset + limit < rows.Count) links.Add(Link(context, table, offset + limit, limit, "next"));
            links.Add(Link(context, table, Math.Max(0, (rows.Count - 1) / limit * limit), limit, "last"));
            context.Response.Headers["Link"] = string.Join(",", links);
        }

        context.Response.Headers["X-Total-Count"] = rows.Count.ToString();
        context.Response.ContentType = "application/json;charset=UTF-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { result = page }));
    }

    /// <summary>Inserts and updates received, as "POST table sys_id" and "PUT table sys_id".</summary>
    public ConcurrentQueue<string> Writes { get; } = new();

    private async Task RecordAsync(HttpContext context, string table, string sysId)
    {
        if (EchoAuthorization)
        {
            await Error(context, 403, $"Insufficient rights, request carried {context.Request.Headers.Authorization}", null);
            return;
        }

        var row = Tables.GetValueOrDefault(table)?.Find(r => r.GetValueOrDefault("sys_id") == sysId);
        if (row is null)
        {
            await Error(context, 404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
            return;
        }

        await context.Response.WriteAsync(JsonSerializer.Serialize(new { result = new { sys_id = sysId } }));
    }

    private async Task InsertAsync(HttpContext context, string table)
    {
        if (!Authorized(context.Request))
        {
            await Error(context, 401, "User Not Authenticated", null);
            return;
        }

        var row = (await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(context.Request.Body))!;
        if (!Tables.TryGetValue(table, out var rows)) Tables[table] = rows = [];
        rows.Add(row);
        Writes.Enqueue($"POST {table} {row["sys_id"]}");
        context.Response.StatusCode = 201;
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { result = row }));
    }

    private async Task UpdateAsync(HttpContext context, string table, string sysId)
    {
        var row = (await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(context.Request.Body))!;
        var rows = Tables[table];
        rows[rows.FindIndex(r => r.GetValueOrDefault("sys_id") == sysId)] = row;
        Writes.Enqueue($"PUT {table} {sysId}");
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { result = row }));
    }

    private static string Link(HttpContext context, string table, int offset, int limit, string rel)
    {
        var q = context.Request.Query;
        var url = $"http://{context.Request.Host}/api/now/table/{table}?sysparm_query={Uri.EscapeDataString(q["sysparm_query"].ToString())}" +
            $"&sysparm_limit={limit}&sysparm_offset={offset}&sysparm_display_value={q["sysparm_display_value"]}";
        return $"<{url}>;rel=\"{rel}\"";
    }

    private static bool Authorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer token-", StringComparison.Ordinal)) return true;
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
        return header == basic;
    }

    private static async Task<bool> FaultAsync(HttpContext context, Fault fault)
    {
        switch (fault)
        {
            case Fault.TooManyRequests:
                context.Response.Headers.RetryAfter = "7";
                await Error(context, 429, "Rate limit exceeded", null);
                return true;
            case Fault.Unavailable:
                await Error(context, 503, "Service Unavailable", null);
                return true;
            case Fault.ServerError:
                await Error(context, 500, "Internal error", null);
                return true;
            case Fault.Unauthorized:
                await Error(context, 401, "User Not Authenticated", null);
                return true;
            case Fault.Forbidden:
                await Error(context, 403, "Operation Failed", "ACL Exception Read not allowed");
                return true;
            case Fault.Truncated:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"result\":[{\"sys_id\":\"a\"},{\"sys_i");
                return true;
            case Fault.Malformed:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"result\":[{\"sys_id\": nope}]}");
                return true;
            case Fault.Slow:
                await Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return true;
            case Fault.Deep:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"result\":[" + new string('[', 100_000) + new string(']', 100_000) + "]}");
                return true;
            case Fault.Html:
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body>Log in</body></html>");
                return true;
            default:
                return false;
        }
    }

    private static async Task Error(HttpContext context, int status, string message, string? detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { message, detail }, status = "failure" }));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
