namespace Plumb.Mining.EventLogs;

using System.Text;

/// <summary>
/// Values kept end to end in one array with the offset of each, instead of a string each: 185k case ids of ten characters
/// take 2.6 MB here and 10.9 MB as strings and their list. One byte a character while every character is Latin-1 (ticket
/// numbers, case ids), two once one is not. A value becomes a string only when asked for.
/// </summary>
internal sealed class PackedStrings
{
    private byte[] _narrow = new byte[256];
    private char[]? _wide;
    private int[] _starts = new int[17];
    private int _length;

    public int Count { get; private set; }

    public int LengthOf(int index) => _starts[index + 1] - _starts[index];

    public string this[int index]
    {
        get
        {
            var (start, length) = (_starts[index], LengthOf(index));
            return _wide is null ? Encoding.Latin1.GetString(_narrow, start, length) : new string(_wide, start, length);
        }
    }

    public bool Equals(int index, ReadOnlySpan<char> value)
    {
        var (start, length) = (_starts[index], LengthOf(index));
        if (length != value.Length) return false;
        if (_wide is not null) return value.SequenceEqual(_wide.AsSpan(start, length));
        var stored = _narrow.AsSpan(start, length);
        for (var i = 0; i < stored.Length; i++)
        {
            if (stored[i] != value[i]) return false;
        }

        return true;
    }

    /// <summary>Writes a value's characters into <paramref name="destination"/>, which holds at least <see cref="LengthOf"/> of them.</summary>
    public ReadOnlySpan<char> CopyTo(int index, Span<char> destination)
    {
        var (start, length) = (_starts[index], LengthOf(index));
        var chars = destination[..length];
        if (_wide is not null) _wide.AsSpan(start, length).CopyTo(chars);
        else Encoding.Latin1.GetChars(_narrow.AsSpan(start, length), chars);
        return chars;
    }

    public void Add(ReadOnlySpan<char> value)
    {
        if (Count + 2 > _starts.Length) Array.Resize(ref _starts, _starts.Length * 2);
        if (_wide is null && !IsLatin1(value)) Widen();
        var needed = _length + value.Length;
        if (_wide is not null)
        {
            if (needed > _wide.Length) Array.Resize(ref _wide, Math.Max(needed, _wide.Length * 2));
            value.CopyTo(_wide.AsSpan(_length));
        }
        else
        {
            if (needed > _narrow.Length) Array.Resize(ref _narrow, Math.Max(needed, _narrow.Length * 2));
            var to = _narrow.AsSpan(_length, value.Length);
            for (var i = 0; i < value.Length; i++) to[i] = (byte)value[i];
        }

        _length = needed;
        _starts[++Count] = _length;
    }

    public void RemoveLast()
    {
        Count--;
        _length = _starts[Count];
    }

    // A loop, not ContainsAnyExceptInRange: for char that boxes its bounds on every call.
    private static bool IsLatin1(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c > '\u00FF') return false;
        }

        return true;
    }

    private void Widen()
    {
        _wide = new char[Math.Max(_narrow.Length, 16)];
        Encoding.Latin1.GetChars(_narrow.AsSpan(0, _length), _wide);
        _narrow = [];
    }
}
