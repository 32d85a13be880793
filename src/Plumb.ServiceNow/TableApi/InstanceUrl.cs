namespace Plumb.ServiceNow.TableApi;

using System.Net;

/// <summary>Checks the <c>--instance</c> base URL: https, or plain http only on a loopback address (local test servers).</summary>
public static class InstanceUrl
{
    /// <summary>The base URL with a trailing slash, or a <see cref="SnowException"/> saying what is wrong with it.</summary>
    public static Uri Parse(string text)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new SnowException($"--instance '{text}' is not an http(s) URL; give the instance base URL, e.g. https://acme.service-now.com");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            throw new SnowException($"--instance '{text}' uses plain http; credentials would travel unencrypted, so use https (http is only accepted on loopback)");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new SnowException("--instance must not carry a user name or password; use PLUMB_SNOW_USER/PLUMB_SNOW_PASSWORD or --credentials");
        }

        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        return new UriBuilder(uri.Scheme, uri.Host, uri.Port, path).Uri;
    }

    /// <summary>True when the URL names this machine (localhost or a loopback address).</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>True when <paramref name="link"/> points at the same scheme, host and port as the instance (so credentials may go there).</summary>
    public static bool SameOrigin(Uri instance, Uri link) =>
        link.IsAbsoluteUri && link.Scheme == instance.Scheme && string.Equals(link.Host, instance.Host, StringComparison.OrdinalIgnoreCase)
        && link.Port == instance.Port;
}
