namespace Plumb.ServiceNow.Snapshot;

using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>
/// Reads ServiceNow durations: stored values are date-times after 1970-01-01 (<c>1970-01-02 04:00:00</c> is 28 hours);
/// display values are words (<c>1 Day 4 Hours</c>).
/// </summary>
public static partial class GlideDuration
{
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The duration a stored or displayed value stands for, or null when it is empty or not a duration.</summary>
    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return at - Epoch;
        }

        var matches = Words().Matches(text);
        if (matches.Count == 0) return null;
        var total = TimeSpan.Zero;
        foreach (Match m in matches)
        {
            var n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            total += char.ToLowerInvariant(m.Groups[2].Value[0]) switch
            {
                'd' => TimeSpan.FromDays(n),
                'h' => TimeSpan.FromHours(n),
                'm' => TimeSpan.FromMinutes(n),
                _ => TimeSpan.FromSeconds(n),
            };
        }

        return total;
    }

    /// <summary>The stored form of a duration, as ServiceNow writes it.</summary>
    public static string Format(TimeSpan duration) =>
        (Epoch + duration).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A short human form: <c>8 h</c>, <c>2 d 4 h</c>, <c>30 min</c>.</summary>
    public static string Describe(TimeSpan duration)
    {
        var parts = new List<string>();
        if (duration.Days > 0) parts.Add($"{duration.Days} d");
        if (duration.Hours > 0) parts.Add($"{duration.Hours} h");
        if (duration.Minutes > 0) parts.Add($"{duration.Minutes} min");
        if (duration.Seconds > 0 || parts.Count == 0) parts.Add($"{duration.Seconds} s");
        return string.Join(" ", parts);
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*(days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|[dhms])\b", RegexOptions.IgnoreCase)]
    private static partial Regex Words();
}
