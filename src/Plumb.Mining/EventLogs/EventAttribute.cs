namespace Plumb.Mining.EventLogs;

/// <summary>
/// One field of every event that the reader was asked to keep per event (BPI Challenge 2013's <c>ST Level</c>, which changes
/// as a ticket moves from the service desk to a resolver), as a code per event into its own value table.
/// </summary>
public sealed class EventAttribute
{
    internal EventAttribute(string name, StringTable values, int[] codes)
    {
        Name = name;
        Values = values;
        Codes = codes;
    }

    /// <summary>The field name as the source named it.</summary>
    public string Name { get; }

    /// <summary>The distinct values.</summary>
    public StringTable Values { get; }

    /// <summary>Per event, the code of its value, or -1 when the event has none.</summary>
    public int[] Codes { get; }

    /// <summary>The value of an event, or null.</summary>
    public string? ValueOf(int eventIndex) => Values.NameOf(Codes[eventIndex]);
}
