namespace Plumb.Mining.Readers;

/// <summary>The column names tried, in order, when a CSV column is not named: XES names, ServiceNow export names, common names.</summary>
internal static class CsvColumnGuess
{
    public static readonly string[] Case =
    [
        "case:concept:name", "case_id", "case id", "caseid", "case", "number", "sr number", "problem number", "incident number",
        "ticket", "ticket id", "task", "documentkey", "incident id", "change id", "interaction id", "problem id",
    ];

    public static readonly string[] Activity =
        ["concept:name", "activity", "activity name", "incidentactivity_type", "activity type", "event", "action", "task name"];

    public static readonly string[] Timestamp =
    [
        "time:timestamp", "timestamp", "sys_updated_on", "sys_updated_at", "change date+time", "problem change date+time",
        "complete timestamp", "end time", "start time", "datestamp", "datetime", "date", "time", "sys_created_on",
    ];

    public static readonly string[] Resource = ["org:resource", "resource", "user", "sys_updated_by", "assigned_to", "owner first name"];

    public static readonly string[] Group = ["org:group", "assignment_group", "assignment group", "group", "involved st", "problem involved owner st"];

    public static readonly string[] State = ["incident_state", "state", "status"];

    /// <summary>
    /// The date columns of a file with one row per record and no activity (BPI Challenge 2014's incidents and interactions, a
    /// ServiceNow list export): when the record was opened, reopened, resolved and closed. Opened must be there.
    /// </summary>
    public static readonly (RecordDate Role, string[] Names)[] RecordDates =
    [
        (RecordDate.Opened, ["opened_at", "open time", "open time (first touch)", "change record open time", "open date", "opened", "created"]),
        (RecordDate.Reopened, ["reopen time", "reopened_at", "reopened time", "reopen date"]),
        (RecordDate.Resolved, ["resolved_at", "resolved time", "resolve time", "resolved date", "resolved"]),
        (RecordDate.Closed, ["closed_at", "close time", "closed time", "change record close time", "close date", "closed"]),
    ];

    public static readonly string[] Priority = ["priority", "case:priority", "impact", "sr latest impact", "problem latest impact"];

    /// <summary>
    /// A status and sub-status pair (BPI Challenge style "Status" + "Sub Status", "Problem Status" + "Problem Sub Status"), which
    /// together name what happened; null when the header has no such pair.
    /// </summary>
    public static int[]? StatusPair(string[] header)
    {
        int status = -1, sub = -1;
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].ToLowerInvariant().Replace('_', ' ');
            if (!name.EndsWith("status", StringComparison.Ordinal)) continue;
            var isSub = name.EndsWith("sub status", StringComparison.Ordinal) || name.EndsWith("substatus", StringComparison.Ordinal);
            if (isSub && sub < 0) sub = i;
            else if (!isSub && status < 0) status = i;
        }

        return status >= 0 && sub >= 0 ? [status, sub] : null;
    }

    /// <summary>The index of the named column (or of the first guess present); -1 when none.</summary>
    public static int Find(string[] header, string? named, string[] guesses)
    {
        if (named is not null) return IndexOf(header, named);
        foreach (var guess in guesses)
        {
            var at = IndexOf(header, guess);
            if (at >= 0) return at;
        }

        return -1;
    }

    /// <summary>
    /// The index of a column: the exact name, else the name without case, else the name with spaces, <c>_</c> and <c>-</c> alike
    /// (<c>Assignment Group</c> = <c>assignment_group</c>), else the part after a table prefix
    /// (<c>Detail Incident Activity.Assignment Group</c>); -1 when none.
    /// </summary>
    public static int IndexOf(string[] header, string name)
    {
        var exact = Array.IndexOf(header, name);
        if (exact >= 0) return exact;
        for (var i = 0; i < header.Length; i++)
        {
            if (string.Equals(header[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        }

        var wanted = Normalize(name);
        for (var i = 0; i < header.Length; i++)
        {
            if (Normalize(header[i]) == wanted) return i;
        }

        // A prefix is a table or file name before the last dot ("Detail Incident Activity.Assignment Group"); XES names such as
        // "org:group" have no dot, so the prefix rule cannot mistake them.
        for (var i = 0; i < header.Length; i++)
        {
            var dot = header[i].LastIndexOf('.');
            if (dot > 0 && dot < header[i].Length - 1 && Normalize(header[i][(dot + 1)..]) == wanted) return i;
        }

        return -1;
    }

    /// <summary>Header columns that may be the wanted one (their name holds one of the words), to name in an error.</summary>
    public static IEnumerable<string> Candidates(string[] header, params string[] words) =>
        header.Where(h => h.Length > 0 && words.Any(w => Normalize(h).Contains(w, StringComparison.Ordinal)));

    /// <summary>A column name as it is compared: trimmed, lower case, with spaces, '_' and '-' alike.</summary>
    internal static string Normalize(string name)
    {
        var chars = name.Trim().ToLowerInvariant().Select(c => c is '_' or '-' ? ' ' : c).ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The separator that splits the header line into the most fields.</summary>
    public static char GuessSeparator(string headerLine)
    {
        var best = ',';
        var bestCount = 0;
        foreach (var candidate in new[] { ',', ';', '\t', '|' })
        {
            var count = headerLine.Count(c => c == candidate);
            if (count > bestCount)
            {
                best = candidate;
                bestCount = count;
            }
        }

        return best;
    }
}
