namespace Plumb.Mining.Kpis;

using System.Globalization;
using Plumb.Mining.EventLogs;

/// <summary>A field of every case as codes into a value table, with each value read as a number where it is one.</summary>
internal sealed class FieldColumn
{
    public FieldColumn(NarrowCodes codes, StringTable values)
    {
        Codes = codes;
        Values = values;
        Numbers = values.Values.Select(Number).ToArray();
    }

    /// <summary>Per case, the code of its value, or -1.</summary>
    public NarrowCodes Codes { get; }

    /// <summary>The values.</summary>
    public StringTable Values { get; }

    /// <summary>Per code, the value as a number, or null.</summary>
    public double?[] Numbers { get; }

    /// <summary>
    /// A value as a number: plain numbers, and ServiceNow choice labels such as "1 - Critical" by their leading number.
    /// </summary>
    public static double? Number(string text)
    {
        var span = text.AsSpan().Trim();
        var end = 0;
        while (end < span.Length && (char.IsAsciiDigit(span[end]) || span[end] == '.' || (span[end] == '-' && end == 0))) end++;
        if (end == 0) return null;
        if (end < span.Length && span[end] != ' ') return null;
        return double.TryParse(span[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
