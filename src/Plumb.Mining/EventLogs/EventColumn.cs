namespace Plumb.Mining.EventLogs;

/// <summary>
/// An append-only column of events. When the number of events is known beforehand (<see cref="Reserve"/>) values go straight
/// into the array the log keeps, so reading allocates each column once; otherwise into fixed-size chunks, so growing never copies.
/// </summary>
internal sealed class EventColumn<T>
    where T : unmanaged
{
    private const int Shift = 16;
    private const int ChunkSize = 1 << Shift;
    private readonly List<T[]> _chunks = [];
    private T[]? _whole;
    private T[] _current = [];
    private int _used = ChunkSize;

    public int Count { get; private set; }

    /// <summary>Sets aside room for this many values; only before the first value.</summary>
    public void Reserve(int capacity)
    {
        if (Count == 0 && capacity > 0) _whole = GC.AllocateUninitializedArray<T>(capacity);
    }

    public void Add(T value)
    {
        if (_whole is not null)
        {
            if (Count < _whole.Length)
            {
                _whole[Count++] = value;
                return;
            }

            // More values than reserved: carry on in chunks.
            var whole = _whole;
            _whole = null;
            Count = 0;
            foreach (var v in whole) AddToChunk(v);
        }

        AddToChunk(value);
    }

    public T this[int index]
    {
        get => _whole is not null ? _whole[index] : _chunks[index >> Shift][index & (ChunkSize - 1)];
        set
        {
            if (_whole is not null) _whole[index] = value;
            else _chunks[index >> Shift][index & (ChunkSize - 1)] = value;
        }
    }

    /// <summary>The values as one array: the reserved array itself when it is exactly full, else a copy.</summary>
    public T[] ToArray()
    {
        if (_whole is not null && Count == _whole.Length) return _whole;
        var result = GC.AllocateUninitializedArray<T>(Count);
        if (_whole is not null)
        {
            _whole.AsSpan(0, Count).CopyTo(result);
            return result;
        }

        for (var c = 0; c < _chunks.Count; c++)
        {
            var from = c << Shift;
            var length = Math.Min(ChunkSize, Count - from);
            _chunks[c].AsSpan(0, length).CopyTo(result.AsSpan(from));
        }

        return result;
    }

    private void AddToChunk(T value)
    {
        if (_used == ChunkSize)
        {
            _current = new T[ChunkSize];
            _chunks.Add(_current);
            _used = 0;
        }

        _current[_used++] = value;
        Count++;
    }
}
