namespace Plumb.Mining.Readers;

/// <summary>A date of a record that marks a moment of its life, read as an event when a file has one row per record.</summary>
internal enum RecordDate
{
    /// <summary>The record was opened (the case starts in the table's new state).</summary>
    Opened,

    /// <summary>The record was reopened after it was resolved or closed.</summary>
    Reopened,

    /// <summary>The record was resolved.</summary>
    Resolved,

    /// <summary>The record was closed.</summary>
    Closed,
}
