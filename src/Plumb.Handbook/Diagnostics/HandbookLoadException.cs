namespace Plumb.Handbook.Diagnostics;

/// <summary>The handbook files could not be read at all (bad YAML, wrong types, not a handbook folder).</summary>
public sealed class HandbookLoadException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception(diagnostics.Count > 0 ? diagnostics[0].Format() : "The handbook could not be read.")
{
    /// <summary>Every problem that stopped the read, each with its file and position.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
