namespace Plumb.Mining.EventLogs;

/// <summary>
/// Hashing and comparing sequences of codes (a case's activities, a trace's labels) in loops of their own, FNV-1a over the
/// ints. CoreLib's <c>HashCode</c> and span comparison over ints are not inlined into precompiled code; run once per case
/// of a log, a cold command ran them unoptimised.
/// </summary>
internal static class CodeSequences
{
    /// <summary>The hash of an empty sequence, to <see cref="Mix"/> codes into.</summary>
    public const int Seed = unchecked((int)2166136261);

    /// <summary>The hash with one more code.</summary>
    public static int Mix(int hash, int code) => unchecked((hash ^ code) * 16777619);

    public static int Hash(ReadOnlySpan<int> codes)
    {
        var hash = Seed;
        foreach (var c in codes) hash = Mix(hash, c);
        return hash;
    }

    public static bool Equal(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i]) return false;
        }

        return true;
    }
}
