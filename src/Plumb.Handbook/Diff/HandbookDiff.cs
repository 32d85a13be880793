namespace Plumb.Handbook.Diff;

using Plumb.Handbook.Model;

/// <summary>
/// Compares two versions of a handbook element by element, matching by id, and says what changed in domain words,
/// e.g. "step 'Categorise' of procedure 'Log and categorise': responsible changed from Service Desk Agent to Resolver Group".
/// </summary>
public static class HandbookDiff
{
    /// <summary>Every change from <paramref name="old"/> to <paramref name="new"/>, in document order.</summary>
    public static IReadOnlyList<Change> Compare(Handbook old, Handbook @new) => Compare(old, @new, new DiffOptions());

    /// <summary>Every change from <paramref name="old"/> to <paramref name="new"/>, in document order, covering what the options ask for.</summary>
    public static IReadOnlyList<Change> Compare(Handbook old, Handbook @new, DiffOptions options)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        ArgumentNullException.ThrowIfNull(options);
        var run = new DiffRun(old, @new, options);
        run.Handbook();
        return run.Changes;
    }

    /// <summary>The word for a change kind: added, removed, changed or reordered.</summary>
    public static string Word(ChangeKind kind) => kind.ToString().ToLowerInvariant();
}
