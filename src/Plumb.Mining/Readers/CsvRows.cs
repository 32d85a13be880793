namespace Plumb.Mining.Readers;

using Plumb.Handbook.Tool;
using Plumb.Mining.EventLogs;

/// <summary>
/// The records of a CSV log (all of it, or one part of a file read in parts) read into their own builder and timestamp column:
/// case, activity, timestamp, resource, group, state, priority and the case attributes the options keep.
/// </summary>
internal sealed class CsvRows
{
    private readonly string[] _header;
    private readonly CsvLayout _layout;
    private readonly CsvLogOptions _options;
    private readonly int[] _attributeColumns;
    private readonly int[] _attributeSlots;
    private readonly int _prioritySlot;
    private readonly MissingValues _missing;
    private readonly (int Column, int Slot)[] _perEvent;

    /// <summary>
    /// Rows to be read into columns of <paramref name="expectedRows"/> events, or, for a part of a file read in parts, into the
    /// range of <paramref name="storage"/> from event <paramref name="first"/>.
    /// </summary>
    public CsvRows(string[] header, CsvLayout layout, CsvLogOptions options, int expectedRows, EventStorage? storage = null, int first = 0)
    {
        _header = header;
        _layout = layout;
        _options = options;
        Builder = new EventLogBuilder { DropDuplicates = options.DropDuplicates, GuessedColumns = layout.Guessed, CaseAttributes = options.CaseAttributes };
        if (!layout.RecordUpdates) Builder.ExpectEvents(storage, first, expectedRows);

        // Only the columns whose values are kept are looked at; the others are named in the notes. (Loops over the columns, not
        // LINQ over ints, whose generics would be compiled at run time on every cold read.)
        var kept = new List<int>();
        var slots = new List<int>();
        foreach (var c in layout.AttributeColumns)
        {
            var slot = Builder.AttributeSlot(header[c]);
            if (slot < 0) continue;
            kept.Add(c);
            slots.Add(slot);
        }

        (_attributeColumns, _attributeSlots) = ([.. kept], [.. slots]);
        _prioritySlot = layout.Priority >= 0 ? Builder.AttributeSlot("priority") : -1;
        Timestamps = new TimestampColumn(options.TimestampFormat);
        _missing = new MissingValues(options.MissingValues);
        var all = options.EventAttributes.Contains("*");
        // Snapshots keep a step's own field per row, for the changes to be derived from it (StateChangeDeriver).
        var named = layout.RecordUpdates ? options.EventAttributes.Concat(options.StepFields).ToList() : options.EventAttributes;
        var perEvent = new List<(int Column, int Slot)>();
        foreach (var c in layout.AttributeColumns)
        {
            if (all || named.Any(n => CsvColumnGuess.IndexOf([header[c]], n) == 0)) perEvent.Add((c, Builder.EventAttributeSlot(header[c])));
        }

        _perEvent = [.. perEvent];
    }

    /// <summary>The events read so far.</summary>
    public EventLogBuilder Builder { get; }

    /// <summary>The timestamp column, settled by the caller once every part was read.</summary>
    public TimestampColumn Timestamps { get; }

    /// <summary>Reads every record; the problem that stops reading (a bad row without --skip-bad-rows, a field too long), or null.</summary>
    public LogProblem? Read(CsvRecordReader records, IProgress<long>? progress)
    {
        try
        {
            return ReadRecords(records, progress);
        }
        catch (CsvFieldTooLongException e)
        {
            return new LogProblem(e.Line, e.Field < _header.Length ? _header[e.Field] : $"field {e.Field + 1}", e.Message);
        }
    }

    // Hot loops of a read that runs once per process: compiled fully optimised at once, not first with counters and patchpoints
    // (in a cold plain-build process the tiers took a quarter of the CPU of plumb log stats).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private LogProblem? ReadRecords(CsvRecordReader records, IProgress<long>? progress)
    {
        var (header, layout, options, builder, missing, timestamps) = (_header, _layout, _options, Builder, _missing, Timestamps);
        var pending = new PendingAttributes(_attributeSlots);
        Span<char> joined = stackalloc char[256];
        StateChoices? choices = null;
        var lastCase = new LastCase();
        var activities = new CsvColumnCodes(builder.ActivityNames, null);
        var resources = new CsvColumnCodes(builder.ResourceNames, missing);
        var groups = new CsvColumnCodes(builder.GroupNames, missing);
        var priorities = new CsvColumnCodes(builder.PriorityValues, missing);
        while (records.Read())
        {
            if (records.FieldCount < layout.MinimumFields)
            {
                var problem = new LogProblem(records.Line, null, $"expected {header.Length} fields, found {records.FieldCount}");
                if (!options.SkipBadRows) return problem;
                builder.SkippedRows++;
                builder.Warn(problem);
                continue;
            }

            // The case of the row before, compared on the bytes (a case's rows come together), is neither decoded nor missing.
            var sameCase = lastCase.Is(records.Bytes(layout.Case));
            var caseId = sameCase ? default : records[layout.Case].Trim();
            if (!sameCase && missing.IsMissing(caseId))
            {
                var problem = new LogProblem(records.Line, header[layout.Case], "the case id is empty");
                if (!options.SkipBadRows) return problem;
                builder.SkippedRows++;
                builder.Warn(problem);
                continue;
            }

            // ISO timestamps are read from the bytes; any other form, and every failure, from the text.
            if (!(records.Utf8 && timestamps.TryParseIso(records.Bytes(layout.Timestamp), out var ticks))
                && !timestamps.TryParse(records[layout.Timestamp], records.Line, builder.EventCount, out ticks))
            {
                var timeText = records[layout.Timestamp];
                var problem = new LogProblem(records.Line, header[layout.Timestamp], missing.IsMissing(timeText) ? "the timestamp is missing"
                    : $"'{timeText.ToString()}' is not a timestamp" + (options.TimestampFormat is { } f ? $" in the format '{f}'"
                    : timestamps.FormName is { } form and not "ISO 8601" ? $" in the column's form {form} (give --timestamp-format)"
                    : " (give --timestamp-format)"));
                if (!options.SkipBadRows) return problem;
                builder.SkippedRows++;
                builder.Warn(problem);
                continue;
            }

            if (choices is null)
            {
                builder.Table = TableOf(options, caseId, layout.State >= 0 ? header[layout.State] : null);
                choices = StateChoices.For(builder.Table);
            }

            var caseIndex = sameCase ? lastCase.Code : lastCase.Remember(records.Bytes(layout.Case), builder.CaseIds.Intern(caseId));
            var state = layout.State >= 0 ? InternState(builder, records[layout.State], choices, missing) : -1;
            int activity;
            if (layout.RecordDates.Length > 0)
            {
                activity = -1;
            }
            else if (layout.RecordUpdates)
            {
                activity = state >= 0 ? builder.ActivityNames.Intern(choices.LabelOf(builder.StateValues[state])) : builder.ActivityNames.Intern("Updated");
            }
            else if (layout.Activity.Length == 1)
            {
                activity = activities.Code(records, layout.Activity[0]);
            }
            else
            {
                activity = builder.ActivityNames.Intern(Join(records, layout.Activity, ref joined));
            }

            var resource = resources.Code(records, layout.Resource);
            var group = groups.Code(records, layout.Group);
            var priority = priorities.Code(records, layout.Priority);
            if (layout.RecordDates.Length > 0)
            {
                if (AddRecordDates(builder, records, layout, header, timestamps, choices, missing, caseIndex, ticks, resource, group, priority) is { } bad)
                {
                    if (!options.SkipBadRows) return bad;
                    builder.SkippedRows++;
                    builder.Warn(bad);
                    continue;
                }
            }
            else
            {
                builder.Add(caseIndex, activity, ticks, resource, group, state, priority);
                foreach (var (column, slot) in _perEvent)
                {
                    if (column >= records.FieldCount) continue;
                    var value = records[column].Trim();
                    if (!missing.IsMissing(value)) builder.SetEventAttribute(slot, value);
                }
            }

            if (priority >= 0) builder.SetAttribute(_prioritySlot, caseIndex, builder.PriorityValues[priority]);
            if (caseIndex != pending.Case) pending.Flush(builder, caseIndex);
            for (var i = 0; i < _attributeSlots.Length; i++)
            {
                var column = _attributeColumns[i];
                if (column >= records.FieldCount || pending.Holds(i, records.Bytes(column))) continue;
                var value = records[column].Trim();
                if (!missing.IsMissing(value)) pending.Set(i, value, records.Bytes(column));
            }

            if (progress is not null && (builder.EventCount & 0xFFFFF) == 0) progress.Report(builder.EventCount);
        }

        pending.Flush(builder, -1);
        return null;
    }

    // The table: given, else the first case id's prefix (PRB0040001), else the state column's name (incident_state); null = unknown.
    private static string? TableOf(CsvLogOptions options, ReadOnlySpan<char> firstCase, string? stateColumn)
    {
        if (!string.IsNullOrWhiteSpace(options.Table)) return options.Table.Trim();
        if (TicketNumbers.TableOf(firstCase) is { } table) return table;
        const string suffix = "_state";
        if (stateColumn is null || !stateColumn.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return null;
        var named = stateColumn[..^suffix.Length].ToLowerInvariant();
        return StateChoices.Knows(named) ? named : null;
    }

    /// <summary>
    /// The events of a row that is a whole record (see <see cref="CsvLayout.RecordDates"/>): opened at its open date in the new
    /// state, then reopened, resolved and closed at those dates where the row has them, in the table's states, as a ServiceNow
    /// record without audit rows reads. A date that is no timestamp stops the row like any other.
    /// </summary>
    private static LogProblem? AddRecordDates(EventLogBuilder builder, CsvRecordReader records, CsvLayout layout, string[] header,
        TimestampColumn timestamps, StateChoices choices, MissingValues missing, int caseIndex, long opened, int resource, int group, int priority)
    {
        foreach (var (role, column) in layout.RecordDates)
        {
            var ticks = opened;
            if (role != RecordDate.Opened)
            {
                if (column >= records.FieldCount || missing.IsMissing(records[column])) continue;
                if (!timestamps.TryParse(records[column], records.Line, builder.EventCount, out ticks))
                {
                    return new LogProblem(records.Line, header[column], $"'{records[column].ToString()}' is not a timestamp (give --timestamp-format)");
                }
            }

            var (name, value) = role switch
            {
                RecordDate.Opened => (choices.LabelOf(choices.NewValue), choices.NewValue),
                RecordDate.Reopened => (StateChangeDeriver.Reopened, choices.ReopenValue),
                RecordDate.Resolved => (choices.ResolvedValue is { } v ? choices.LabelOf(v) : "Resolved", choices.ResolvedValue),
                _ => (choices.LabelOf(choices.ClosedValue), choices.ClosedValue),
            };
            builder.Add(caseIndex, builder.ActivityNames.Intern(name), ticks, resource, group, value is null ? -1 : builder.StateValues.Intern(value), priority);
        }

        return null;
    }

    private static int InternState(EventLogBuilder builder, ReadOnlySpan<char> text, StateChoices choices, MissingValues missing)
    {
        text = text.Trim();
        if (missing.IsMissing(text)) return -1;
        var code = builder.StateValues.Find(text);
        return code >= 0 ? code : builder.StateValues.Intern(choices.ValueOf(text.ToString()));
    }

    /// <summary>
    /// The case attributes of the rows of one case, kept as text until the next case begins: the last value given wins, so
    /// only that one is interned (a task id on every row costs one string per case, not one per row). The field's bytes are
    /// kept beside it: the same bytes on the next row (a case's department on each of its rows) give the same value again,
    /// and are neither decoded nor copied.
    /// </summary>
    private sealed class PendingAttributes(int[] slots)
    {
        private readonly char[][] _text = slots.Select(_ => new char[64]).ToArray();
        private readonly int[] _length = new int[slots.Length];
        private readonly byte[][] _raw = slots.Select(_ => new byte[64]).ToArray();
        private readonly int[] _rawLength = new int[slots.Length];
        private readonly bool[] _has = new bool[slots.Length];

        /// <summary>The case whose values are held, or -1.</summary>
        public int Case { get; private set; } = -1;

        /// <summary>Whether the value held for the case was read from these very bytes.</summary>
        public bool Holds(int attribute, ReadOnlySpan<byte> raw) => _has[attribute] && raw.SequenceEqual(_raw[attribute].AsSpan(0, _rawLength[attribute]));

        public void Set(int attribute, ReadOnlySpan<char> value, ReadOnlySpan<byte> raw)
        {
            if (value.Length > _text[attribute].Length) _text[attribute] = new char[value.Length * 2];
            value.CopyTo(_text[attribute]);
            _length[attribute] = value.Length;
            if (raw.Length > _raw[attribute].Length) _raw[attribute] = new byte[raw.Length * 2];
            raw.CopyTo(_raw[attribute]);
            _rawLength[attribute] = raw.Length;
            _has[attribute] = true;
        }

        /// <summary>Gives the held values to the builder, then holds those of <paramref name="next"/>.</summary>
        public void Flush(EventLogBuilder builder, int next)
        {
            for (var i = 0; i < slots.Length; i++)
            {
                if (!_has[i]) continue;
                builder.SetAttribute(slots[i], Case, _text[i].AsSpan(0, _length[i]));
                _has[i] = false;
            }

            Case = next;
        }
    }

    /// <summary>The case of the row before, by its bytes, and its code.</summary>
    private sealed class LastCase
    {
        private byte[] _bytes = new byte[64];
        private int _length = -1;

        public int Code { get; private set; }

        public bool Is(ReadOnlySpan<byte> raw) => _length >= 0 && raw.SequenceEqual(_bytes.AsSpan(0, _length));

        public int Remember(ReadOnlySpan<byte> raw, int code)
        {
            if (raw.Length > _bytes.Length) _bytes = new byte[raw.Length * 2];
            raw.CopyTo(_bytes);
            _length = raw.Length;
            return Code = code;
        }
    }

    private static ReadOnlySpan<char> Join(CsvRecordReader records, int[] columns, ref Span<char> buffer)
    {
        var length = 0;
        foreach (var column in columns)
        {
            var part = records[column].Trim();
            if (part.IsEmpty) continue;
            var needed = length + part.Length + 1;
            if (needed > buffer.Length)
            {
                var bigger = new char[needed * 2];
                buffer[..length].CopyTo(bigger);
                buffer = bigger;
            }

            if (length > 0) buffer[length++] = '-';
            part.CopyTo(buffer[length..]);
            length += part.Length;
        }

        return buffer[..length];
    }
}
