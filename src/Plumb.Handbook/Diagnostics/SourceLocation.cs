namespace Plumb.Handbook.Diagnostics;

/// <summary>A one-based line and column in a handbook file.</summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}
