namespace Plumb.ServiceNow.TableApi;

using System.Text;
using System.Text.RegularExpressions;

/// <summary>
/// Makes text an instance sent (an error message, a detail) safe to print: secrets removed, whatever an instance or a
/// proxy in front of it echoes back, control characters dropped and the length capped, so one line stays one line.
/// </summary>
public static partial class InstanceText
{
    /// <summary>The longest piece of instance text kept in a message.</summary>
    public const int MaxLength = 300;

    /// <summary>What stands in for a removed secret.</summary>
    public const string Redacted = "[redacted]";

    /// <summary>
    /// The text with every <paramref name="secrets"/> value and anything shaped like an <c>Authorization</c> header value
    /// (<c>Basic …</c>, <c>Bearer …</c>) replaced by <see cref="Redacted"/>.
    /// </summary>
    public static string Clean(string text, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets.Where(s => s.Length >= 3).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        text = AuthorizationValue().Replace(text, m => $"{m.Groups[1].Value} {Redacted}");
        var line = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
        foreach (var c in text)
        {
            if (line.Length > MaxLength) break;
            line.Append(char.IsControl(c) ? ' ' : c);
        }

        return line.Length > MaxLength ? line.ToString(0, MaxLength) + "…" : line.ToString();
    }

    [GeneratedRegex(@"\b(Basic|Bearer|Digest|Negotiate)\s+[A-Za-z0-9+/=._~-]{6,}", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationValue();
}
