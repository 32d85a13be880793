namespace Plumb.Mining.Readers;

using System.Buffers.Binary;
using System.Numerics;
using Plumb.Mining.EventLogs;

/// <summary>
/// The codes of one column's values (activity, resource, group, priority) looked up by the field's bytes: a value read before
/// costs one hash of its bytes, and the value of the row before not even that; only a new value is decoded, trimmed, checked
/// against the missing markers (-1) and interned. Past <see cref="MaxValues"/> distinct fields new ones are no longer kept here.
/// </summary>
internal sealed class CsvColumnCodes
{
    private const int MaxValues = 1 << 16;

    // Hashes differ per process, so no file can be made to put its values on one chain.
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;

    private readonly StringTable _table;
    private readonly MissingValues? _missing;

    // Open addressing over the fields' bytes, kept end to end in one array (slot = entry + 1, 0 = empty), filled to half: a
    // Dictionary keyed by byte arrays costs an array per value and a lookup through generic code that is compiled only when
    // first run, not ahead of time with the library.
    private byte[] _bytes = new byte[1024];
    private int _used;
    private (int Start, int Length, int Hash, int Code)[] _entries = new (int, int, int, int)[16];
    private int _count;
    private int[] _slots = new int[32];
    private int _last = -1;

    /// <summary>Codes into <paramref name="table"/>; without <paramref name="missing"/> every value is one (the activity).</summary>
    public CsvColumnCodes(StringTable table, MissingValues? missing)
    {
        _table = table;
        _missing = missing;
    }

    /// <summary>The code of the row's field in <paramref name="column"/>; -1 when missing or the row has no such field.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public int Code(CsvRecordReader records, int column)
    {
        if (column < 0 || column >= records.FieldCount) return -1;
        var raw = records.Bytes(column);
        if (_last >= 0 && raw.SequenceEqual(Key(_last))) return _entries[_last].Code;
        var hash = Hash(raw);
        var mask = _slots.Length - 1;
        var at = hash & mask;
        while (_slots[at] != 0)
        {
            var entry = _slots[at] - 1;
            if (_entries[entry].Hash == hash && raw.SequenceEqual(Key(entry)))
            {
                _last = entry;
                return _entries[entry].Code;
            }

            at = (at + 1) & mask;
        }

        var text = records[column].Trim();
        var code = _missing is not null && _missing.IsMissing(text) ? -1 : _table.Intern(text);
        _last = -1;
        if (_count < MaxValues) _last = Add(raw, hash, code, at);
        return code;
    }

    private ReadOnlySpan<byte> Key(int entry) => _bytes.AsSpan(_entries[entry].Start, _entries[entry].Length);

    private int Add(ReadOnlySpan<byte> raw, int hash, int code, int at)
    {
        if (_used + raw.Length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + raw.Length));
        raw.CopyTo(_bytes.AsSpan(_used));
        if (_count == _entries.Length) Array.Resize(ref _entries, _count * 2);
        var entry = _count++;
        _entries[entry] = (_used, raw.Length, hash, code);
        _used += raw.Length;
        _slots[at] = entry + 1;
        if (_count * 2 > _slots.Length)
        {
            _slots = new int[_slots.Length * 2];
            var mask = _slots.Length - 1;
            for (var e = 0; e < _count; e++)
            {
                var home = _entries[e].Hash & mask;
                while (_slots[home] != 0) home = (home + 1) & mask;
                _slots[home] = e + 1;
            }
        }

        return entry;
    }

    // Eight bytes at a time, multiplied and rotated, the last word overlapping the one before; a value of fewer bytes as one
    // word read in two overlapping halves. Values are short (a name, a group): one to four words.
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = Seed ^ ((ulong)bytes.Length * 0x9E3779B97F4A7C15UL);
        if (bytes.Length >= 8)
        {
            for (var i = 0; i + 8 < bytes.Length; i += 8) hash = Mix(hash, BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..]));
            hash = Mix(hash, BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]));
        }
        else if (bytes.Length >= 4)
        {
            hash = Mix(hash, ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(bytes) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(bytes[^4..]));
        }
        else if (bytes.Length > 0)
        {
            hash = Mix(hash, ((ulong)bytes[0] << 16) | ((ulong)bytes[bytes.Length >> 1] << 8) | bytes[^1]);
        }

        hash ^= hash >> 32;
        hash *= 0xC4CEB9FE1A85EC53UL;
        return (int)(hash ^ (hash >> 29));
    }

    private static ulong Mix(ulong hash, ulong word) => BitOperations.RotateLeft((hash ^ word) * 0xFF51AFD7ED558CCDUL, 29);
}
