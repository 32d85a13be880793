namespace Plumb.Mining.Readers;

using System.Text.Json;
using System.Xml;
using Plumb.Handbook.Tool;
using Plumb.Mining.EventLogs;

/// <summary>
/// Reads ServiceNow Table API JSON: task records (incident, problem, change_request, ...) and <c>sys_audit</c> rows
/// (<c>documentkey</c>, <c>fieldname</c>, <c>oldvalue</c>, <c>newvalue</c>, <c>sys_created_on</c>, <c>user</c>), from one
/// stream holding both or from several. Each record is a case: it opens with its first state at <c>opened_at</c>; audited
/// changes of state, assignment group and priority become events (<see cref="StateChangeDeriver"/> names), and so do the
/// changes of the step fields the caller names (<c>major_incident_state = accepted</c>); an instance audits every field of a
/// task table, and the others (work notes, descriptions) give no event. A record without audit rows gets its events from
/// <c>opened_at</c>, <c>resolved_at</c> and <c>closed_at</c>.
/// </summary>
public static class SnowJsonEventLogReader
{
    private static readonly string[] KeptFields =
    [
        "sys_id", "number", "sys_class_name", "priority", "impact", "urgency", "category", "subcategory", "contact_type", "close_code",
        "problem_id", "caused_by", "rfc", "parent_incident", "parent", "incident", "made_sla", "reopen_count", "cmdb_ci", "business_service",
        "assignment_group", "state",
    ];

    private const int NoSlot = -2;

    /// <summary>The record fields the log is built from (case attributes, the opening, resolution and closure and who did them).</summary>
    public static readonly IReadOnlyList<string> RecordFields =
    [
        .. KeptFields, "opened_at", "sys_created_on", "resolved_at", "closed_at", "opened_by", "sys_created_by", "resolved_by", "closed_by",
    ];

    /// <summary>
    /// Reads records and audit rows from the streams; a problem that stops reading is returned, never thrown. Group and user
    /// sys_ids are named from display values, from sys_user_group / sys_user records among the input, or from
    /// <paramref name="directories"/> (exports of those tables, JSON or XML unload); what stays unnamed is counted in the notes.
    /// Audited changes of <paramref name="stepFields"/> become events (see the other overload).
    /// </summary>
    public static LogReadResult Read(IEnumerable<Stream> streams, bool dropDuplicates = false, IEnumerable<Stream>? directories = null,
        IReadOnlyCollection<string>? stepFields = null)
    {
        // A step field is a case attribute, kept as text even when it is a date.
        var input = new SnowJsonInput(new TimestampParser(), [.. RecordFields, .. SnowReferences.FieldsRead, .. stepFields ?? []],
            [.. SnowHistory.CoreFields, .. stepFields ?? []], SnowHistory.DateFields.Except(stepFields ?? [], StringComparer.OrdinalIgnoreCase));
        try
        {
            var next = false;
            foreach (var stream in streams)
            {
                // What a stream of many records or rows left (an instance export's 185k records before its audit rows) is
                // collected before the next is read, as the last one's is before the log is derived (read's end 161 -> 156 MB).
                if (next && IsLarge(input)) ReadMemory.GiveBack();
                next = true;
                if (!JsonRecordStream.TryReadInParts(stream, input)) ReadInto(stream, input);
                if (input.Problem is { } problem) return new LogReadResult(null, problem);
            }
        }
        catch (JsonException e)
        {
            return LogReadResult.Fail(0, null, $"not valid JSON near record {input.Index + 1}: {e.Message}");
        }

        return Read(input, null, dropDuplicates, directories, stepFields);
    }

    /// <summary>
    /// Builds the log from records and audit rows already read (the server's stored ticket history): the same derivation as
    /// reading Table API JSON. <paramref name="records"/> may hold sys_user_group and sys_user records, which name sys_ids;
    /// a record needs only the fields in <see cref="RecordFields"/> and <paramref name="stepFields"/>.
    /// </summary>
    /// <param name="records">The task records, and sys_user_group / sys_user records that name sys_ids.</param>
    /// <param name="audit">The sys_audit rows of the records.</param>
    /// <param name="dropDuplicates">Drop exact duplicate events.</param>
    /// <param name="directories">Exports of sys_user_group and sys_user that name sys_ids.</param>
    /// <param name="stepFields">
    /// Fields besides state, assignment group and priority whose audited changes become events (the fields steps' tool mappings
    /// name, <see cref="StepFieldsOf"/>); their record values are kept per case. Other audited fields (work notes, descriptions,
    /// assigned_to) give no event, so a real sys_audit export does not turn every edit into an activity.
    /// </param>
    public static LogReadResult Read(IEnumerable<Dictionary<string, string>> records, IEnumerable<SnowAuditEntry> audit, bool dropDuplicates = false,
        IEnumerable<Stream>? directories = null, IReadOnlyCollection<string>? stepFields = null)
    {
        var input = new SnowJsonInput(new TimestampParser());
        foreach (var entry in audit) input.AddAudit(entry.DocumentKey, entry.Time, entry.Field, entry.Old, entry.New, entry.User);
        return Read(input, records, dropDuplicates, directories, stepFields);
    }

    // The records are the input's own (read from JSON or XML) or, for stored history, given as field maps.
    private static LogReadResult Read(SnowJsonInput input, IEnumerable<Dictionary<string, string>>? records, bool dropDuplicates, IEnumerable<Stream>? directories,
        IReadOnlyCollection<string>? stepFields)
    {
        // Two threads reading a large file leave much garbage and the tables' grown-out arrays: collected before the passes
        // over the records, the rows' grouping and the events take that room (1M-event receipt log: 251 -> 232 MB peak).
        if (IsLarge(input)) ReadMemory.GiveBack();
        var references = new SnowReferences();
        var tasks = new List<Dictionary<string, string>>();
        var taskIndexes = new List<int>();

        // The input's records are made field maps one at a time into this one: only strings of a record are kept, never the map.
        var scratch = new Dictionary<string, string>(StringComparer.Ordinal);
        var times = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            // Directory records and display values name sys_ids before any task is built; the input's records are made
            // field maps again when built, so they are not all held as dictionaries at once.
            if (records is null)
            {
                for (int i = 0, n = input.RecordCount; i < n; i++)
                {
                    if (IsTask(input.Record(i, scratch))) taskIndexes.Add(i);
                }
            }
            else
            {
                tasks.AddRange(records.Where(IsTask));
            }

            foreach (var directory in directories ?? []) references.ReadDirectory(directory);
        }
        catch (XmlException e)
        {
            return LogReadResult.Fail(e.LineNumber, null, $"not valid XML: {e.Message}");
        }
        catch (JsonException e)
        {
            return LogReadResult.Fail(0, null, $"the group or user export is not valid JSON: {e.Message}");
        }

        // A group or user record names sys_ids; a task record may too (display values beside them), and becomes a case.
        bool IsTask(Dictionary<string, string> row)
        {
            if (references.TryAddDirectoryRecord(row)) return false;
            references.LearnFrom(row);
            return true;
        }

        if (records is not null) return Build(tasks.Count, i => tasks[i], null, input, references, new TimestampParser(), dropDuplicates, stepFields ?? [], null);

        // Every record a task (no directory records among them): each is read by its own index, and the list let go.
        var count = taskIndexes.Count;
        Func<int, int> at = i => taskIndexes[i];
        if (count == input.RecordCount) (taskIndexes, at) = ([], i => i);
        return Build(count, i => input.Record(at(i), scratch, times), times, input, references, new TimestampParser(), dropDuplicates, stepFields ?? [],
            (i, events) => input.HandRecordsBefore(at(i), events));
    }

    /// <summary>
    /// The fields other than state, assignment group and priority that the steps' tool mappings name (<c>field:</c>), whose
    /// audited changes show those steps: what <see cref="Read(IEnumerable{Stream}, bool, IEnumerable{Stream}?, IReadOnlyCollection{string}?)"/> takes as step fields.
    /// </summary>
    public static IReadOnlyList<string> StepFieldsOf(IEnumerable<Plumb.Handbook.Model.Step> steps) =>
        steps.Select(s => s.Tool?.Field).OfType<string>().Select(f => f.Trim()).Where(f => f.Length > 0 && !SnowHistory.IsCoreField(f))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    // A record from `records` has its dates read as times in `times` (filled by each call), or none when that is null; once the
    // events of the records before one are derived, `derived` may hand their room to the events.
    private static LogReadResult Build(int count, Func<int, Dictionary<string, string>> records, IReadOnlyDictionary<string, long>? times, SnowJsonInput audit,
        SnowReferences references, TimestampParser parser, bool dropDuplicates, IReadOnlyCollection<string> stepFields, Action<int, EventLogBuilder>? derived)
    {
        if (count == 0) return LogReadResult.Fail(0, null, "no task records found (expected {\"result\": [...]} with records such as incidents)");
        var builder = new EventLogBuilder { DropDuplicates = dropDuplicates };
        builder.ExpectCases(count);
        var history = new SnowHistory(builder, parser, references, stepFields);
        var kept = KeptFields.Concat(stepFields.Where(f => !KeptFields.Contains(f, StringComparer.OrdinalIgnoreCase))).ToArray();
        var tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<AuditRow>();

        // Every record's lookup of its rows is announced first, so the rows of a record are let go once its events are derived;
        // then the records' keys are codes, the values' lookup by text let go, and what the passes over the records left collected.
        var keys = new int[count];
        for (var i = 0; i < count; i++)
        {
            var record = records(i);
            var id = IdOf(record);
            if (id.Length == 0) break;
            audit.Expect(keys[i] = audit.CodeOf(audit.KeyOf(record.GetValueOrDefault("sys_id", ""), id)));
        }

        if (IsLarge(audit))
        {
            audit.ReleaseLookup();
            audit.TrimExcess();
            ReadMemory.GiveBack();
        }

        // A field's attribute is made when a record first has it, so the attributes keep the order they are met in.
        var slots = Enumerable.Repeat(NoSlot, kept.Length).ToArray();
        var tableSlot = NoSlot;
        for (var i = 0; i < count; i++)
        {
            if ((i & 1023) == 0) derived?.Invoke(i, builder);
            var record = records(i);
            var id = IdOf(record);
            if (id.Length == 0) return LogReadResult.Fail(0, "number", $"record {i + 1} has neither a number nor a sys_id");

            // The record's strings are the input's, held anyway: the log keeps them rather than copies.
            var caseIndex = builder.CaseIds.Intern(id);
            for (var k = 0; k < kept.Length; k++)
            {
                if (!record.TryGetValue(kept[k], out var value)) continue;
                if (slots[k] == NoSlot) slots[k] = builder.AttributeSlot(kept[k]);
                builder.SetAttribute(slots[k], caseIndex, kept[k] == "assignment_group" ? references.Group(value) : value);
            }

            var table = record.GetValueOrDefault("sys_class_name") is { Length: > 0 } cls ? cls : TicketNumbers.TableOf(id);
            if (table is not null)
            {
                if (tableSlot == NoSlot) tableSlot = builder.AttributeSlot("table");
                builder.SetAttribute(tableSlot, caseIndex, table);
            }

            tables.Add(table ?? "");
            audit.RowsOf(keys[i], rows, builder);
            if (history.Add(caseIndex, record, times, rows, StateChoices.For(table)) is { } problem) return new LogReadResult(null, problem with { Message = $"record {id}: {problem.Message}" });
        }

        // A large input lies in the oldest generation, which is collected seldom: collected now, before the log's columns are
        // made, the columns take its place rather than adding to it (1M-event receipt log: 330 -> 278 MB peak; decommitted
        // too, the builder's chunks copied into the columns take no more room than the input did).
        var large = IsLarge(audit);
        audit.Clear();
        if (large) ReadMemory.GiveBack();
        if (tables.Count == 1 && tables.First() is { Length: > 0 } only) builder.Table = only;
        foreach (var remark in references.Remarks()) builder.Remark(remark);
        return new LogReadResult(builder.Build(), null);
    }

    // Records and audit rows from which the read's collections pay for their few milliseconds (ReadMemory.Large, as the
    // other readers and the build count it).
    private static bool IsLarge(SnowJsonInput input) => input.RecordCount + input.AuditCount >= ReadMemory.Large;

    // The case id of a record: its number, else its sys_id; empty when it has neither.
    private static string IdOf(Dictionary<string, string> record) =>
        record.GetValueOrDefault("number") is { Length: > 0 } number ? number : record.GetValueOrDefault("sys_id", "");

    // Table API JSON, or an XML unload of the same records (the export ServiceNow's list menu offers).
    private static void ReadInto(Stream stream, SnowJsonInput input)
    {
        var buffered = new BufferedStream(stream);
        var first = -1;
        while ((first = buffered.ReadByte()) is ' ' or '\n' or '\r' or '\t' or 0xEF or 0xBB or 0xBF) { }
        var rest = new FramedStream(first < 0 ? ReadOnlyMemory<byte>.Empty : new[] { (byte)first }, buffered);
        if (first != '<')
        {
            JsonRecordStream.Read(rest, input);
            return;
        }

        foreach (var row in SnowReferences.UnloadRecords(rest, references: true))
        {
            if (!input.Add(row)) return;
        }
    }
}
