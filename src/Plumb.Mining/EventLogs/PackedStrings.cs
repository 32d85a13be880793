namespace Plumb.Mining.EventLogs;

using System.Text;

/// <summary>
/// Values kept end to end in chunks with the start of each, instead of a string each: 185k case ids of ten characters take
/// 2.6 MB here and 10.9 MB as strings and their list. One byte a character while every character is Latin-1 (ticket numbers,
/// case ids), two once one is not. Chunks of a fixed size (a longer value gets one of its own) grow without copying and stay
/// off the large object heap, so a table read in parts leaves no doubled arrays behind. A value becomes a string only when asked for.
/// </summary>
internal sealed class PackedStrings
{
    // A start is its chunk << Shift | its offset in the chunk; a chunk of its own (a long value) holds one value, at 0.
    private const int Shift = 15;
    private const int ChunkSize = 1 << Shift;
    private const int StartShift = 14;
    private readonly List<byte[]> _narrow = [];
    private List<char[]>? _wide;
    private readonly List<int> _used = [];
    private readonly List<int[]> _starts = [];

    public int Count { get; private set; }

    public int LengthOf(int index)
    {
        var start = StartOf(index);
        var chunk = start >> Shift;
        var end = index + 1 < Count && StartOf(index + 1) >> Shift == chunk ? StartOf(index + 1) & (ChunkSize - 1) : _used[chunk];
        return end - (start & (ChunkSize - 1));
    }

    public string this[int index]
    {
        get
        {
            var (chunk, offset, length) = Locate(index);
            return _wide is null ? Encoding.Latin1.GetString(_narrow[chunk], offset, length) : new string(_wide[chunk], offset, length);
        }
    }

    public bool Equals(int index, ReadOnlySpan<char> value)
    {
        var (chunk, offset, length) = Locate(index);
        if (length != value.Length) return false;
        if (_wide is not null) return value.SequenceEqual(_wide[chunk].AsSpan(offset, length));
        var stored = _narrow[chunk].AsSpan(offset, length);
        for (var i = 0; i < stored.Length; i++)
        {
            if (stored[i] != value[i]) return false;
        }

        return true;
    }

    /// <summary>Writes a value's characters into <paramref name="destination"/>, which holds at least <see cref="LengthOf"/> of them.</summary>
    public ReadOnlySpan<char> CopyTo(int index, Span<char> destination)
    {
        var (chunk, offset, length) = Locate(index);
        var chars = destination[..length];
        if (_wide is not null) _wide[chunk].AsSpan(offset, length).CopyTo(chars);
        else Encoding.Latin1.GetChars(_narrow[chunk].AsSpan(offset, length), chars);
        return chars;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<char> value)
    {
        if (_wide is null && !IsLatin1(value)) Widen();
        var (chunk, offset) = Place(value.Length);
        if (_wide is not null)
        {
            value.CopyTo(_wide[chunk].AsSpan(offset));
        }
        else
        {
            var to = _narrow[chunk].AsSpan(offset, value.Length);
            for (var i = 0; i < value.Length; i++) to[i] = (byte)value[i];
        }
    }

    /// <summary>Adds the value of another's index: its bytes copied as they are when both are one byte a character.</summary>
    public void AddFrom(PackedStrings other, int index, ref char[] buffer)
    {
        if (_wide is not null || other._wide is not null)
        {
            var length = other.LengthOf(index);
            if (length > buffer.Length) buffer = new char[Math.Max(length, 2 * buffer.Length)];
            Add(other.CopyTo(index, buffer));
            return;
        }

        var (from, start, count) = other.Locate(index);
        var (chunk, offset) = Place(count);
        other._narrow[from].AsSpan(start, count).CopyTo(_narrow[chunk].AsSpan(offset));
    }

    // Room for the next value of this length, its start noted and counted: the chunk and the offset to write it at.
    private (int Chunk, int Offset) Place(int length)
    {
        var last = _used.Count - 1;
        var capacity = last < 0 ? 0 : _wide is not null ? _wide[last].Length : _narrow[last].Length;
        // A new chunk when the value does not fit, or would start past what an offset can say (in a long value's chunk).
        if (last < 0 || _used[last] >= ChunkSize || _used[last] + length > capacity)
        {
            var size = Math.Max(ChunkSize, length);
            if (_wide is not null) _wide.Add(new char[size]);
            else _narrow.Add(new byte[size]);
            _used.Add(0);
            last++;
        }

        var offset = _used[last];
        _used[last] = offset + length;
        if (Count >> StartShift == _starts.Count) _starts.Add(new int[1 << StartShift]);
        _starts[Count >> StartShift][Count & ((1 << StartShift) - 1)] = (last << Shift) | offset;
        Count++;
        return (last, offset);
    }

    public void RemoveLast()
    {
        var start = StartOf(--Count);
        _used[start >> Shift] = start & (ChunkSize - 1);
    }

    private int StartOf(int index) => _starts[index >> StartShift][index & ((1 << StartShift) - 1)];

    private (int Chunk, int Offset, int Length) Locate(int index)
    {
        var start = StartOf(index);
        return (start >> Shift, start & (ChunkSize - 1), LengthOf(index));
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
        _wide = new List<char[]>(_narrow.Count);
        foreach (var bytes in _narrow)
        {
            var chars = new char[bytes.Length];
            Encoding.Latin1.GetChars(bytes, chars);
            _wide.Add(chars);
        }

        _narrow.Clear();
    }
}
