namespace Plumb.Mining.EventLogs;

/// <summary>
/// A code per case (-1 = none) while a log is read, in chunks so that growing never copies. A chunk is a range of an array: its
/// own, or a spare array of the builder's (a reader's input already turned into events) holding several chunks, so the codes of
/// a large log take room the input left rather than adding to it (185k cases: 0.7 MB an attribute).
/// </summary>
internal sealed class CaseCodes
{
    private const int Shift = 14;
    private const int ChunkSize = 1 << Shift;
    // Per chunk its array and where in it the chunk starts: two lists, as a list of a struct of ours has no precompiled code
    // (and is read once per row).
    private readonly List<int[]> _arrays = [];
    private readonly List<int> _offsets = [];

    /// <summary>Arrays no longer needed elsewhere (<see cref="EventColumn{T}.ChunkLength"/> long), taken before new chunks are made; none when null.</summary>
    public Stack<int[]>? Spares { get; init; }

    public int this[int caseIndex]
    {
        get
        {
            var c = caseIndex >> Shift;
            return c < _arrays.Count ? _arrays[c][_offsets[c] + (caseIndex & (ChunkSize - 1))] : -1;
        }

        set
        {
            var c = caseIndex >> Shift;
            while (_arrays.Count <= c) AddChunks();
            _arrays[c][_offsets[c] + (caseIndex & (ChunkSize - 1))] = value;
        }
    }

    /// <summary>The codes of the first <paramref name="cases"/> cases.</summary>
    public int[] ToArray(int cases)
    {
        var result = new int[cases];
        for (var c = 0; c < cases; c += ChunkSize)
        {
            var length = Math.Min(ChunkSize, cases - c);
            if (c >> Shift < _arrays.Count) _arrays[c >> Shift].AsSpan(_offsets[c >> Shift], length).CopyTo(result.AsSpan(c));
            else result.AsSpan(c, length).Fill(-1);
        }

        return result;
    }

    // The next chunk, or the next several in one spare array (which holds values of its former use: filled first).
    private void AddChunks()
    {
        var array = Spares is { Count: > 0 } spares ? spares.Pop() : new int[ChunkSize];
        Array.Fill(array, -1);
        for (var offset = 0; offset < array.Length; offset += ChunkSize)
        {
            _arrays.Add(array);
            _offsets.Add(offset);
        }
    }
}
