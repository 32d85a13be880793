namespace Plumb.Server.Portal;

/// <summary>
/// Which return addresses the sign-in page may send a browser to: paths on this site only, as ASP.NET Core's
/// <c>Url.IsLocalUrl</c> decides, and stricter. Browsers drop tabs and line breaks and read <c>\</c> as <c>/</c>, so
/// <c>/\t/evil.example/</c> or <c>/\evil.example</c> would leave the site; any control character or backslash is refused.
/// </summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || url[1] != '/')
        && !url.Contains('\\', StringComparison.Ordinal) && !HasControlCharacters(url);

    public static bool HasControlCharacters(string? url) => url is not null && url.Any(char.IsControl);
}
