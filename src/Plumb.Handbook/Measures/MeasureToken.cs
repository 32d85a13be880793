namespace Plumb.Handbook.Measures;

/// <summary>A lexical token of the measure language, with its zero-based position.</summary>
internal readonly record struct MeasureToken(MeasureTokenKind Kind, string Text, int Position);

internal enum MeasureTokenKind
{
    Word,
    Number,
    String,
    Symbol,
    End,
}
