namespace Plumb.Benchmarks;

using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>
/// A local server that answers <c>GET /api/now/table/sys_audit</c> like the Table API, generating each row from its index
/// (fixed seed, no rows held in memory) so the pull, not the server, decides Plumb's memory.
/// </summary>
public sealed class AuditServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AuditServer(WebApplication app, int rows)
    {
        _app = app;
        Rows = rows;
    }

    public int Rows { get; }

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<AuditServer> StartAsync(int rows)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new AuditServer(app, rows);
        app.MapGet("/api/now/table/{table}", server.PageAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.First() + "/");
        return server;
    }

    private async Task PageAsync(HttpContext context, string table)
    {
        var limit = int.Parse(context.Request.Query["sysparm_limit"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var offset = int.Parse(context.Request.Query["sysparm_offset"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var end = Math.Min(Rows, offset + limit);
        if (end < Rows)
        {
            var next = $"{BaseUrl}api/now/table/{table}?sysparm_query={Uri.EscapeDataString(context.Request.Query["sysparm_query"].ToString())}" +
                $"&sysparm_limit={limit}&sysparm_offset={end}&sysparm_display_value=false";
            context.Response.Headers["Link"] = $"<{next}>;rel=\"next\"";
        }

        context.Response.Headers["X-Total-Count"] = Rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json;charset=UTF-8";
        var body = new StringBuilder(256 * (end - offset) + 16);
        body.Append("{\"result\":[");
        for (var i = offset; i < end; i++)
        {
            if (i > offset) body.Append(',');
            var ticket = i / 12;
            body.Append("{\"sys_id\":\"").Append(i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture))
                .Append("\",\"documentkey\":\"").Append(ticket.ToString("x32", System.Globalization.CultureInfo.InvariantCulture))
                .Append("\",\"tablename\":\"incident\",\"fieldname\":\"").Append((i % 3) switch { 0 => "state", 1 => "assignment_group", _ => "priority" })
                .Append("\",\"oldvalue\":\"").Append(i % 7).Append("\",\"newvalue\":\"").Append((i + 1) % 7)
                .Append("\",\"sys_created_on\":\"2025-01-").Append((1 + i % 28).ToString("D2", System.Globalization.CultureInfo.InvariantCulture))
                .Append(" 10:").Append((i % 60).ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).Append(":00\",\"user\":\"agent.")
                .Append(i % 40).Append("\",\"record_checkpoint\":\"").Append(i % 12).Append("\",\"reason\":\"\"}");
        }

        body.Append("]}");
        await context.Response.WriteAsync(body.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
