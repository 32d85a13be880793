namespace Plumb.Mining.EventLogs;

/// <summary>An append-only column in fixed-size chunks, so growing never copies (reading allocates each value once).</summary>
internal sealed class ChunkedColumn<T>
    where T : unmanaged
{
    private const int Shift = 16;
    private const int ChunkSize = 1 << Shift;
    private readonly List<T[]> _chunks = [];
    private T[] _current = [];
    private int _used = ChunkSize;

    public int Count { get; private set; }

    public void Add(T value)
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

    public T this[int index]
    {
        get => _chunks[index >> Shift][index & (ChunkSize - 1)];
        set => _chunks[index >> Shift][index & (ChunkSize - 1)] = value;
    }
}
