namespace Plumb.Mining.Readers;

/// <summary>
/// The markers that stand for "no value" in an export (<c>?</c> in the BPI Challenge logs, <c>NULL</c> from databases,
/// <c>(empty)</c> from ServiceNow lists) besides an empty field: a <c>?</c> assignment group is not a group.
/// </summary>
public sealed class MissingValues
{
    /// <summary>The markers known without being told.</summary>
    public static readonly IReadOnlyList<string> Defaults = ["?", "NULL", "(empty)", "(null)", "N/A"];

    private readonly string[] _markers;
    private readonly int _longest;

    /// <summary>The default markers and the given ones.</summary>
    public MissingValues(IEnumerable<string>? extra = null)
    {
        _markers = Defaults.Concat(extra ?? []).Select(m => m.Trim()).Where(m => m.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        _longest = _markers.Max(m => m.Length);
    }

    /// <summary>True when the (trimmed) field holds no value: empty or one of the markers, compared without case.</summary>
    public bool IsMissing(ReadOnlySpan<char> field)
    {
        field = field.Trim();
        if (field.IsEmpty) return true;

        // Most fields are longer than every marker: one comparison, on the hot path of reading.
        if (field.Length > _longest) return false;
        foreach (var marker in _markers)
        {
            if (field.Equals(marker, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }
}
