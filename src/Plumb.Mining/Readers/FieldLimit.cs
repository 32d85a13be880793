namespace Plumb.Mining.Readers;

using System.Globalization;

/// <summary>
/// The longest single value an event-log reader takes: a CSV field or an XES attribute value of more than
/// <see cref="MaxCharacters"/> characters is refused with its line and field (documented in docs/mining.md, "Input limits").
/// A value that long is no ticket field but a pasted file or a broken quote; refusing it keeps memory of the order of the value.
/// </summary>
public static class FieldLimit
{
    /// <summary>1,048,576 characters (1 Mi).</summary>
    public const int MaxCharacters = 1 << 20;

    /// <summary>The message for a value past the limit; <paramref name="atLeast"/> when reading stopped before the value's end.</summary>
    public static string Message(long length, bool atLeast = false) => string.Create(CultureInfo.InvariantCulture,
        $"a value of {(atLeast ? "more than " : "")}{length:N0} characters is longer than the limit of {MaxCharacters:N0} characters per field (a broken quote, or a file pasted into a field?)");
}

/// <summary>A CSV field past <see cref="FieldLimit.MaxCharacters"/>, thrown by the record reader and turned into a problem by the log reader.</summary>
internal sealed class CsvFieldTooLongException(int line, int field, long length, bool atLeast) : Exception(FieldLimit.Message(length, atLeast))
{
    /// <summary>The line on which the record starts.</summary>
    public int Line { get; } = line;

    /// <summary>The zero-based index of the field in its record.</summary>
    public int Field { get; } = field;
}
