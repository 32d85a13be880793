namespace Plumb.Server.Hosting;

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

/// <summary>
/// Behind a TLS-terminating reverse proxy: believe <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c> from the configured
/// proxies only, so cookies are marked Secure when the browser spoke HTTPS and rate limits count the real client.
/// </summary>
public static class ProxyHeaders
{
    /// <summary>The forwarded-headers options for <paramref name="trustedProxies"/>; null when none is configured.</summary>
    public static ForwardedHeadersOptions? Options(string? trustedProxies)
    {
        var entries = (trustedProxies ?? "").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0) return null;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in entries)
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network)) options.KnownIPNetworks.Add(network);
            else if (IPAddress.TryParse(entry, out var address)) options.KnownProxies.Add(address);
            else throw new InvalidOperationException($"the trusted proxy '{entry}' is neither an address (10.0.0.5) nor a network (10.0.0.0/8)");
        }

        return options;
    }
}
