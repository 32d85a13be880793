namespace Plumb.Mining.EventLogs;

/// <summary>
/// A code per case (-1 = none) in one byte while every code is below 255, in two while below 65,535, else in four: a key of a
/// few values per case (a month, a group, a list of deviations) takes a quarter of an int array (185k cases: 0.2 MB, not 0.7),
/// and <c>plumb analyze</c> holds several at once. Setting a larger code widens the whole column once.
/// </summary>
public sealed class NarrowCodes
{
    // The narrow forms keep code + 1, so a new column is all -1; the int form keeps the code itself.
    private byte[]? _bytes;
    private ushort[]? _shorts;
    private int[]? _ints;

    /// <summary>A column of <paramref name="count"/> codes, every one -1.</summary>
    public NarrowCodes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _bytes = new byte[count];
        Count = count;
    }

    private NarrowCodes(int[] codes)
    {
        _ints = codes;
        Count = codes.Length;
    }

    /// <summary>The number of codes.</summary>
    public int Count { get; }

    /// <summary>Bytes per code now: 1, 2 or 4.</summary>
    public int Width => _bytes is not null ? 1 : _shorts is not null ? 2 : 4;

    /// <summary>The code at <paramref name="index"/>, or -1.</summary>
    public int this[int index]
    {
        get => _bytes is { } bytes ? bytes[index] - 1 : _shorts is { } shorts ? shorts[index] - 1 : _ints![index];
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, -1);
            if (_bytes is { } bytes && value < byte.MaxValue) bytes[index] = (byte)(value + 1);
            else if (_shorts is { } shorts && value < ushort.MaxValue) shorts[index] = (ushort)(value + 1);
            else if (_ints is { } ints) ints[index] = value;
            else
            {
                Widen(value);
                this[index] = value;
            }
        }
    }

    /// <summary>The codes of an int array that is kept as it is (a case attribute's own codes), not copied.</summary>
    public static NarrowCodes Of(int[] codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        return new NarrowCodes(codes);
    }

    /// <summary>Whether some code is -1.</summary>
    public bool HasNone()
    {
        if (_bytes is { } bytes) return bytes.AsSpan().IndexOf((byte)0) >= 0;
        if (_shorts is { } shorts) return shorts.AsSpan().IndexOf((ushort)0) >= 0;
        return _ints.AsSpan().IndexOf(-1) >= 0;
    }

    // To two bytes when the code fits them, else to four.
    private void Widen(int code)
    {
        if (_bytes is { } bytes && code < ushort.MaxValue)
        {
            _shorts = new ushort[Count];
            for (var i = 0; i < bytes.Length; i++) _shorts[i] = bytes[i];
        }
        else
        {
            _ints = new int[Count];
            for (var i = 0; i < Count; i++) _ints[i] = this[i];
            _shorts = null;
        }

        _bytes = null;
    }
}
