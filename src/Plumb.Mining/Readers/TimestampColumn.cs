namespace Plumb.Mining.Readers;

using System.Globalization;

/// <summary>
/// Reads one timestamp column one way: the first value fixes the form (ISO 8601, Unix seconds or milliseconds, a numeric date
/// such as <c>13/02/2016 9:05</c>, or a general form), and a numeric date's order (day-first or month-first) is inferred from
/// all values of the column. Until a value settles the order, dates are read day-first and the ambiguous ones are remembered;
/// if the column turns out month-first, their day and month are swapped at the end. A column whose every date reads both
/// ways, or that has dates that read only one way and others only the other, is refused with the candidate formats named.
/// </summary>
public sealed class TimestampColumn
{
    private enum Form { Unknown, Iso, UnixSeconds, UnixMilliseconds, Numeric, General }

    private readonly TimestampParser? _explicit;
    private readonly List<int> _ambiguous = [];
    private Form _form;
    private char _separator;
    private bool _yearFirst;
    private (int Line, string Text)? _dayFirstOnly, _monthFirstOnly, _firstAmbiguous;
    private string? _shape;

    /// <summary>A column read with an explicit format (see <see cref="TimestampParser"/>), or inferred when the format is null.</summary>
    public TimestampColumn(string? format = null)
    {
        if (!string.IsNullOrWhiteSpace(format)) _explicit = new TimestampParser(format);
    }

    /// <summary>The form the column was found in, for messages ("ISO 8601", "dd/MM/yyyy HH:mm"); null before the first value.</summary>
    public string? FormName => _form switch
    {
        Form.Iso => "ISO 8601",
        Form.UnixSeconds => "Unix seconds",
        Form.UnixMilliseconds => "Unix milliseconds",
        Form.Numeric => _shape,
        Form.General => "a general date form",
        _ => null,
    };

    /// <summary>
    /// Parses the value of event <paramref name="eventIndex"/> (the order events are added) on <paramref name="line"/>; false
    /// when it is not a timestamp in the column's form.
    /// </summary>
    public bool TryParse(ReadOnlySpan<char> text, int line, int eventIndex, out long utcTicks)
    {
        text = text.Trim();
        if (_explicit is not null) return _explicit.TryParse(text, out utcTicks);
        utcTicks = 0;
        if (text.IsEmpty) return false;
        if (_form == Form.Unknown) _form = FormOf(text);
        switch (_form)
        {
            case Form.Iso:
                return TimestampParser.TryIso(text, out utcTicks);
            case Form.UnixSeconds:
            case Form.UnixMilliseconds:
                return TimestampParser.TryUnix(text, out utcTicks, _form == Form.UnixMilliseconds);
            case Form.Numeric:
                return TryNumeric(text, line, eventIndex, out utcTicks);
            case Form.General:
                return TimestampParser.TryGeneral(text, out utcTicks);
            default:
                return false;
        }
    }

    /// <summary>
    /// The fast path on a field's UTF-8 bytes once the column is known to be ISO 8601 (no explicit format): true with the ticks
    /// when the bytes, without surrounding ASCII white space, are such a timestamp; false sends the caller to
    /// <see cref="TryParse"/> on the text, which gives the same answer and names the problem.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal bool TryParseIso(ReadOnlySpan<byte> utf8, out long utcTicks)
    {
        utcTicks = 0;
        if (_explicit is not null || _form != Form.Iso) return false;
        return TimestampParser.TryIso(utf8.Trim(" \t\r\n\v\f"u8), out utcTicks);
    }

    /// <summary>
    /// Settles the column once every value was read: swaps day and month of the remembered events when the column is
    /// month-first (through <paramref name="rewrite"/>), or returns the line and message that refuse the column.
    /// </summary>
    public (int Line, string Message)? Finish(Action<IEnumerable<int>, Func<long, long>> rewrite)
    {
        if (_form != Form.Numeric || _yearFirst) return null;
        var dayFirst = _shape!;
        var monthFirst = MonthFirst(dayFirst);
        if (_dayFirstOnly is { } d && _monthFirstOnly is { } m)
        {
            return (m.Line, $"dates read both ways in one column: '{d.Text}' (line {d.Line}) is only {dayFirst} and '{m.Text}' is only {monthFirst}");
        }

        if (_monthFirstOnly is not null)
        {
            rewrite(_ambiguous, SwapDayAndMonth);
            _shape = monthFirst;
            return null;
        }

        if (_dayFirstOnly is null && _firstAmbiguous is { } a)
        {
            return (a.Line, $"every date reads both as {dayFirst} and as {monthFirst} ('{a.Text}'); name the format with --timestamp-format");
        }

        return null;
    }

    /// <summary>
    /// Whether a column read from a later part of the same file found the same form as this one (or no value yet), so that
    /// <see cref="Append"/> gives what one pass over both would.
    /// </summary>
    internal bool SameFormAs(TimestampColumn first) =>
        _form == Form.Unknown || first._form == Form.Unknown
        || (_form == first._form && (_form != Form.Numeric || _shape is null || first._shape is null
            || (_separator == first._separator && _yearFirst == first._yearFirst)));

    /// <summary>
    /// Takes over what a column of the next part of the file learnt (its events numbered from <paramref name="eventOffset"/>):
    /// the first dates that read only one way or both ways, and the ambiguous events to swap if the column is month-first.
    /// </summary>
    internal void Append(TimestampColumn next, int eventOffset)
    {
        if (_form == Form.Unknown)
        {
            (_form, _separator, _yearFirst, _shape) = (next._form, next._separator, next._yearFirst, next._shape);
        }
        else if (_form == Form.Numeric && _shape is null)
        {
            (_separator, _yearFirst, _shape) = (next._separator, next._yearFirst, next._shape);
        }

        foreach (var e in next._ambiguous) _ambiguous.Add(e + eventOffset);
        _dayFirstOnly ??= next._dayFirstOnly;
        _monthFirstOnly ??= next._monthFirstOnly;
        _firstAmbiguous ??= next._firstAmbiguous;
    }

    private static Form FormOf(ReadOnlySpan<char> text)
    {
        if (TimestampParser.TryIso(text, out _)) return Form.Iso;
        var digits = text.TrimStart('-');
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            // 13 digits (or more) are milliseconds, 9-10 digits seconds; other numbers are read (and refused) as general text.
            return digits.Length >= 12 ? Form.UnixMilliseconds : digits.Length is >= 9 and <= 10 ? Form.UnixSeconds : Form.General;
        }

        return NumericParts(text, out _) is not null ? Form.Numeric : Form.General;
    }

    private bool TryNumeric(ReadOnlySpan<char> text, int line, int eventIndex, out long utcTicks)
    {
        utcTicks = 0;
        if (NumericParts(text, out var separator) is not { } p) return false;
        if (_shape is null)
        {
            _separator = separator;
            _yearFirst = p.YearFirst;
            _shape = Describe(text, p);
        }
        else if (separator != _separator || p.YearFirst != _yearFirst)
        {
            return false;
        }

        if (p.YearFirst) return Ticks(p.Year, p.B, p.C, p, out utcTicks);
        var dayFirst = Ticks(p.Year, p.B, p.A, p, out var dayFirstTicks);
        var monthFirst = Ticks(p.Year, p.A, p.B, p, out var monthFirstTicks);
        if (dayFirst && monthFirst && p.A != p.B)
        {
            _ambiguous.Add(eventIndex);
            _firstAmbiguous ??= (line, text.ToString());
        }
        else if (dayFirst && !monthFirst)
        {
            _dayFirstOnly ??= (line, text.ToString());
        }
        else if (monthFirst && !dayFirst)
        {
            _monthFirstOnly ??= (line, text.ToString());
            utcTicks = monthFirstTicks;
            return true;
        }

        utcTicks = dayFirstTicks;
        return dayFirst;
    }

    private static bool Ticks(int year, int month, int day, Parts p, out long ticks)
    {
        ticks = 0;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        ticks = new DateTime(year, month, day, p.Hour, p.Minute, p.Second, DateTimeKind.Utc).Ticks + p.Fraction;
        return true;
    }

    private static long SwapDayAndMonth(long ticks)
    {
        var t = new DateTime(ticks, DateTimeKind.Utc);
        return new DateTime(t.Year, t.Day, t.Month, 0, 0, 0, DateTimeKind.Utc).Ticks + t.TimeOfDay.Ticks;
    }

    private readonly record struct Parts(int A, int B, int C, int Year, bool YearFirst, int Hour, int Minute, int Second, long Fraction,
        int ADigits, int BDigits, int HourDigits, bool HasSeconds, bool HasMinutes, bool Meridiem);

    // d/M/yyyy, dd-MM-yyyy, dd.MM.yyyy or yyyy/MM/dd, then optionally H:mm[:ss[.fff]] and AM/PM.
    private static Parts? NumericParts(ReadOnlySpan<char> s, out char separator)
    {
        separator = '\0';
        var i = 0;
        if (!Number(s, ref i, 4, out var a, out var aDigits) || i >= s.Length || s[i] is not ('/' or '-' or '.')) return null;
        separator = s[i++];
        if (!Number(s, ref i, 2, out var b, out var bDigits) || i >= s.Length || s[i] != separator) return null;
        i++;
        if (!Number(s, ref i, 4, out var c, out var cDigits)) return null;
        var yearFirst = aDigits == 4;
        if (yearFirst ? bDigits > 2 || cDigits > 2 : aDigits > 2 || cDigits != 4) return null;
        int hour = 0, minute = 0, second = 0, hourDigits = 0;
        long fraction = 0;
        bool hasMinutes = false, hasSeconds = false, meridiem = false;
        if (i < s.Length)
        {
            if (s[i] is not (' ' or 'T')) return null;
            while (i < s.Length && s[i] is ' ' or 'T') i++;
            if (!Number(s, ref i, 2, out hour, out hourDigits) || i >= s.Length || s[i] != ':') return null;
            i++;
            if (!Number(s, ref i, 2, out minute, out var minuteDigits) || minuteDigits != 2) return null;
            hasMinutes = true;
            if (i < s.Length && s[i] == ':')
            {
                i++;
                if (!Number(s, ref i, 2, out second, out var secondDigits) || secondDigits != 2) return null;
                hasSeconds = true;
                if (i < s.Length && s[i] is '.' or ',')
                {
                    i++;
                    var scale = 1_000_000L;
                    var start = i;
                    while (i < s.Length && char.IsAsciiDigit(s[i]))
                    {
                        fraction += (s[i] - '0') * scale;
                        scale /= 10;
                        i++;
                    }

                    if (i == start) return null;
                }
            }

            var rest = s[i..].Trim();
            if (rest.Equals("PM", StringComparison.OrdinalIgnoreCase) || rest.Equals("AM", StringComparison.OrdinalIgnoreCase))
            {
                if (hour is < 1 or > 12) return null;
                meridiem = true;
                hour = (hour % 12) + (rest[0] is 'P' or 'p' ? 12 : 0);
            }
            else if (!rest.IsEmpty)
            {
                return null;
            }
        }

        if (hour > 23 || minute > 59 || second > 59) return null;
        return new Parts(a, b, c, yearFirst ? a : c, yearFirst, hour, minute, second, fraction, aDigits, bDigits, hourDigits,
            hasSeconds, hasMinutes, meridiem);
    }

    private static bool Number(ReadOnlySpan<char> s, ref int i, int maxDigits, out int value, out int digits)
    {
        value = 0;
        digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]) && digits < maxDigits)
        {
            value = (value * 10) + (s[i++] - '0');
            digits++;
        }

        return digits > 0 && (i >= s.Length || !char.IsAsciiDigit(s[i]));
    }

    // The day-first .NET format of the first value ("d/M/yyyy H:mm", "dd-MM-yyyy HH:mm:ss"), as --timestamp-format takes it.
    private static string Describe(ReadOnlySpan<char> text, Parts p)
    {
        var sep = text[p.ADigits].ToString();
        string date;
        if (p.YearFirst)
        {
            date = $"yyyy{sep}MM{sep}dd";
        }
        else
        {
            date = (p.ADigits == 1 ? "d" : "dd") + sep + (p.BDigits == 1 ? "M" : "MM") + sep + "yyyy";
        }

        if (!p.HasMinutes) return date;
        var hour = p.Meridiem ? (p.HourDigits == 1 ? "h" : "hh") : p.HourDigits == 1 ? "H" : "HH";
        return date + " " + hour + ":mm" + (p.HasSeconds ? ":ss" : "") + (p.Meridiem ? " tt" : "");
    }

    // "d/M/yyyy H:mm" → "M/d/yyyy H:mm": the same digits, read month-first.
    private static string MonthFirst(string dayFirst)
    {
        var date = dayFirst.Split(' ')[0];
        var sep = date[date.IndexOf('y') - 1];
        var parts = date.Split(sep);
        var swapped = string.Join(sep, parts[0].Replace('d', 'M'), parts[1].Replace('M', 'd'), parts[2]);
        return swapped + dayFirst[date.Length..];
    }
}
