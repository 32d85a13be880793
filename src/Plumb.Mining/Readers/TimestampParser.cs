namespace Plumb.Mining.Readers;

using System.Globalization;

/// <summary>
/// Parses event timestamps to UTC ticks: ISO 8601 (with <c>T</c> or a space, optional fraction and offset; no offset = UTC),
/// Unix seconds or milliseconds, a few day-first list-export forms, or one explicit .NET format.
/// </summary>
public sealed class TimestampParser
{
    private static readonly string[] ExportFormats =
    [
        "dd-MM-yyyy HH:mm:ss", "dd-MM-yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm",
        "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "dd-MM-yyyy", "dd/MM/yyyy",
    ];

    private readonly string? _format;

    /// <summary>A parser for one explicit format (<c>unix</c>, <c>unix-ms</c>, <c>iso</c> or a .NET format string), or automatic when null.</summary>
    public TimestampParser(string? format = null) => _format = string.IsNullOrWhiteSpace(format) ? null : format;

    /// <summary>Parses a timestamp to UTC ticks; false when the text is not a timestamp in the expected form.</summary>
    public bool TryParse(ReadOnlySpan<char> text, out long utcTicks)
    {
        text = text.Trim();
        utcTicks = 0;
        if (text.IsEmpty) return false;
        switch (_format)
        {
            case null:
                return TryIso(text, out utcTicks) || TryUnix(text, out utcTicks, null) || TryExport(text, out utcTicks)
                    || TryGeneral(text, out utcTicks);
            case "iso":
                return TryIso(text, out utcTicks) || TryGeneral(text, out utcTicks);
            case "unix":
                return TryUnix(text, out utcTicks, false);
            case "unix-ms":
                return TryUnix(text, out utcTicks, true);
            default:
                if (!DateTimeOffset.TryParseExact(text, _format, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)) return false;
                utcTicks = parsed.UtcTicks;
                return true;
        }
    }

    /// <summary>The fast path: <c>yyyy-MM-dd[T| ]HH:mm[:ss[.f+]][Z|±hh[:mm]]</c>.</summary>
    internal static bool TryIso(ReadOnlySpan<char> s, out long utcTicks)
    {
        // Every character of such a timestamp is ASCII: the text, narrowed to its bytes, reads as a CSV field's bytes do; a
        // text with any other character is none.
        utcTicks = 0;
        Span<byte> bytes = s.Length <= 128 ? stackalloc byte[s.Length] : new byte[s.Length];
        return System.Text.Ascii.FromUtf16(s, bytes, out _) == System.Buffers.OperationStatus.Done && TryIso(bytes, out utcTicks);
    }

    // On bytes only, not generic over the code unit: compiled ahead of time with the rest of the library, where a generic
    // method over CoreLib's number interfaces is not, and ran unoptimised for the first tenth of a second of every read.
    /// <summary>The fast path on the UTF-8 bytes of a field, as a CSV file holds them (the same form, all ASCII).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static bool TryIso(ReadOnlySpan<byte> s, out long utcTicks)
    {
        utcTicks = 0;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-') return false;
        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)) return false;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month)) return false;
        int hour = 0, minute = 0, second = 0;
        long fraction = 0;
        var i = 10;
        if (s.Length > 10)
        {
            if (s[10] is not ((byte)'T' or (byte)' ')) return false;
            if (s.Length < 16 || s[13] != ':' || !Digits(s, 11, 2, out hour) || !Digits(s, 14, 2, out minute)) return false;
            i = 16;
            if (i < s.Length && s[i] == ':')
            {
                if (s.Length < 19 || !Digits(s, 17, 2, out second)) return false;
                i = 19;
                if (i < s.Length && s[i] is (byte)'.' or (byte)',')
                {
                    i++;
                    var scale = 1_000_000L;
                    var start = i;
                    while (i < s.Length && IsDigit(s[i]))
                    {
                        if (scale > 0) fraction += (s[i] - '0') * scale;
                        scale /= 10;
                        i++;
                    }

                    if (i == start) return false;
                }
            }
        }

        if (hour > 23 || minute > 59 || second > 59) return false;
        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fraction;
        if (i == s.Length)
        {
            utcTicks = ticks;
            return true;
        }

        if (s[i] == 'Z' && i + 1 == s.Length)
        {
            utcTicks = ticks;
            return true;
        }

        if (s[i] is not ((byte)'+' or (byte)'-')) return false;
        var sign = s[i] == '+' ? 1 : -1;
        var rest = s[(i + 1)..];
        int offsetHours, offsetMinutes = 0;
        if (rest.Length == 2 && Digits(rest, 0, 2, out offsetHours)) { }
        else if (rest.Length == 5 && rest[2] == ':' && Digits(rest, 0, 2, out offsetHours) && Digits(rest, 3, 2, out offsetMinutes)) { }
        else if (rest.Length == 4 && Digits(rest, 0, 2, out offsetHours) && Digits(rest, 2, 2, out offsetMinutes)) { }
        else return false;
        utcTicks = ticks - (sign * ((offsetHours * 60L) + offsetMinutes) * TimeSpan.TicksPerMinute);
        return true;
    }

    internal static bool TryUnix(ReadOnlySpan<char> s, out long utcTicks, bool? milliseconds)
    {
        utcTicks = 0;
        if (!long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return false;

        // Without a stated unit, 13 digits (or more) are milliseconds and 9-10 digits are seconds; other numbers are no timestamp.
        var digits = s.TrimStart('-').Length;
        var ms = milliseconds ?? (digits >= 12 ? true : digits is >= 9 and <= 10 ? false : (bool?)null);
        if (ms is null) return false;
        try
        {
            utcTicks = (ms.Value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value)).UtcTicks;
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static bool TryExport(ReadOnlySpan<char> s, out long utcTicks)
    {
        utcTicks = 0;
        if (!DateTime.TryParseExact(s, ExportFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
            out var parsed)) return false;
        utcTicks = parsed.Ticks;
        return true;
    }

    internal static bool TryGeneral(ReadOnlySpan<char> s, out long utcTicks)
    {
        utcTicks = 0;
        if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return false;
        utcTicks = parsed.UtcTicks;
        return true;
    }

    private static bool IsDigit(byte unit) => (uint)(unit - '0') <= 9;

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length) return false;
        for (var i = start; i < start + count; i++)
        {
            var c = s[i] - '0';
            if ((uint)c > 9) return false;
            value = (value * 10) + c;
        }

        return true;
    }
}
