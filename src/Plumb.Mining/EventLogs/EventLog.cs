namespace Plumb.Mining.EventLogs;

/// <summary>
/// An event log held column-wise: events sorted by case and then by time, integer-coded activities, resources,
/// groups and states, timestamps as UTC ticks, and per case the offset of its first event.
/// </summary>
public sealed class EventLog
{
    internal EventLog(EventLogColumns columns, IReadOnlyDictionary<string, CaseAttribute> attributes, EventLogNotes notes)
    {
        CaseIds = columns.CaseIds;
        CaseOffsets = columns.CaseOffsets;
        Activities = columns.Activities;
        Timestamps = columns.Timestamps;
        Resources = columns.Resources;
        Groups = columns.Groups;
        States = columns.States;
        Priorities = columns.Priorities;
        ActivityNames = columns.ActivityNames;
        ResourceNames = columns.ResourceNames;
        GroupNames = columns.GroupNames;
        StateValues = columns.StateValues;
        PriorityValues = columns.PriorityValues;
        Attributes = attributes;
        Notes = notes;
    }

    /// <summary>The fields kept per event (by name as the source named it), when the reader was asked for them; usually none.</summary>
    public IReadOnlyDictionary<string, EventAttribute> EventAttributes { get; internal init; } = new Dictionary<string, EventAttribute>();

    /// <summary>A field kept per event, by name without case and with spaces, '_' and '-' alike; null when not kept.</summary>
    public EventAttribute? FindEventAttribute(string name) =>
        EventAttributes.TryGetValue(name, out var exact) ? exact
        : EventAttributes.Values.FirstOrDefault(a => Readers.CsvColumnGuess.Normalize(a.Name) == Readers.CsvColumnGuess.Normalize(name));

    /// <summary>The ServiceNow table the tickets come from (incident, problem, change_request, ...), or null when not known.</summary>
    public string? Table { get; internal init; }

    /// <summary>Case ids; a case's index is its code here.</summary>
    public StringTable CaseIds { get; }

    /// <summary>Per case, the index of its first event; the last entry is the number of events.</summary>
    public int[] CaseOffsets { get; }

    /// <summary>Per event, the activity code.</summary>
    public int[] Activities { get; }

    /// <summary>Per event, the time as UTC ticks.</summary>
    public long[] Timestamps { get; }

    /// <summary>Per event, the resource code (-1 none), or null when the log names no resources.</summary>
    public int[]? Resources { get; }

    /// <summary>Per event, the assignment group code (-1 none), or null when the log names no groups.</summary>
    public int[]? Groups { get; }

    /// <summary>Per event, the value of the state field after the event (-1 none), or null when the log has no states.</summary>
    public int[]? States { get; }

    /// <summary>Per event, the priority code (-1 none), or null when the log has no event priorities.</summary>
    public int[]? Priorities { get; }

    /// <summary>Activity names.</summary>
    public StringTable ActivityNames { get; }

    /// <summary>Resource names.</summary>
    public StringTable ResourceNames { get; }

    /// <summary>Assignment group names.</summary>
    public StringTable GroupNames { get; }

    /// <summary>State values (raw tool values such as <c>2</c> where known).</summary>
    public StringTable StateValues { get; }

    /// <summary>Priority values.</summary>
    public StringTable PriorityValues { get; }

    /// <summary>Case attributes by name.</summary>
    public IReadOnlyDictionary<string, CaseAttribute> Attributes { get; }

    /// <summary>What reading did to the data: re-sorted cases, duplicates, skipped rows.</summary>
    public EventLogNotes Notes { get; }

    /// <summary>The number of cases.</summary>
    public int CaseCount => CaseOffsets.Length - 1;

    /// <summary>The number of events.</summary>
    public int EventCount => Activities.Length;

    /// <summary>The index of a case's first event.</summary>
    public int Start(int caseIndex) => CaseOffsets[caseIndex];

    /// <summary>One past the index of a case's last event.</summary>
    public int End(int caseIndex) => CaseOffsets[caseIndex + 1];

    /// <summary>The activity codes of one case, in order.</summary>
    public ReadOnlySpan<int> CaseActivities(int caseIndex) => Activities.AsSpan(CaseOffsets[caseIndex], CaseOffsets[caseIndex + 1] - CaseOffsets[caseIndex]);

    /// <summary>A case attribute by name: exact, then ignoring case, then with a <c>case:</c> prefix, then with spaces, <c>_</c> and <c>-</c> alike; null when absent.</summary>
    public CaseAttribute? FindAttribute(string name)
    {
        if (Attributes.TryGetValue(name, out var exact)) return exact;
        lock (_found)
        {
            if (_found.TryGetValue(name, out var known)) return known;
            CaseAttribute? found = null;
            foreach (var (key, value) in Attributes)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) || string.Equals(key, "case:" + name, StringComparison.OrdinalIgnoreCase))
                {
                    found = value;
                    break;
                }
            }

            // Then with spaces, '_' and '-' alike, so a measure's field:resolved_time finds an export's "Resolved Time".
            if (found is null)
            {
                var wanted = Readers.CsvColumnGuess.Normalize(name);
                found = Attributes.FirstOrDefault(a => Readers.CsvColumnGuess.Normalize(a.Key) == wanted).Value;
            }

            _found[name] = found;
            return found;
        }
    }

    private readonly Dictionary<string, CaseAttribute?> _found = new(StringComparer.Ordinal);

    /// <summary>The earliest and latest timestamps, or null for an empty log.</summary>
    public (DateTime First, DateTime Last)? TimeSpan()
    {
        if (EventCount == 0) return null;
        long min = long.MaxValue, max = long.MinValue;
        foreach (var t in Timestamps)
        {
            if (t < min) min = t;
            if (t > max) max = t;
        }

        return (new DateTime(min, DateTimeKind.Utc), new DateTime(max, DateTimeKind.Utc));
    }
}
