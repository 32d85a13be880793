namespace Plumb.Mining.Readers;

/// <summary>Which column holds what, resolved once from the header and the options.</summary>
internal sealed record CsvLayout(int Case, int[] Activity, int Timestamp, int Resource, int Group, int State, int Priority, bool RecordUpdates,
    int[] AttributeColumns, int MinimumFields)
{
    /// <summary>
    /// For a file with one row per record and no activity: the date columns that give its events (opened, reopened, resolved,
    /// closed), in that order; empty otherwise.
    /// </summary>
    public (RecordDate Role, int Column)[] RecordDates { get; init; } = [];

    /// <summary>What was guessed rather than named ("case 'number', activity 'Status'+'Sub Status'"), or null when nothing was.</summary>
    public string? Guessed { get; init; }

    public static CsvLayout? Resolve(string[] header, CsvLogOptions options, out string? error)
    {
        error = null;
        var caseColumn = CsvColumnGuess.Find(header, options.Case, CsvColumnGuess.Case);
        var timestamp = CsvColumnGuess.Find(header, options.Timestamp, CsvColumnGuess.Timestamp);
        var state = CsvColumnGuess.Find(header, options.State, CsvColumnGuess.State);
        int[] activity;
        if (options.Activity is { } named)
        {
            activity = named.Split('+').Select(n => CsvColumnGuess.IndexOf(header, n.Trim())).ToArray();
        }
        else
        {
            // An activity column first; else a status and sub-status pair (joined, as the BPI Challenge logs read); else none,
            // and a state column makes the rows record updates.
            var guessed = CsvColumnGuess.Find(header, null, CsvColumnGuess.Activity);
            activity = guessed >= 0 ? [guessed] : options.RecordUpdates == true ? [] : CsvColumnGuess.StatusPair(header) ?? [];
        }

        var recordUpdates = options.RecordUpdates ?? (activity.Length == 0 && state >= 0);
        var resource = CsvColumnGuess.Find(header, options.Resource, CsvColumnGuess.Resource);
        var group = CsvColumnGuess.Find(header, options.Group, CsvColumnGuess.Group);
        var priority = CsvColumnGuess.Find(header, options.Priority, CsvColumnGuess.Priority);

        // One row per record, no activity and no event time (BPI Challenge 2014's incidents): the record's dates are its events,
        // as for a ServiceNow record without audit rows. Its status column is the record's last status, kept as an attribute.
        if (options.Activity is null && options.Timestamp is null && options.RecordUpdates != true && caseColumn >= 0 && timestamp < 0
            && activity.Length == 0 && RecordDatesOf(header) is { Length: > 0 } dates && dates[0].Role == RecordDate.Opened)
        {
            return ForRecordDates(header, caseColumn, dates, resource, group, priority);
        }

        // Every column that is missing is named in one error, each with the columns that may be it.
        var missing = new List<string>();
        if (caseColumn < 0) missing.Add(Missing(header, "case", options.Case, "--case", "id", "number", "case", "ticket", "key"));
        if (timestamp < 0)
        {
            missing.Add(Missing(header, "timestamp", options.Timestamp, "--timestamp", "time", "date", "stamp", " on", " at")
                + (options.Timestamp is null && activity.Length == 0
                    ? $", nor an open date for one row per record (looked for {string.Join(", ", CsvColumnGuess.RecordDates[0].Names.Select(n => $"'{n}'"))})"
                    : ""));
        }
        if (recordUpdates && state < 0) missing.Add(Missing(header, "state", options.State, "--state", "state", "status"));
        if (!recordUpdates && (activity.Length == 0 || activity.Contains(-1)))
        {
            missing.Add(Missing(header, "activity", options.Activity, "--activity", "activity", "type", "status", "event", "action", "state"));
        }

        if (options.Resource is not null && resource < 0) missing.Add(Missing(header, "resource", options.Resource, "--resource", "user", "resource", "owner", "by"));
        if (options.Group is not null && group < 0) missing.Add(Missing(header, "group", options.Group, "--group", "group", "team", "queue", " st"));
        if (missing.Count > 0)
        {
            error = string.Join("; ", missing) + $" (columns: {string.Join(", ", header)})";
            return null;
        }

        var attributes = ColumnsOutside(header, [.. activity, caseColumn, timestamp, resource, group, state, priority]);
        var minimum = Math.Max(Math.Max(caseColumn, timestamp), state) + 1;
        foreach (var a in activity) minimum = Math.Max(minimum, a + 1);
        var guesses = new List<string>();
        void Note(string what, string? named, int column)
        {
            if (named is null && column >= 0) guesses.Add($"{what} '{header[column]}'");
        }

        Note("case", options.Case, caseColumn);
        if (recordUpdates) Note("state (rows are record updates)", options.State, state);
        else if (options.Activity is null) guesses.Add("activity " + string.Join("+", activity.Select(a => $"'{header[a]}'")));
        Note("timestamp", options.Timestamp, timestamp);
        Note("resource", options.Resource, resource);
        Note("group", options.Group, group);
        return new CsvLayout(caseColumn, recordUpdates ? [] : activity, timestamp, resource, group, state, priority, recordUpdates, attributes, minimum)
        {
            Guessed = guesses.Count == 0 ? null : "guessed columns: " + string.Join(", ", guesses),
        };
    }

    // The named columns that hold no event field (-1 in the fields: not in the file). Loops, not LINQ over ints: those
    // generics have no precompiled code, and every cold read compiled them.
    private static int[] ColumnsOutside(string[] header, ReadOnlySpan<int> fields)
    {
        var attributes = new List<int>();
        for (var i = 0; i < header.Length; i++)
        {
            if (!fields.Contains(i) && header[i].Length > 0) attributes.Add(i);
        }

        return [.. attributes];
    }

    private static (RecordDate Role, int Column)[] RecordDatesOf(string[] header) =>
        CsvColumnGuess.RecordDates.Select(d => (d.Role, Column: CsvColumnGuess.Find(header, null, d.Names))).Where(d => d.Column >= 0).ToArray();

    private static CsvLayout ForRecordDates(string[] header, int caseColumn, (RecordDate Role, int Column)[] dates, int resource, int group, int priority)
    {
        // The dates stay case attributes too: measures read them as fields (field:resolved_time), and a "Reopen Time" column
        // says reopenings can be seen even when no record was reopened.
        var attributes = ColumnsOutside(header, [caseColumn, resource, group, priority]);
        var guesses = new List<string> { $"case '{header[caseColumn]}'" };
        guesses.Add("one row per record, events from " + string.Join(", ", dates.Select(d => $"'{header[d.Column]}'")));
        if (resource >= 0) guesses.Add($"resource '{header[resource]}'");
        if (group >= 0) guesses.Add($"group '{header[group]}'");
        // Only the case and the open date must be on every row; a later date column may be cut off with the empty fields after it.
        return new CsvLayout(caseColumn, [], dates[0].Column, resource, group, -1, priority, false, attributes, Math.Max(caseColumn, dates[0].Column) + 1)
        {
            RecordDates = dates, Guessed = "guessed columns: " + string.Join(", ", guesses),
        };
    }

    private static string Missing(string[] header, string what, string? named, string option, params string[] words)
    {
        var candidates = CsvColumnGuess.Candidates(header, words).Select(c => $"'{c}'").ToList();
        var maybe = candidates.Count == 0 ? "" : $", candidates: {string.Join(", ", candidates)}";
        return named is null ? $"no {what} column found (name it with {option}{maybe})" : $"no column '{named}' for the {what} ({option}{maybe})";
    }
}
