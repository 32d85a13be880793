namespace Plumb.Mining.Readers;

using System.Xml;
using Plumb.Handbook.Tool;
using Plumb.Mining.EventLogs;

/// <summary>
/// Reads one <c>&lt;trace&gt;</c> at a time: its attributes, then its events, into the builder. Element and attribute names
/// are the reader's atoms (<see cref="NameTable"/> holds these literals), so comparing them stops at the reference; each
/// attribute's key and value are read once, and the events of a trace wait in reused lists until the trace's case is known.
/// </summary>
internal sealed class XesTraceState(EventLogBuilder builder, XesLogOptions options, IXmlLineInfo lines)
{
    private readonly TimestampParser _parser = new();

    // "?", NULL, (empty) and the --missing markers are no value in XES either: a "?" org:group is not a group.
    private readonly MissingValues _missing = new(options.MissingValues);
    private readonly List<PendingEvent> _events = [];
    private readonly List<(string Key, string Value)> _eventAttributes = [];
    private readonly List<(string Key, string Value)> _caseAttributes = [];

    // The builder's slot of each attribute key met (keys repeat on every trace or event).
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<LogProblem> _warnings = [];
    private int _traces;
    private StateChoices? _choices;

    /// <summary>Whether a trace was read.</summary>
    public bool HasTraces => _traces > 0;

    /// <summary>Whether a trace without a name was read: its id is its position in what this state read.</summary>
    public bool HasUnnamedTraces { get; private set; }

    /// <summary>
    /// The events skipped (with <see cref="XesLogOptions.SkipBadRows"/>), the first hundred, by the lines of what this state read:
    /// kept here, not in the builder, so a part read alone can give them the file's lines.
    /// </summary>
    public IReadOnlyList<LogProblem> Warnings => _warnings;

    /// <summary>The element and attribute names the reader compares, to be atomised by the XML reader as these very strings.</summary>
    public static NameTable NameTable()
    {
        var names = new NameTable();
        foreach (var name in new[] { "log", "trace", "event", "key", "value" }) names.Add(name);
        return names;
    }

    public LogProblem? ReadTrace(XmlReader xml)
    {
        _events.Clear();
        _eventAttributes.Clear();
        _caseAttributes.Clear();
        string? caseId = null;
        if (Enter(xml, out var depth))
        {
            while (Next(xml, depth))
            {
                if (xml.LocalName == "event")
                {
                    if (ReadEvent(xml) is { } problem) return problem;
                    continue;
                }

                var (key, value) = KeyAndValue(xml);
                if (value?.Length > FieldLimit.MaxCharacters) return TooLong(key, value.Length);
                if (key == "concept:name") caseId = value;
                else if (key is not null && value is not null && !_missing.IsMissing(value)) _caseAttributes.Add((key, value));
                xml.Skip();
            }
        }

        _traces++;
        if (caseId is null) HasUnnamedTraces = true;

        // A trace without a name still is a case; it gets its position as id.
        var caseIndex = builder.Case(caseId ?? $"trace {_traces}");

        // The first trace's case id names the table (PRB…, CHG…), whose state choices turn labels back into values.
        if (_choices is null)
        {
            builder.Table = TicketNumbers.TableOf(caseId);
            _choices = StateChoices.For(builder.Table);
        }

        foreach (var e in _events)
        {
            var state = e.State is null ? -1 : builder.StateValues.Intern(_choices.ValueOf(e.State));
            builder.Add(caseIndex, e.Activity, e.Time, e.Resource, e.Group, state, e.Priority);
            for (var a = e.FirstAttribute; a < e.FirstAttribute + e.Attributes; a++) SetAttribute(caseIndex, _eventAttributes[a]);
        }

        foreach (var attribute in _caseAttributes) SetAttribute(caseIndex, attribute);
        return null;
    }

    private LogProblem? ReadEvent(XmlReader xml)
    {
        var line = lines.LineNumber;
        string? activity = null, lifecycle = null, resource = null, group = null, state = null, priority = null, time = null;
        var firstAttribute = _eventAttributes.Count;
        if (Enter(xml, out var depth))
        {
            while (Next(xml, depth))
            {
                var (key, value) = KeyAndValue(xml);
                if (value?.Length > FieldLimit.MaxCharacters) return TooLong(key, value.Length);
                switch (key)
                {
                    case "concept:name": activity = value; break;
                    case "time:timestamp": time = value; break;
                    case "lifecycle:transition": lifecycle = value; break;
                    case "org:resource": resource = value; break;
                    case "org:group": group = value; break;
                    case "state" or "incident_state": state = value; break;
                    case "priority": priority = value; break;
                    default:
                        if (key is not null && value is not null && !_missing.IsMissing(value)) _eventAttributes.Add((key, value));
                        break;
                }

                xml.Skip();
            }
        }

        var attributes = _eventAttributes.Count - firstAttribute;
        if (options.Lifecycle is { } keep && !string.Equals(lifecycle ?? "complete", keep, StringComparison.OrdinalIgnoreCase)) return Drop(null);
        if (activity is null) return Drop(Bad(line, "concept:name", "the event has no activity name"));
        if (_missing.IsMissing(resource)) resource = null;
        if (_missing.IsMissing(group)) group = null;
        if (_missing.IsMissing(state)) state = null;
        if (_missing.IsMissing(priority)) priority = null;
        if (time is null || !_parser.TryParse(time, out var ticks))
        {
            return Drop(Bad(line, "time:timestamp", time is null ? "the event has no timestamp" : $"'{time}' is not a timestamp"));
        }

        _events.Add(new PendingEvent(
            builder.ActivityNames.Intern(activity), ticks,
            resource is null ? -1 : builder.ResourceNames.Intern(resource),
            group is null ? -1 : builder.GroupNames.Intern(group),
            state,
            priority is null ? -1 : builder.PriorityValues.Intern(priority),
            firstAttribute, attributes));
        return null;

        // An event not kept leaves no attributes behind.
        LogProblem? Drop(LogProblem? problem)
        {
            _eventAttributes.RemoveRange(firstAttribute, attributes);
            return problem;
        }
    }

    // The key and value attributes of an XES attribute element, each read once (a value longer than the field limit is
    // refused by the caller; the reader holds it whole, which costs memory of its own order).
    private static (string? Key, string? Value) KeyAndValue(XmlReader xml)
    {
        string? key = null, value = null;
        if (!xml.MoveToFirstAttribute()) return (null, null);
        do
        {
            var name = xml.Name;
            if (name == "key") key = xml.Value;
            else if (name == "value") value = xml.Value;
        }
        while (xml.MoveToNextAttribute());
        xml.MoveToElement();
        return (key, value);
    }

    private void SetAttribute(int caseIndex, (string Key, string Value) attribute)
    {
        if (!_slots.TryGetValue(attribute.Key, out var slot)) _slots[attribute.Key] = slot = builder.AttributeSlot(attribute.Key);
        builder.SetAttribute(slot, caseIndex, attribute.Value);
    }

    /// <summary>Steps into the current element's children; false when it has none (the reader is then past it).</summary>
    private static bool Enter(XmlReader xml, out int depth)
    {
        depth = xml.Depth;
        var empty = xml.IsEmptyElement;
        xml.Read();
        return !empty;
    }

    /// <summary>
    /// Moves to the next child element of the element at <paramref name="depth"/>; the caller consumes each child (Skip or
    /// read it whole). False at the element's end, with the reader past it.
    /// </summary>
    private static bool Next(XmlReader xml, int depth)
    {
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element) return true;
            xml.Read();
        }

        xml.Read();
        return false;
    }

    // Past the limit the file is refused (not skipped): such a value is no ticket field, and what follows is not to be trusted.
    private LogProblem TooLong(string? key, int length) => new(lines.LineNumber, key ?? "value", FieldLimit.Message(length));

    private LogProblem? Bad(int line, string field, string message)
    {
        var problem = new LogProblem(line, field, message);
        if (!options.SkipBadRows) return problem;
        builder.SkippedRows++;
        if (_warnings.Count < 100) _warnings.Add(problem);
        return null;
    }

    private readonly record struct PendingEvent(int Activity, long Time, int Resource, int Group, string? State, int Priority, int FirstAttribute, int Attributes);
}
