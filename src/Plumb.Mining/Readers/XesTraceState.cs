namespace Plumb.Mining.Readers;

using System.Xml;
using Plumb.Handbook.Tool;
using Plumb.Mining.EventLogs;

/// <summary>
/// Reads one <c>&lt;trace&gt;</c> at a time: its attributes, then its events, into the builder. Element and attribute names
/// are the reader's atoms (<see cref="NameTable"/> holds these literals), so comparing them stops at the reference. Attribute
/// keys and values are copied out of the reader as characters, not strings: a value becomes a string only when a table meets
/// it for the first time (a new case id, activity, group), so reading allocates about nothing per event. The events of a trace
/// and the attribute values kept wait in reused buffers until the trace's case is known.
/// </summary>
internal sealed class XesTraceState(EventLogBuilder builder, XesLogOptions options, IXmlLineInfo lines)
{
    // An attribute slot not yet asked of the builder: the key is resolved when the trace ends, in the order of one pass.
    private const int Unresolved = -2;

    private readonly TimestampParser _parser = new();

    // "?", NULL, (empty) and the --missing markers are no value in XES either: a "?" org:group is not a group.
    private readonly MissingValues _missing = new(options.MissingValues);
    private readonly List<PendingEvent> _events = [];
    private readonly List<PendingAttribute> _eventAttributes = [];
    private readonly List<PendingAttribute> _caseAttributes = [];

    // The builder's slot of each attribute key met (keys repeat on every trace or event); -1: its values are not kept.
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<LogProblem> _warnings = [];

    // The characters of the element being read (its key and value), and those kept until the trace ends (case id, states,
    // the attributes whose values are kept).
    private char[] _element = new char[256];
    private int _elementUsed;
    private char[] _kept = new char[1024];
    private int _keptUsed;
    private int _traces;
    private StateChoices? _choices;

    /// <summary>The case of the trace read last.</summary>
    public int LastCase { get; private set; }

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
        _keptUsed = 0;
        var caseId = Text.None;
        if (Enter(xml, out var depth))
        {
            while (Next(xml, depth))
            {
                if (xml.LocalName == "event")
                {
                    if (ReadEvent(xml) is { } problem) return problem;
                    continue;
                }

                _elementUsed = 0;
                var (key, value) = KeyAndValue(xml);
                if (value.Length > FieldLimit.MaxCharacters) return TooLong(key, value.Length);
                if (Element(key).SequenceEqual("concept:name")) caseId = Keep(value);
                else Pend(_caseAttributes, key, value);
                xml.Skip();
            }
        }

        _traces++;
        if (!caseId.Present) HasUnnamedTraces = true;

        // A trace without a name still is a case; it gets its position as id.
        var caseIndex = caseId.Present ? builder.Case(Kept(caseId)) : builder.Case($"trace {_traces}");
        LastCase = caseIndex;

        // The first trace's case id names the table (PRB…, CHG…), whose state choices turn labels back into values.
        if (_choices is null)
        {
            builder.Table = TicketNumbers.TableOf(Kept(caseId));
            _choices = StateChoices.For(builder.Table);
        }

        foreach (var e in _events)
        {
            var state = e.State.Present ? builder.StateValues.Intern(_choices.ValueOf(Kept(e.State).ToString())) : -1;
            builder.Add(caseIndex, e.Activity, e.Time, e.Resource, e.Group, state, e.Priority);
            for (var a = e.FirstAttribute; a < e.FirstAttribute + e.Attributes; a++) SetAttribute(caseIndex, _eventAttributes[a]);
        }

        foreach (var attribute in _caseAttributes) SetAttribute(caseIndex, attribute);
        return null;
    }

    private LogProblem? ReadEvent(XmlReader xml)
    {
        var line = lines.LineNumber;
        _elementUsed = 0;
        Text activity = Text.None, lifecycle = Text.None, resource = Text.None, group = Text.None, state = Text.None, priority = Text.None, time = Text.None;
        var firstAttribute = _eventAttributes.Count;
        var keptMark = _keptUsed;
        if (Enter(xml, out var depth))
        {
            while (Next(xml, depth))
            {
                // The standard fields stay in the element buffer until the event ends: it is emptied per event, not per attribute.
                var mark = _elementUsed;
                var (key, value) = KeyAndValue(xml);
                if (value.Length > FieldLimit.MaxCharacters) return TooLong(key, value.Length);
                switch (Element(key))
                {
                    case "concept:name": activity = value; break;
                    case "time:timestamp": time = value; break;
                    case "lifecycle:transition": lifecycle = value; break;
                    case "org:resource": resource = value; break;
                    case "org:group": group = value; break;
                    case "state" or "incident_state": state = value; break;
                    case "priority": priority = value; break;
                    default:
                        Pend(_eventAttributes, key, value);
                        _elementUsed = mark;
                        break;
                }

                xml.Skip();
            }
        }

        var attributes = _eventAttributes.Count - firstAttribute;
        if (options.Lifecycle is { } keep && !(lifecycle.Present ? Element(lifecycle) : "complete").Equals(keep, StringComparison.OrdinalIgnoreCase)) return Drop(null);
        if (!activity.Present) return Drop(Bad(line, "concept:name", "the event has no activity name"));
        if (_missing.IsMissing(Element(resource))) resource = Text.None;
        if (_missing.IsMissing(Element(group))) group = Text.None;
        if (_missing.IsMissing(Element(state))) state = Text.None;
        if (_missing.IsMissing(Element(priority))) priority = Text.None;
        if (!time.Present || !_parser.TryParse(Element(time), out var ticks))
        {
            return Drop(Bad(line, "time:timestamp", time.Present ? $"'{Element(time)}' is not a timestamp" : "the event has no timestamp"));
        }

        _events.Add(new PendingEvent(
            builder.ActivityNames.Intern(Element(activity)), ticks,
            resource.Present ? builder.ResourceNames.Intern(Element(resource)) : -1,
            group.Present ? builder.GroupNames.Intern(Element(group)) : -1,
            state.Present ? Keep(state) : Text.None,
            priority.Present ? builder.PriorityValues.Intern(Element(priority)) : -1,
            firstAttribute, attributes));
        return null;

        // An event not kept leaves no attributes behind.
        LogProblem? Drop(LogProblem? problem)
        {
            _eventAttributes.RemoveRange(firstAttribute, attributes);
            _keptUsed = keptMark;
            return problem;
        }
    }

    // The key and value attributes of an XES attribute element, each copied once into the element buffer (a value longer than
    // the field limit is refused by the caller; the buffer holds it whole, which costs memory of its own order).
    private (Text Key, Text Value) KeyAndValue(XmlReader xml)
    {
        Text key = Text.None, value = Text.None;
        if (!xml.MoveToFirstAttribute()) return (key, value);
        do
        {
            var name = xml.Name;
            if (name == "key") key = Copy(xml);
            else if (name == "value") value = Copy(xml);
        }
        while (xml.MoveToNextAttribute());
        xml.MoveToElement();
        return (key, value);
    }

    // The current attribute's value, appended to the element buffer.
    private Text Copy(XmlReader xml)
    {
        var start = _elementUsed;
        while (true)
        {
            if (_element.Length - _elementUsed < 128) Array.Resize(ref _element, _element.Length * 2);
            var room = _element.Length - _elementUsed;
            var read = xml.ReadValueChunk(_element, _elementUsed, room);
            _elementUsed += read;

            // Less than asked for is the value's end (a chunk ends early only where the buffer is full or the value ends).
            if (read < room - 1) return new Text(start, _elementUsed - start);
        }
    }

    // An attribute that is no event field, waiting for its case: its slot when the key is known, else its key, to be resolved
    // at the trace's end; one whose values are not kept, or that has no value, is not kept at all.
    private void Pend(List<PendingAttribute> pending, Text key, Text value)
    {
        if (!key.Present || !value.Present || _missing.IsMissing(Element(value))) return;
        var slot = _slots.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(Element(key), out var known) ? known : Unresolved;
        if (slot == -1) return;
        pending.Add(new PendingAttribute(slot, slot == Unresolved ? Keep(key) : Text.None, Keep(value)));
    }

    private void SetAttribute(int caseIndex, PendingAttribute attribute)
    {
        var slot = attribute.Slot;
        if (slot == Unresolved)
        {
            var key = Kept(attribute.Key);
            var slots = _slots.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!slots.TryGetValue(key, out slot))
            {
                var name = key.ToString();
                _slots[name] = slot = builder.AttributeSlot(name);
            }
        }

        builder.SetAttribute(slot, caseIndex, Kept(attribute.Value));
    }

    // Text of the element buffer, and a copy of it in the buffer kept until the trace ends.
    private ReadOnlySpan<char> Element(Text text) => text.Present ? _element.AsSpan(text.Start, text.Length) : default;

    private ReadOnlySpan<char> Kept(Text text) => text.Present ? _kept.AsSpan(text.Start, text.Length) : default;

    private Text Keep(Text text)
    {
        if (!text.Present) return text;
        if (_kept.Length - _keptUsed < text.Length) Array.Resize(ref _kept, Math.Max(_kept.Length * 2, _keptUsed + text.Length));
        Element(text).CopyTo(_kept.AsSpan(_keptUsed));
        _keptUsed += text.Length;
        return new Text(_keptUsed - text.Length, text.Length);
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
    private LogProblem TooLong(Text key, int length) => new(lines.LineNumber, key.Present ? Element(key).ToString() : "value", FieldLimit.Message(length));

    private LogProblem? Bad(int line, string field, string message)
    {
        var problem = new LogProblem(line, field, message);
        if (!options.SkipBadRows) return problem;
        builder.SkippedRows++;
        if (_warnings.Count < 100) _warnings.Add(problem);
        return null;
    }

    private readonly record struct PendingEvent(int Activity, long Time, int Resource, int Group, Text State, int Priority, int FirstAttribute, int Attributes);

    private readonly record struct PendingAttribute(int Slot, Text Key, Text Value);

    /// <summary>Characters [Start, Start + Length) of a buffer; <see cref="None"/> for an attribute that is not there.</summary>
    private readonly record struct Text(int Start, int Length)
    {
        public static Text None => new(-1, 0);

        public bool Present => Start >= 0;
    }
}
