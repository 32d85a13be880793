namespace Plumb.ServiceNow.Simulator;

using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Plumb.ServiceNow.TableApi;

/// <summary>
/// Serves a <see cref="SimulatedInstance"/> through ServiceNow's Table API on a loopback address:
/// <c>GET /api/now/table/{table}</c> (also <c>/api/now/v1/…</c> and <c>/api/now/v2/…</c>) with <c>sysparm_query</c>,
/// <c>sysparm_fields</c>, <c>sysparm_limit</c>/<c>sysparm_offset</c>, <c>sysparm_display_value</c>, the <c>Link</c>
/// (first, prev, next, last) and <c>X-Total-Count</c> headers; single records, inserts and updates; basic auth and
/// OAuth (<c>POST /oauth_token.do</c>, client credentials and password grants); a per-principal rate limit answered with
/// 429, <c>Retry-After</c> and the <c>X-RateLimit-*</c> headers; and <c>POST /api/x_plumb/simulator/tickets</c>,
/// which runs a step of the <see cref="TicketFeed"/>.
/// </summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    /// <summary>The path of the endpoint that adds tickets.</summary>
    public const string FeedPath = "api/x_plumb/simulator/tickets";

    private readonly WebApplication _app;
    private readonly SimulatedInstance _instance;
    private readonly SimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly RateLimitRule? _rate;
    private readonly ConcurrentDictionary<string, (string Principal, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);
    // The last results of (table, query), so paging through a large table filters and sorts it once, not once per page.
    private readonly ConcurrentDictionary<(string Table, string Query), (long Generation, List<IReadOnlyDictionary<string, string>> Rows)> _results = new();
    private long _requests;
    private long _refused;

    private SimulatorServer(WebApplication app, SimulatedInstance instance, SimulatorOptions options, TicketFeed? feed, TimeProvider time)
    {
        _app = app;
        _instance = instance;
        _options = options;
        Feed = feed;
        _time = time;
        if (options.RateLimit is { } limit) _rate = new RateLimitRule(limit, options.RateWindow, time);
    }

    /// <summary>The base URL served, with a trailing slash (e.g. <c>http://127.0.0.1:8091/</c>).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Cancelled when the host stops (on Ctrl+C or SIGTERM, which its console lifetime handles).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>The feed run by the tickets endpoint, when the instance has one.</summary>
    public TicketFeed? Feed { get; }

    /// <summary>Table API requests answered (rate-limited ones included).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests refused with 429.</summary>
    public long RateLimited => Interlocked.Read(ref _refused);

    /// <summary>Starts serving on <paramref name="url"/>, which must be a loopback http URL (port 0 picks a free port).</summary>
    public static async Task<SimulatorServer> StartAsync(SimulatedInstance instance, SimulatorOptions options, string url, TicketFeed? feed = null,
        TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || !InstanceUrl.IsLoopback(uri))
        {
            throw new ArgumentException($"'{url}' is not a loopback http URL (such as http://127.0.0.1:8091); the simulator serves this machine only", nameof(url));
        }

        if ((options.User is null) != (options.Password is null) || (options.ClientId is null) != (options.ClientSecret is null))
        {
            throw new ArgumentException("a user needs a password, and an OAuth client id needs a secret", nameof(options));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var server = new SimulatorServer(app, instance, options, feed, time ?? TimeProvider.System);
        app.MapPost("/oauth_token.do", server.TokenAsync);
        foreach (var prefix in new[] { "/api/now/table", "/api/now/v1/table", "/api/now/v2/table" })
        {
            app.MapGet(prefix + "/{table}", server.ListAsync);
            app.MapGet(prefix + "/{table}/{sysId}", server.RecordAsync);
            app.MapPost(prefix + "/{table}", server.InsertAsync);
            app.MapPut(prefix + "/{table}/{sysId}", server.UpdateAsync);
            app.MapPatch(prefix + "/{table}/{sysId}", server.UpdateAsync);
        }

        app.MapPost("/" + FeedPath, server.FeedAsync);
        await app.StartAsync(cancellationToken);
        server.BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    private async Task ListAsync(HttpContext context, string table)
    {
        if (!await AdmitAsync(context)) return;
        var request = context.Request.Query;
        EncodedQuery query;
        try
        {
            query = EncodedQuery.Parse(request["sysparm_query"]);
        }
        catch (FormatException e)
        {
            await ErrorAsync(context, 400, "Invalid query", e.Message);
            return;
        }

        var limit = int.TryParse(request["sysparm_limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? Math.Min(l, _options.MaxPageSize) : _options.MaxPageSize;
        var offset = int.TryParse(request["sysparm_offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        var selected = Select(table, request["sysparm_query"].ToString(), query, offset, limit);
        if (selected is not { } found)
        {
            await ErrorAsync(context, 400, $"Invalid table {table}", null);
            return;
        }

        var (page, total) = found;

        var links = Links(context, total, offset, limit);
        if (links.Length > 0) context.Response.Headers["Link"] = links;
        context.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        await WriteAsync(context, 200, json =>
        {
            json.WriteStartArray("result");
            foreach (var row in page) WriteRecord(json, table, row, request["sysparm_fields"], request["sysparm_display_value"]);
            json.WriteEndArray();
        });
    }

    // A first page (a keyset query's every page) is sorted partially and not kept; paging on by offset sorts the result once and keeps it.
    private (List<IReadOnlyDictionary<string, string>> Page, int Total)? Select(string table, string text, EncodedQuery query, int offset, int limit)
    {
        var generation = _instance.Generation;
        if (_results.TryGetValue((table, text), out var cached) && cached.Generation == generation)
        {
            return ([.. cached.Rows.Skip(offset).Take(limit)], cached.Rows.Count);
        }

        if (offset == 0) return _instance.Page(table, query, 0, limit);
        var rows = _instance.Select(table, query);
        if (rows is null) return null;
        if (_results.Count >= 64) _results.Clear();
        _results[(table, text)] = (generation, rows);
        return ([.. rows.Skip(offset).Take(limit)], rows.Count);
    }

    private async Task RecordAsync(HttpContext context, string table, string sysId)
    {
        if (!await AdmitAsync(context)) return;
        if (_instance.Find(table, sysId) is not { } row)
        {
            await ErrorAsync(context, 404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
            return;
        }

        await WriteAsync(context, 200, json =>
        {
            json.WritePropertyName("result");
            WriteRecord(json, table, row, context.Request.Query["sysparm_fields"], context.Request.Query["sysparm_display_value"]);
        });
    }

    private async Task InsertAsync(HttpContext context, string table)
    {
        if (!await AdmitAsync(context)) return;
        if (await ReadFieldsAsync(context) is not { } fields) return;
        var row = _instance.Insert(table, fields, _time.GetUtcNow().UtcDateTime);
        await WriteAsync(context, 201, json =>
        {
            json.WritePropertyName("result");
            WriteRecord(json, table, row, default, default);
        });
    }

    private async Task UpdateAsync(HttpContext context, string table, string sysId)
    {
        if (!await AdmitAsync(context)) return;
        if (await ReadFieldsAsync(context) is not { } fields) return;
        if (_instance.Update(table, sysId, fields, _time.GetUtcNow().UtcDateTime) is not { } row)
        {
            await ErrorAsync(context, 404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
            return;
        }

        await WriteAsync(context, 200, json =>
        {
            json.WritePropertyName("result");
            WriteRecord(json, table, row, default, default);
        });
    }

    // Not rate-limited: it drives the simulation rather than reading the instance.
    private async Task FeedAsync(HttpContext context)
    {
        if (Principal(context.Request) is null)
        {
            await UnauthorizedAsync(context);
            return;
        }

        if (Feed is null)
        {
            await ErrorAsync(context, 400, "No ticket feed", "the simulator was started without a handbook, so it cannot open tickets");
            return;
        }

        var text = context.Request.Query["open"].ToString();
        var open = 1;
        if (text.Length > 0 && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out open) || open > 10000))
        {
            await ErrorAsync(context, 400, "Invalid open", $"open={text}: expected a whole number of tickets per table, 0 to 10000");
            return;
        }

        var step = Feed.Advance(open, _time.GetUtcNow().UtcDateTime);
        await WriteAsync(context, 200, json =>
        {
            json.WriteStartObject("result");
            json.WriteNumber("opened", step.Opened);
            json.WriteNumber("advanced", step.Advanced);
            json.WriteNumber("closed", step.Closed);
            json.WriteNumber("audits", step.Audits);
            json.WriteNumber("open", Feed.OpenTickets);
            json.WriteEndObject();
        });
    }

    private async Task TokenAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            await TokenErrorAsync(context, 400, "invalid_request", "expected an application/x-www-form-urlencoded body");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var client = _options.ClientId is not null && Same(form["client_id"], _options.ClientId) && Same(form["client_secret"], _options.ClientSecret!);
        var grant = form["grant_type"].ToString();
        var user = grant == "password" && _options.User is not null && Same(form["username"], _options.User) && Same(form["password"], _options.Password!);
        if (!client || grant is not ("client_credentials" or "password") || (grant == "password" && !user))
        {
            // The instance answers a refused grant with 401 and no detail of which part was wrong.
            await TokenErrorAsync(context, 401, "server_error", "access_denied");
            return;
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        _tokens[token] = (grant == "password" ? _options.User! : _options.ClientId!, _time.GetUtcNow() + _options.TokenLifetime);
        await WriteAsync(context, 200, json =>
        {
            json.WriteString("access_token", token);
            json.WriteString("scope", "useraccount");
            json.WriteString("token_type", "Bearer");
            json.WriteNumber("expires_in", (int)_options.TokenLifetime.TotalSeconds - 1);
        });
    }

    // Signs the request in and counts it against the rate limit; answers 401 or 429 itself and returns false.
    private async Task<bool> AdmitAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (Principal(context.Request) is not { } principal)
        {
            await UnauthorizedAsync(context);
            return false;
        }

        if (_rate is null) return true;
        var (allowed, reset) = _rate.Count(principal);
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = _rate.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Rule"] = RateLimitRule.RuleId;
        if (allowed) return true;
        Interlocked.Increment(ref _refused);
        var wait = Math.Max(1, (int)Math.Ceiling((reset - _time.GetUtcNow()).TotalSeconds));
        headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
        await ErrorAsync(context, 429, "REST API rate limit exceeded",
            $"{principal} made more than {_rate.Limit} requests in {_options.RateWindow.TotalMinutes:0} minute(s); retry after {wait} s");
        return false;
    }

    // The user or OAuth client a request is signed in as, or null.
    private string? Principal(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            if (!_tokens.TryGetValue(header["Bearer ".Length..].Trim(), out var token)) return null;
            return token.Expires > _time.GetUtcNow() ? token.Principal : null;
        }

        if (!header.StartsWith("Basic ", StringComparison.Ordinal) || _options.User is null) return null;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Same(decoded[..colon], _options.User) && Same(decoded[(colon + 1)..], _options.Password!) ? _options.User : null;
    }

    private static bool Same(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    // first and last always, prev and next when there are such pages; no header when everything fits on one page.
    private static string Links(HttpContext context, int total, int offset, int limit)
    {
        if (offset == 0 && total <= limit) return "";
        var links = new List<string> { Link(context, 0, limit, "first") };
        if (offset > 0) links.Add(Link(context, Math.Max(0, offset - limit), limit, "prev"));
        if (offset + limit < total) links.Add(Link(context, offset + limit, limit, "next"));
        links.Add(Link(context, Math.Max(0, (total - 1) / limit * limit), limit, "last"));
        return string.Join(",", links);
    }

    private static string Link(HttpContext context, int offset, int limit, string rel)
    {
        var request = context.Request;
        var parts = request.Query.Where(q => q.Key is not ("sysparm_offset" or "sysparm_limit"))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"sysparm_offset={offset}").Append($"sysparm_limit={limit}");
        return $"<{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{string.Join("&", parts)}>;rel=\"{rel}\"";
    }

    private void WriteRecord(Utf8JsonWriter json, string table, IReadOnlyDictionary<string, string> row, Microsoft.Extensions.Primitives.StringValues fields,
        Microsoft.Extensions.Primitives.StringValues displayValue, bool named = true)
    {
        var mode = displayValue.ToString() is "true" or "all" ? displayValue.ToString() : "false";
        var wanted = fields.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        json.WriteStartObject();
        IEnumerable<string> names = wanted.Length > 0 ? wanted.Where(row.ContainsKey) : row.Keys;
        foreach (var name in names)
        {
            var value = row[name];
            if (mode == "false")
            {
                json.WriteString(name, value);
                continue;
            }

            var label = ChoiceLabel(table, name, value) ?? value;
            if (mode == "true")
            {
                json.WriteString(name, label);
                continue;
            }

            json.WriteStartObject(name);
            json.WriteString("display_value", label);
            json.WriteString("value", value);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    // The label of a choice value: the table's own choice, else the task table's (the state choices children inherit).
    private string? ChoiceLabel(string table, string field, string value)
    {
        if (value.Length == 0 || !_instance.HasTable("sys_choice")) return null;
        foreach (var name in new[] { table, "task" })
        {
            var choice = _instance.Select("sys_choice", EncodedQuery.Parse($"name={name}^element={field}^value={value}"));
            if (choice is { Count: > 0 }) return choice[0].GetValueOrDefault("label");
        }

        return null;
    }

    private static async Task<Dictionary<string, string>?> ReadFieldsAsync(HttpContext context)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("expected a JSON object of field values");
            return document.RootElement.EnumerateObject().ToDictionary(p => p.Name,
                p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.ToString(), StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            await ErrorAsync(context, 400, "Exception while reading request", e.Message);
            return null;
        }
    }

    private static Task UnauthorizedAsync(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "BASIC realm=\"Service-now\"";
        return ErrorAsync(context, 401, "User Not Authenticated", "Required to provide Auth information");
    }

    private static Task ErrorAsync(HttpContext context, int status, string message, string? detail) => WriteAsync(context, status, json =>
    {
        json.WriteStartObject("error");
        json.WriteString("message", message);
        if (detail is null) json.WriteNull("detail");
        else json.WriteString("detail", detail);
        json.WriteEndObject();
        json.WriteString("status", "failure");
    });

    private static Task TokenErrorAsync(HttpContext context, int status, string error, string description) => WriteAsync(context, status, json =>
    {
        json.WriteString("error_description", description);
        json.WriteString("error", error);
    });

    private static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        body(json);
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
