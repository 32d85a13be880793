namespace Plumb.Mining.Readers;

using System.Text;
using Plumb.Mining.EventLogs;

/// <summary>Reads an event log from CSV in one streaming pass; see <see cref="CsvLogOptions"/> for the columns and conventions.</summary>
public static class CsvEventLogReader
{
    // Below this size one thread reads faster than two can start.
    private const long ParallelBytes = 8 << 20;

    /// <summary>Reads the log; a problem that stops reading is returned with its line and field, never thrown.</summary>
    public static LogReadResult Read(TextReader reader, CsvLogOptions? options = null, IProgress<long>? progress = null)
    {
        options ??= new CsvLogOptions();
        return ReadWhole(reader, options, progress, 0);
    }

    /// <summary>
    /// Reads the log from bytes in the given encoding (a byte order mark wins). A seekable stream in an ASCII-compatible encoding
    /// is first scanned for its number of rows, so the log's columns are allocated once at their final size; a large file (or
    /// memory stream) is then cut at record boundaries and its parts read on every core at once, giving the same log.
    /// </summary>
    public static LogReadResult Read(Stream stream, Encoding encoding, CsvLogOptions? options = null, IProgress<long>? progress = null)
    {
        options ??= new CsvLogOptions();
        var countable = stream.CanSeek && (encoding.IsSingleByte || encoding is UTF8Encoding);
        // Fields kept per event are not carried when parts are appended: such a read is one pass.
        var parts = !countable || !StreamRange.CanShare(stream) || options.EventAttributes.Count > 0 ? 1
            : options.ReadParts ?? (stream.Length - stream.Position >= ParallelBytes ? Math.Min(Environment.ProcessorCount, 8) : 1);
        var (rows, cuts) = countable ? CsvRowCount.Scan(stream, Math.Max(parts, 1)) : (0, []);
        if (cuts.Length > 0 && ReadParts(stream, encoding, options, progress, rows - 1, cuts) is { } read) return read;
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        return ReadWhole(reader, options, progress, rows - 1);
    }

    private static LogReadResult ReadWhole(TextReader reader, CsvLogOptions options, IProgress<long>? progress, int expectedRows)
    {
        if (ReadHeader(reader, options, out var failure) is not { } found) return failure!;
        var (header, separator, layout) = found;
        var rows = new CsvRows(header, layout, options, expectedRows);
        var problem = rows.Read(new CsvRecordReader(reader, separator, 2), progress);
        return problem is not null ? new LogReadResult(null, problem) : Finish(rows, header, layout);
    }

    /// <summary>
    /// Reads the parts between the cuts at once, the first on this thread, and appends the others to it in order. Null when
    /// the parts disagree on what only a whole read could settle (the timestamp form, the ServiceNow table): then the caller
    /// reads the file again in one pass.
    /// </summary>
    private static LogReadResult? ReadParts(Stream stream, Encoding encoding, CsvLogOptions options, IProgress<long>? progress, int expectedRows,
        (long Offset, int Line, int Records)[] cuts)
    {
        var start = stream.Position;
        var bounds = new long[cuts.Length + 2];
        bounds[0] = start;
        for (var i = 0; i < cuts.Length; i++) bounds[i + 1] = start + cuts[i].Offset;
        bounds[^1] = stream.Length;
        using var first = new StreamReader(StreamRange.Of(stream, bounds[0], bounds[1]), encoding, true, 1 << 16);
        if (ReadHeader(first, options, out var failure) is not { } found) return failure!;
        var (header, separator, layout) = found;

        // The first part's columns are allocated for the whole file; every other part reads into its own and is appended.
        var parts = new CsvRows[cuts.Length + 1];
        parts[0] = new CsvRows(header, layout, options, expectedRows);
        var problems = new LogProblem?[parts.Length];
        var others = new Task[cuts.Length];
        for (var p = 1; p < parts.Length; p++)
        {
            var part = p;
            parts[part] = new CsvRows(header, layout, options, p < cuts.Length ? cuts[p].Records - cuts[p - 1].Records : expectedRows + 1 - cuts[p - 1].Records);
            others[part - 1] = Task.Run(() =>
            {
                // Each part decodes its own bytes; cuts fall after a line feed, never inside a UTF-8 sequence.
                using var reader = new StreamReader(StreamRange.Of(stream, bounds[part], bounds[part + 1]), encoding, false, 1 << 16);
                problems[part] = parts[part].Read(new CsvRecordReader(reader, separator, cuts[part - 1].Line), null);
            });
        }

        problems[0] = parts[0].Read(new CsvRecordReader(first, separator, 2), progress);
        Task.WaitAll(others);

        var whole = parts[0];
        for (var p = 1; p < parts.Length; p++)
        {
            var table = parts[p].Builder.Table;
            if (table is not null && whole.Builder.Table is not null && table != whole.Builder.Table) return null;
            if (!parts[p].Timestamps.SameFormAs(whole.Timestamps)) return null;
        }

        // The first problem in file order stops reading, as it would in one pass.
        if (problems.FirstOrDefault(p => p is not null) is { } problem) return new LogReadResult(null, problem);
        for (var p = 1; p < parts.Length; p++)
        {
            var offset = whole.Builder.EventCount;
            whole.Builder.Append(parts[p].Builder);
            whole.Timestamps.Append(parts[p].Timestamps, offset);
            parts[p] = null!;
        }

        return Finish(whole, header, layout);
    }

    private static LogReadResult Finish(CsvRows rows, string[] header, CsvLayout layout)
    {
        var builder = rows.Builder;
        if (rows.Timestamps.Finish(builder.RewriteTimestamps) is { } refusal) return LogReadResult.Fail(refusal.Line, header[layout.Timestamp], refusal.Message);
        var log = builder.Build();
        return new LogReadResult(layout.RecordUpdates ? StateChangeDeriver.Derive(log) : log, null);
    }

    private sealed record Header(string[] Names, char Separator, CsvLayout Layout);

    // The header row, its separator and the layout of the columns; null with the failure when they cannot be used.
    private static Header? ReadHeader(TextReader reader, CsvLogOptions options, out LogReadResult? failure)
    {
        failure = null;
        var headerLine = reader.ReadLine();
        if (headerLine is null || headerLine.Trim().Length == 0)
        {
            failure = LogReadResult.Fail(1, null, "the file is empty: expected a header row");
            return null;
        }

        headerLine = headerLine.TrimStart('\uFEFF');
        var separator = options.Separator ?? CsvColumnGuess.GuessSeparator(headerLine);
        var headerReader = new CsvRecordReader(new StringReader(headerLine), separator);
        try
        {
            headerReader.Read();
        }
        catch (CsvFieldTooLongException e)
        {
            failure = LogReadResult.Fail(e.Line, $"field {e.Field + 1}", e.Message);
            return null;
        }

        var header = new string[headerReader.FieldCount];
        for (var i = 0; i < header.Length; i++) header[i] = headerReader[i].Trim().ToString();
        var layout = CsvLayout.Resolve(header, options, out var layoutError);
        if (layout is null)
        {
            failure = LogReadResult.Fail(1, null, layoutError!);
            return null;
        }

        return new Header(header, separator, layout);
    }
}
