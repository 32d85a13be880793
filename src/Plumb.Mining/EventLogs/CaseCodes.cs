namespace Plumb.Mining.EventLogs;

/// <summary>A code per case (-1 = none) while a log is read, in chunks so that growing never copies.</summary>
internal sealed class CaseCodes
{
    private const int Shift = 14;
    private const int ChunkSize = 1 << Shift;
    private readonly List<int[]> _chunks = [];

    public int this[int caseIndex]
    {
        get => caseIndex >> Shift < _chunks.Count ? _chunks[caseIndex >> Shift][caseIndex & (ChunkSize - 1)] : -1;
        set
        {
            while (_chunks.Count <= caseIndex >> Shift)
            {
                var chunk = new int[ChunkSize];
                Array.Fill(chunk, -1);
                _chunks.Add(chunk);
            }

            _chunks[caseIndex >> Shift][caseIndex & (ChunkSize - 1)] = value;
        }
    }

    /// <summary>The codes of the first <paramref name="cases"/> cases.</summary>
    public int[] ToArray(int cases)
    {
        var result = new int[cases];
        for (var c = 0; c < cases; c += ChunkSize)
        {
            var length = Math.Min(ChunkSize, cases - c);
            if (c >> Shift < _chunks.Count) _chunks[c >> Shift].AsSpan(0, length).CopyTo(result.AsSpan(c));
            else result.AsSpan(c, length).Fill(-1);
        }

        return result;
    }
}
