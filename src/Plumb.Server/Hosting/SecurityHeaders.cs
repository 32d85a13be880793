namespace Plumb.Server.Hosting;

using Microsoft.Extensions.Options;

/// <summary>
/// Headers on every response: a strict Content-Security-Policy (every asset from Plumb itself) whose frame-ancestors
/// names only the origins configured, such as the organisation's ServiceNow instance.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<PlumbServerOptions> options)
{
    private readonly string _policy = Policy(options.Value.FrameAncestors, relaxed: false);
    private readonly string _docsPolicy = Policy(options.Value.FrameAncestors, relaxed: true);

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        // The interactive API reference page ships inline script; only that page gets it.
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api-docs", StringComparison.Ordinal) ? _docsPolicy : _policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    }

    public static string Policy(string? frameAncestors, bool relaxed)
    {
        var ancestors = string.IsNullOrWhiteSpace(frameAncestors) ? "'self'" : $"'self' {frameAncestors.Trim()}";
        var script = relaxed ? "'self' 'unsafe-inline'" : "'self'";
        var style = relaxed ? "'self' 'unsafe-inline'" : "'self'";
        return $"default-src 'self'; script-src {script}; style-src {style}; img-src 'self' data:; object-src 'none'; base-uri 'self'; " +
            $"form-action 'self'; frame-ancestors {ancestors}";
    }
}
