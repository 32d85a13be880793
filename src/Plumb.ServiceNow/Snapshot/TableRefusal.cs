namespace Plumb.ServiceNow.Snapshot;

/// <summary>A configuration table the instance refused to a pull: the table, the HTTP status, the role that usually grants read access, and the instance's message.</summary>
public sealed record TableRefusal(string Table, int Status, string Role, string Message);

/// <summary>Whether a snapshot shows a table on the instance.</summary>
public enum TablePresence
{
    /// <summary>The snapshot lists the table or holds configuration of it.</summary>
    Present,

    /// <summary>The instance's whole table list was read and does not have it.</summary>
    Absent,

    /// <summary>The snapshot cannot tell: the table list was not read (or not whole) and nothing else names the table.</summary>
    Unknown,
}
