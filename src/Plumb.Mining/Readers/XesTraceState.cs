namespace Plumb.Mining.Readers;

using System.Xml;
using Plumb.Handbook.Tool;
using Plumb.Mining.EventLogs;

/// <summary>Reads one <c>&lt;trace&gt;</c> at a time: its attributes, then its events, into the builder.</summary>
internal sealed class XesTraceState(EventLogBuilder builder, XesLogOptions options, IXmlLineInfo lines)
{
    private readonly TimestampParser _parser = new();

    // "?", NULL, (empty) and the --missing markers are no value in XES either: a "?" org:group is not a group.
    private readonly MissingValues _missing = new(options.MissingValues);
    private readonly List<PendingEvent> _events = [];
    private readonly List<(string Key, string Value)> _caseAttributes = [];
    private int _traces;
    private StateChoices? _choices;

    public LogProblem? ReadTrace(XmlReader xml)
    {
        _events.Clear();
        _caseAttributes.Clear();
        string? caseId = null;
        foreach (var child in Children(xml))
        {
            if (xml.LocalName == "event")
            {
                if (ReadEvent(xml) is { } problem) return problem;
                continue;
            }

            var key = xml.GetAttribute("key");
            var value = xml.GetAttribute("value");
            if (value?.Length > FieldLimit.MaxCharacters) return TooLong(key, value.Length);
            if (key == "concept:name") caseId = value;
            else if (key is not null && value is not null && !_missing.IsMissing(value)) _caseAttributes.Add((key, value));
            xml.Skip();
        }

        _traces++;

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
            foreach (var (key, value) in e.Attributes) builder.SetAttribute(caseIndex, key, value);
        }

        foreach (var (key, value) in _caseAttributes) builder.SetAttribute(caseIndex, key, value);
        return null;
    }

    private LogProblem? ReadEvent(XmlReader xml)
    {
        var line = lines.LineNumber;
        string? activity = null, lifecycle = null, resource = null, group = null, state = null, priority = null, time = null;
        var attributes = new List<(string, string)>();
        foreach (var child in Children(xml))
        {
            var key = xml.GetAttribute("key");
            var value = xml.GetAttribute("value");
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
                    if (key is not null && value is not null && !_missing.IsMissing(value)) attributes.Add((key, value));
                    break;
            }

            xml.Skip();
        }

        if (options.Lifecycle is { } keep && !string.Equals(lifecycle ?? "complete", keep, StringComparison.OrdinalIgnoreCase)) return null;
        if (activity is null) return Bad(line, "concept:name", "the event has no activity name");
        if (_missing.IsMissing(resource)) resource = null;
        if (_missing.IsMissing(group)) group = null;
        if (_missing.IsMissing(state)) state = null;
        if (_missing.IsMissing(priority)) priority = null;
        if (time is null || !_parser.TryParse(time, out var ticks)) return Bad(line, "time:timestamp", time is null ? "the event has no timestamp" : $"'{time}' is not a timestamp");
        _events.Add(new PendingEvent(
            builder.ActivityNames.Intern(activity), ticks,
            resource is null ? -1 : builder.ResourceNames.Intern(resource),
            group is null ? -1 : builder.GroupNames.Intern(group),
            state,
            priority is null ? -1 : builder.PriorityValues.Intern(priority),
            attributes));
        return null;
    }

    /// <summary>
    /// Visits the child elements of the current element; the caller must consume each child (Skip or read it whole).
    /// Leaves the reader after the element's end.
    /// </summary>
    private static IEnumerable<int> Children(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            yield break;
        }

        var depth = xml.Depth;
        xml.Read();
        var index = 0;
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element) yield return index++;
            else xml.Read();
        }

        xml.Read();
    }

    // Past the limit the file is refused (not skipped): such a value is no ticket field, and what follows is not to be trusted.
    private LogProblem TooLong(string? key, int length) => new(lines.LineNumber, key ?? "value", FieldLimit.Message(length));

    private LogProblem? Bad(int line, string field, string message)
    {
        var problem = new LogProblem(line, field, message);
        if (!options.SkipBadRows) return problem;
        builder.SkippedRows++;
        builder.Warn(problem);
        return null;
    }

    private sealed record PendingEvent(int Activity, long Time, int Resource, int Group, string? State, int Priority, List<(string, string)> Attributes);
}
