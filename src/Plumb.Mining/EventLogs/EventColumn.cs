namespace Plumb.Mining.EventLogs;

/// <summary>
/// An append-only column of events. When the number of events is known beforehand (<see cref="Reserve(int)"/>) values go
/// straight into the array the log keeps, so reading allocates each column once; otherwise into fixed-size chunks, so growing
/// never copies. A part of a file read in parts writes into its own range of the log's array (<see cref="Reserve(T[], int, int)"/>).
/// </summary>
internal sealed class EventColumn<T>
    where T : unmanaged
{
    private const int Shift = 16;

    /// <summary>The length of a chunk: an array of this length handed to <see cref="Spares"/> can be one.</summary>
    public const int ChunkLength = 1 << Shift;
    private readonly List<T[]> _chunks = [];
    private T[]? _whole;
    private int _offset;
    private int _capacity;
    private T[] _current = [];
    private int _used = ChunkLength;

    public int Count { get; private set; }

    /// <summary>Arrays of <see cref="ChunkLength"/> values no longer needed elsewhere, taken as chunks before new ones are made; none when null.</summary>
    public Stack<T[]>? Spares { get; set; }

    /// <summary>Whether the values lie in a range of an array (reserved), not in chunks.</summary>
    public bool InRange => _whole is not null;

    /// <summary>Sets aside room for this many values; only before the first value.</summary>
    public void Reserve(int capacity)
    {
        if (Count == 0 && capacity > 0) Reserve(GC.AllocateUninitializedArray<T>(capacity), 0, capacity);
    }

    /// <summary>
    /// Writes the values into <paramref name="array"/> from <paramref name="offset"/>, at most <paramref name="capacity"/> of
    /// them (more carry on in chunks); only before the first value.
    /// </summary>
    public void Reserve(T[] array, int offset, int capacity)
    {
        if (Count > 0 || capacity <= 0) return;
        (_whole, _offset, _capacity) = (array, offset, Math.Min(capacity, array.Length - offset));
    }

    /// <summary>Lets a column that starts its array use all of it (the first part, once the others are read).</summary>
    public void Widen()
    {
        if (_whole is not null && _offset == 0) _capacity = _whole.Length;
    }

    /// <summary>Moves the values out of the array into chunks of their own, so the array's range may be written by others.</summary>
    public void Detach()
    {
        if (_whole is null) return;
        var (whole, offset, count) = (_whole, _offset, Count);
        _whole = null;
        Count = 0;
        foreach (var v in whole.AsSpan(offset, count)) AddToChunk(v);
    }

    /// <summary>Counts the next values of the range as added: written there by another column over the same array.</summary>
    public void Extend(int count)
    {
        if (_whole is null || Count + count > _capacity) throw new InvalidOperationException("only values within the reserved range can be taken over");
        Count += count;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Add(T value)
    {
        if (_whole is not null)
        {
            if (Count < _capacity)
            {
                _whole[_offset + Count++] = value;
                return;
            }

            // More values than reserved: carry on in chunks.
            Detach();
        }

        AddToChunk(value);
    }

    public T this[int index]
    {
        get => _whole is not null ? _whole[_offset + index] : _chunks[index >> Shift][index & (ChunkLength - 1)];
        set
        {
            if (_whole is not null) _whole[_offset + index] = value;
            else _chunks[index >> Shift][index & (ChunkLength - 1)] = value;
        }
    }

    /// <summary>
    /// The values as one array: the reserved array itself when they fill it exactly, else a copy. Chunks are let go as they
    /// are copied, the column then reading from the array, so the chunks and the array are not both held to the end.
    /// </summary>
    public T[] ToArray()
    {
        if (_whole is not null && _offset == 0 && Count == _whole.Length) return _whole;
        var result = GC.AllocateUninitializedArray<T>(Count);
        if (_whole is not null)
        {
            _whole.AsSpan(_offset, Count).CopyTo(result);
            return result;
        }

        for (var c = 0; c < _chunks.Count; c++)
        {
            var from = c << Shift;
            var length = Math.Min(ChunkLength, Count - from);
            _chunks[c].AsSpan(0, length).CopyTo(result.AsSpan(from));
            _chunks[c] = [];
        }

        _chunks.Clear();
        (_current, _used) = ([], ChunkLength);
        (_whole, _offset, _capacity) = (result, 0, Count);
        return result;
    }

    private void AddToChunk(T value)
    {
        if (_used == ChunkLength)
        {
            // A spare array holds values of its former use: only the part written here is ever read.
            _current = Spares is { Count: > 0 } spares ? spares.Pop() : new T[ChunkLength];
            _chunks.Add(_current);
            _used = 0;
        }

        _current[_used++] = value;
        Count++;
    }
}
