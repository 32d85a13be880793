namespace Plumb.Cli.Commands;

using System.CommandLine;
using System.Text;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

/// <summary>The options every event-log command shares (--log-format and the CSV column options), and opening the log.</summary>
public sealed class LogOptions
{
    public Option<string?> Format { get; } = new("--log-format")
    {
        Description = "The log's format: csv, xes or snow-json (guessed from the file name and content when left out).",
    };

    public Option<string?> Case { get; } = new("--case") { Description = "CSV: the case id column (guessed: case:concept:name, case_id, number, ...)." };

    public Option<string?> Activity { get; } = new("--activity")
    {
        Description = "CSV: the activity column; join columns with + (e.g. \"Status+Sub Status\"). Without one, rows are record updates.",
    };

    public Option<string?> Timestamp { get; } = new("--timestamp") { Description = "CSV: the timestamp column (guessed: time:timestamp, sys_updated_on, ...)." };

    public Option<string?> Resource { get; } = new("--resource") { Description = "CSV: the resource column (guessed: org:resource, sys_updated_by, ...)." };

    public Option<string?> Group { get; } = new("--group") { Description = "CSV: the assignment group column (guessed: org:group, assignment_group, ...)." };

    public Option<string?> State { get; } = new("--state") { Description = "CSV: the state column (guessed: incident_state, state, status)." };

    public Option<string?> Table { get; } = new("--table")
    {
        Description = "CSV: the ServiceNow table (incident, problem, change_request, sc_req_item, ...) whose state choices name the states "
            + "(guessed from the case id prefix such as PRB, else the state column such as incident_state, else incident).",
    };

    public Option<string?> TimestampFormat { get; } = new("--timestamp-format")
    {
        Description = "CSV: iso, unix, unix-ms or a .NET format such as dd-MM-yyyy HH:mm (automatic when left out).",
    };

    public Option<string?> Separator { get; } = new("--separator") { Description = "CSV: the separator (guessed from the header)." };

    public Option<string> Encoding { get; } = new("--encoding") { Description = "CSV: the text encoding, e.g. utf-8 or latin1.", DefaultValueFactory = _ => "utf-8" };

    public Option<bool> RecordUpdates { get; } = new("--record-updates")
    {
        Description = "CSV: every row is a record snapshot (one row per update); derive events from changes of state, group, priority.",
    };

    public Option<string[]> Missing { get; } = new("--missing")
    {
        Description = "CSV and XES: a marker of \"no value\" besides empty, ?, NULL, (empty), (null) and N/A (repeat for several).",
    };

    public Option<bool> SkipBadRows { get; } = new("--skip-bad-rows") { Description = "Skip unreadable rows (reported) instead of stopping at the first." };

    public Option<bool> DropDuplicates { get; } = new("--drop-duplicates") { Description = "Drop exact duplicate events (kept and counted by default)." };

    public Option<string[]> Audit { get; } = new("--audit") { Description = "snow-json: sys_audit export file(s) to read with the task records." };

    public Option<string[]> Groups { get; } = new("--groups")
    {
        Description = "snow-json: sys_user_group export(s) (Table API JSON or XML unload) to name assignment-group sys_ids.",
    };

    public Option<string[]> Users { get; } = new("--users") { Description = "snow-json: sys_user export(s) (JSON or XML unload) to name user sys_ids." };

    public IEnumerable<Option> All => [Format, Case, Activity, Timestamp, Resource, Group, State, Table, TimestampFormat, Separator, Encoding,
        Missing, RecordUpdates, SkipBadRows, DropDuplicates, Audit, Groups, Users];

    /// <summary>The --log option of a command: one event-log file, or several of one organisation (given once per file).</summary>
    public static Option<string[]> LogOption() => new("--log")
    {
        Description = "The event log; give --log once per file to read several together (incidents, problems, changes, interactions).",
        Required = true, AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>CSV: the columns kept per event as well as per case (see <see cref="CsvLogOptions.EventAttributes"/>).</summary>
    public IReadOnlyList<string> EventFields { get; set; } = [];

    /// <summary>ServiceNow JSON: the fields besides state, group and priority whose audited changes become events.</summary>
    public IReadOnlyList<string> StepFields { get; set; } = [];

    /// <summary>
    /// Keeps per event the fields the process's tool mappings test (<c>tool.when</c>), and derives events from the audited
    /// changes of the fields they name (<c>tool.field</c>: major_incident_state, known_error).
    /// </summary>
    public void KeepFieldsOf(Plumb.Handbook.Model.Process process)
    {
        EventFields = process.Procedures.SelectMany(p => p.Steps).Select(s => s.Tool?.When?.Attribute)
            .Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        StepFields = SnowJsonEventLogReader.StepFieldsOf(process.Procedures.SelectMany(p => p.Steps));
    }

    /// <summary>Reads every log and merges them into one (cases with the same id become one case).</summary>
    public EventLog Open(ParseResult parse, IReadOnlyList<string> paths, CliContext context, CaseAttributeSelection? attributes = null) =>
        EventLogMerge.Merge(paths.Select(p => Open(parse, p, context, attributes)).ToList());

    public void AddTo(Command command)
    {
        foreach (var option in All) command.Options.Add(option);
        Plumb.Mining.Readers.CsvEventLogReader.CompileAhead();
    }

    /// <summary>
    /// Reads the log; bad input throws a one-line <see cref="UsageException"/> naming the file, line and field. Only the case
    /// attributes in <paramref name="attributes"/> keep their values (null: every one), so a command holds what it reads.
    /// </summary>
    public EventLog Open(ParseResult parse, string path, CliContext context, CaseAttributeSelection? attributes = null)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path).Select(Path.GetFileName).Where(f => Guessable(f!)).Order(StringComparer.Ordinal).Take(6).ToList();
            throw new UsageException($"{path} is a folder: --log takes an event-log file (.csv, .csv.gz, .xes, .xes.gz or ServiceNow .json); "
                + "give --log once per file to read several" + (files.Count == 0 ? "" : $" (here: {string.Join(", ", files)})"));
        }

        if (!File.Exists(path)) throw new UsageException($"{path}: no such file");
        var format = parse.GetValue(Format) ?? Guess(path);
        if (!EventLogFormat.All.Contains(format)) throw new UsageException($"unknown log format '{format}': use csv, xes or snow-json");
        var progress = new ProgressLines<long>(n => context.Error.WriteLine($"plumb: read {n:N0} events ..."));
        var audits = format == EventLogFormat.SnowJson ? parse.GetValue(Audit) ?? [] : [];
        var lookups = format == EventLogFormat.SnowJson ? (parse.GetValue(Groups) ?? []).Concat(parse.GetValue(Users) ?? []).ToArray() : [];
        foreach (var f in audits.Concat(lookups))
        {
            if (!File.Exists(f)) throw new UsageException($"{f}: no such file");
        }

        var options = CsvOptions(parse, attributes);
        var encoding = format == EventLogFormat.Csv ? EncodingOf(parse) : System.Text.Encoding.UTF8;
        LogReadResult result;
        var streams = new[] { path }.Concat(audits).Concat(lookups).Select(f => (Stream)File.OpenRead(f)).ToList();
        try
        {
            result = EventLogFormat.Read(format, streams[0], encoding, options, progress, streams[1..(1 + audits.Length)], streams[(1 + audits.Length)..]);
        }
        finally
        {
            foreach (var s in streams) s.Dispose();
        }

        if (result.Error is { } error) throw new UsageException(error.Format(path));
        var log = result.Log!;
        var notes = log.Notes;
        foreach (var problem in notes.Problems.Take(20)) context.Error.WriteLine($"plumb: skipped {problem.Format(path)}");
        if (notes.SkippedRows > 20) context.Error.WriteLine($"plumb: ... {notes.SkippedRows - 20:N0} more rows skipped");
        if (notes.UnsortedCases > 0) context.Error.WriteLine($"plumb: {path}: {notes.UnsortedCases:N0} case(s) had events out of time order; sorted by timestamp (ties keep file order)");
        if (notes.GuessedColumns is { } guessed) context.Error.WriteLine($"plumb: {path}: {guessed}");
        foreach (var remark in notes.Remarks) context.Error.WriteLine($"plumb: {path}: {remark}");
        if (notes.DuplicateEvents > 0)
        {
            context.Error.WriteLine($"plumb: {path}: {notes.DuplicateEvents:N0} exact duplicate event(s) {(notes.DuplicatesDropped ? "dropped" : "kept (--drop-duplicates drops them)")}");
        }

        return log;
    }

    private Encoding EncodingOf(ParseResult parse)
    {
        var name = parse.GetValue(Encoding)!;
        try
        {
            return name.ToLowerInvariant() is "latin1" or "latin-1" ? System.Text.Encoding.Latin1 : System.Text.Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            throw new UsageException($"unknown encoding '{name}': use utf-8, latin1, utf-16 or ascii");
        }
    }

    /// <summary>The CSV options given on the command line (XES and ServiceNow JSON take only the duplicate and bad-row ones).</summary>
    public CsvLogOptions CsvOptions(ParseResult parse, CaseAttributeSelection? attributes = null)
    {
        var separator = parse.GetValue(Separator) switch
        {
            null => (char?)null,
            "\\t" or "tab" => '\t',
            { Length: 1 } s => s[0],
            var s => throw new UsageException($"--separator takes one character, not '{s}'"),
        };
        return new CsvLogOptions
        {
            Case = parse.GetValue(Case), Activity = parse.GetValue(Activity), Timestamp = parse.GetValue(Timestamp),
            Resource = parse.GetValue(Resource), Group = parse.GetValue(Group), State = parse.GetValue(State), Table = parse.GetValue(Table),
            TimestampFormat = parse.GetValue(TimestampFormat), Separator = separator, MissingValues = parse.GetValue(Missing) ?? [],
            RecordUpdates = parse.GetValue(RecordUpdates) ? true : null,
            SkipBadRows = parse.GetValue(SkipBadRows), DropDuplicates = parse.GetValue(DropDuplicates), EventAttributes = EventFields, StepFields = StepFields, CaseAttributes = attributes,
        };
    }

    private static bool Guessable(string name) =>
        new[] { ".csv", ".csv.gz", ".xes", ".xes.gz", ".json" }.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static string Guess(string path)
    {
        if (EventLogFormat.FromName(path) is { } named) return named;
        using var stream = GzipDetection.Unwrap(File.OpenRead(path));
        return EventLogFormat.Sniff(stream);
    }
}
