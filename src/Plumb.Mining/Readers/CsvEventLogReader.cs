namespace Plumb.Mining.Readers;

using System.Text;
using Plumb.Handbook.Tool;
using Plumb.Mining.EventLogs;

/// <summary>Reads an event log from CSV in one streaming pass; see <see cref="CsvLogOptions"/> for the columns and conventions.</summary>
public static class CsvEventLogReader
{
    /// <summary>Reads the log; a problem that stops reading is returned with its line and field, never thrown.</summary>
    public static LogReadResult Read(TextReader reader, CsvLogOptions? options = null, IProgress<long>? progress = null) =>
        Read(reader, options, progress, 0);

    /// <summary>
    /// Reads the log from bytes in the given encoding (a byte order mark wins). A seekable stream in an ASCII-compatible encoding
    /// is first scanned for its number of rows, so the log's columns are allocated once at their final size.
    /// </summary>
    public static LogReadResult Read(Stream stream, Encoding encoding, CsvLogOptions? options = null, IProgress<long>? progress = null)
    {
        var rows = stream.CanSeek && (encoding.IsSingleByte || encoding is UTF8Encoding) ? CsvRowCount.Count(stream) - 1 : 0;
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        return Read(reader, options, progress, rows);
    }

    private static LogReadResult Read(TextReader reader, CsvLogOptions? options, IProgress<long>? progress, int expectedRows)
    {
        string[] header = [];
        try
        {
            return Read(reader, options, progress, expectedRows, out header);
        }
        catch (CsvFieldTooLongException e)
        {
            return LogReadResult.Fail(e.Line, e.Field < header.Length ? header[e.Field] : $"field {e.Field + 1}", e.Message);
        }
    }

    private static LogReadResult Read(TextReader reader, CsvLogOptions? options, IProgress<long>? progress, int expectedRows, out string[] headerRead)
    {
        headerRead = [];
        options ??= new CsvLogOptions();
        var headerLine = reader.ReadLine();
        if (headerLine is null || headerLine.Trim().Length == 0) return LogReadResult.Fail(1, null, "the file is empty: expected a header row");
        headerLine = headerLine.TrimStart('\uFEFF');
        var separator = options.Separator ?? CsvColumnGuess.GuessSeparator(headerLine);
        var headerReader = new CsvRecordReader(new StringReader(headerLine), separator);
        headerReader.Read();
        var header = new string[headerReader.FieldCount];
        headerRead = header;
        for (var i = 0; i < header.Length; i++) header[i] = headerReader[i].Trim().ToString();

        var layout = CsvLayout.Resolve(header, options, out var layoutError);
        if (layout is null) return LogReadResult.Fail(1, null, layoutError!);

        var builder = new EventLogBuilder { DropDuplicates = options.DropDuplicates, GuessedColumns = layout.Guessed };
        if (!layout.RecordUpdates) builder.ExpectEvents(expectedRows);
        var attributeSlots = layout.AttributeColumns.Select(c => builder.AttributeSlot(header[c])).ToArray();
        var prioritySlot = layout.Priority >= 0 ? builder.AttributeSlot("priority") : -1;
        var all = options.EventAttributes.Contains("*");
        var perEvent = layout.AttributeColumns
            .Where(c => all || options.EventAttributes.Any(n => CsvColumnGuess.IndexOf([header[c]], n) == 0))
            .Select(c => (Column: c, Slot: builder.EventAttributeSlot(header[c]))).ToArray();
        var timestamps = new TimestampColumn(options.TimestampFormat);
        var missing = new MissingValues(options.MissingValues);
        var records = new CsvRecordReader(reader, separator, 2);
        var pending = new PendingAttributes(attributeSlots);
        Span<char> joined = stackalloc char[256];
        StateChoices? choices = null;
        LastValue lastCase = default, lastActivity = default, lastResource = default, lastGroup = default, lastPriority = default;
        while (records.Read())
        {
            if (records.FieldCount < layout.MinimumFields)
            {
                var problem = new LogProblem(records.Line, null, $"expected {header.Length} fields, found {records.FieldCount}");
                if (!options.SkipBadRows) return new LogReadResult(null, problem);
                builder.SkippedRows++;
                builder.Warn(problem);
                continue;
            }

            var caseId = records[layout.Case].Trim();
            if (missing.IsMissing(caseId))
            {
                var problem = new LogProblem(records.Line, header[layout.Case], "the case id is empty");
                if (!options.SkipBadRows) return new LogReadResult(null, problem);
                builder.SkippedRows++;
                builder.Warn(problem);
                continue;
            }

            var timeText = records[layout.Timestamp];
            if (!timestamps.TryParse(timeText, records.Line, builder.EventCount, out var ticks))
            {
                var problem = new LogProblem(records.Line, header[layout.Timestamp], missing.IsMissing(timeText) ? "the timestamp is missing"
                    : $"'{timeText.ToString()}' is not a timestamp" + (options.TimestampFormat is { } f ? $" in the format '{f}'"
                    : timestamps.FormName is { } form and not "ISO 8601" ? $" in the column's form {form} (give --timestamp-format)"
                    : " (give --timestamp-format)"));
                if (!options.SkipBadRows) return new LogReadResult(null, problem);
                builder.SkippedRows++;
                builder.Warn(problem);
                continue;
            }

            if (choices is null)
            {
                builder.Table = TableOf(options, caseId, layout.State >= 0 ? header[layout.State] : null);
                choices = StateChoices.For(builder.Table);
            }

            var caseIndex = lastCase.Code(caseId, builder.CaseIds);
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
                activity = lastActivity.Code(records[layout.Activity[0]].Trim(), builder.ActivityNames);
            }
            else
            {
                activity = builder.ActivityNames.Intern(Join(records, layout.Activity, ref joined));
            }

            var resource = lastResource.Optional(builder.ResourceNames, records, layout.Resource, missing);
            var group = lastGroup.Optional(builder.GroupNames, records, layout.Group, missing);
            var priority = lastPriority.Optional(builder.PriorityValues, records, layout.Priority, missing);
            if (layout.RecordDates.Length > 0)
            {
                if (AddRecordDates(builder, records, layout, header, timestamps, choices, missing, caseIndex, ticks, resource, group, priority) is { } bad)
                {
                    if (!options.SkipBadRows) return new LogReadResult(null, bad);
                    builder.SkippedRows++;
                    builder.Warn(bad);
                    continue;
                }
            }
            else
            {
                builder.Add(caseIndex, activity, ticks, resource, group, state, priority);
                foreach (var (column, slot) in perEvent)
                {
                    if (column >= records.FieldCount) continue;
                    var value = records[column].Trim();
                    if (!missing.IsMissing(value)) builder.SetEventAttribute(slot, value);
                }
            }

            if (priority >= 0) builder.SetAttribute(prioritySlot, caseIndex, builder.PriorityValues[priority]);
            if (caseIndex != pending.Case) pending.Flush(builder, caseIndex);
            for (var i = 0; i < attributeSlots.Length; i++)
            {
                var column = layout.AttributeColumns[i];
                if (column >= records.FieldCount) continue;
                var value = records[column].Trim();
                if (!missing.IsMissing(value)) pending.Set(i, value);
            }

            if (progress is not null && (builder.EventCount & 0xFFFFF) == 0) progress.Report(builder.EventCount);
        }

        pending.Flush(builder, -1);
        if (timestamps.Finish(builder.RewriteTimestamps) is { } refusal) return LogReadResult.Fail(refusal.Line, header[layout.Timestamp], refusal.Message);
        var log = builder.Build();
        return new LogReadResult(layout.RecordUpdates ? StateChangeDeriver.Derive(log) : log, null);
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
    /// only that one is interned (a task id on every row costs one string per case, not one per row).
    /// </summary>
    private sealed class PendingAttributes(int[] slots)
    {
        private readonly char[][] _text = slots.Select(_ => new char[64]).ToArray();
        private readonly int[] _length = new int[slots.Length];
        private readonly bool[] _has = new bool[slots.Length];

        /// <summary>The case whose values are held, or -1.</summary>
        public int Case { get; private set; } = -1;

        public void Set(int attribute, ReadOnlySpan<char> value)
        {
            if (value.Length > _text[attribute].Length) _text[attribute] = new char[value.Length * 2];
            value.CopyTo(_text[attribute]);
            _length[attribute] = value.Length;
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

    /// <summary>The last value of a column and its code: consecutive rows often repeat it (the same case, group, priority).</summary>
    private struct LastValue
    {
        private string? _text;
        private int _code;

        public int Code(ReadOnlySpan<char> value, StringTable table)
        {
            if (_text is not null && value.SequenceEqual(_text)) return _code;
            _code = table.Intern(value);
            _text = table[_code];
            return _code;
        }

        public int Optional(StringTable table, CsvRecordReader records, int column, MissingValues missing)
        {
            if (column < 0 || column >= records.FieldCount) return -1;
            var value = records[column].Trim();
            return missing.IsMissing(value) ? -1 : Code(value, table);
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
