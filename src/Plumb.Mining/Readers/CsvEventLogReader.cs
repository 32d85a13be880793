namespace Plumb.Mining.Readers;

using System.Text;
using Plumb.Mining.EventLogs;

/// <summary>Reads an event log from CSV in one streaming pass; see <see cref="CsvLogOptions"/> for the columns and conventions.</summary>
public static class CsvEventLogReader
{
    // Below this size one thread reads faster than two can start.
    private const long ParallelBytes = 8 << 20;

    private static int _compiling;

    /// <summary>
    /// Compiles the read's hot methods on a pool thread now, once per process: a command that will read a log calls this while
    /// it starts, when the other core is idle. The methods marked to be compiled fully optimised at first call (the loops,
    /// and what they call per field) have no precompiled code; met first by a read, their ~40 ms of compiling would hold up
    /// the read's start and leave one of its parts behind the other.
    /// </summary>
    public static void CompileAhead()
    {
        if (Interlocked.Exchange(ref _compiling, 1) != 0) return;
        ThreadPool.UnsafeQueueUserWorkItem(
            static _ =>
            {
                foreach (var (method, type) in HotMethods())
                {
                    System.Runtime.CompilerServices.RuntimeHelpers.PrepareMethod(method.MethodHandle, type.IsGenericType ? [.. type.GetGenericArguments().Select(a => a.TypeHandle)] : null);
                }
            },
            null);
    }

    /// <summary>The read's methods marked to be compiled fully optimised at first call, with the type (closed) that declares each.</summary>
    internal static IEnumerable<(System.Reflection.MethodInfo Method, Type Type)> HotMethods()
    {
        const System.Reflection.BindingFlags Declared = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static
            | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.DeclaredOnly;
        Type[] types = [typeof(CsvRowCount), typeof(CsvRows), typeof(CsvRecordReader), typeof(CsvColumnCodes), typeof(TimestampColumn), typeof(TimestampParser),
            typeof(EventLogBuilder), typeof(StringTable), typeof(PackedStrings), typeof(EventColumn<int>), typeof(EventColumn<long>)];
        foreach (var type in types)
        {
            foreach (var method in type.GetMethods(Declared))
            {
                if (method.MethodImplementationFlags.HasFlag(System.Reflection.MethodImplAttributes.AggressiveOptimization)) yield return (method, type);
            }
        }
    }

    /// <summary>Reads the log; a problem that stops reading is returned with its line and field, never thrown.</summary>
    public static LogReadResult Read(TextReader reader, CsvLogOptions? options = null, IProgress<long>? progress = null)
    {
        options ??= new CsvLogOptions();
        return ReadWhole(new CsvRecordReader(new Utf8TextStream(reader), Encoding.UTF8), options, progress, 0);
    }

    /// <summary>
    /// Reads the log from bytes in the given encoding (a byte order mark wins). Records are split on the bytes when the encoding
    /// allows it (UTF-8, single-byte encodings); others are first decoded. A seekable stream is first scanned for its number of
    /// rows, so the log's columns are allocated once at their final size; a large file (or memory stream) is then cut at record
    /// boundaries and its parts read on every core at once, giving the same log.
    /// </summary>
    public static LogReadResult Read(Stream stream, Encoding encoding, CsvLogOptions? options = null, IProgress<long>? progress = null)
    {
        options ??= new CsvLogOptions();
        stream = ByteOrderMark(stream, ref encoding);
        if (!CsvRecordReader.Reads(encoding))
        {
            var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
            return ReadWhole(new CsvRecordReader(new Utf8TextStream(text), Encoding.UTF8), options, progress, 0);
        }

        // Fields kept per event are not carried when parts are appended: such a read is one pass.
        var parts = !stream.CanSeek || !StreamRange.CanShare(stream) || options.EventAttributes.Count > 0 ? 1
            : options.ReadParts ?? (stream.Length - stream.Position >= ParallelBytes ? Math.Min(Environment.ProcessorCount, 8) : 1);
        // A file to be read in parts is counted in parts too, when its records can be followed from any byte (no quotes).
        var (rows, cuts) = !stream.CanSeek ? (0, []) : (parts > 1 ? CsvRowCount.ScanShared(stream, parts) : null) ?? CsvRowCount.Scan(stream, Math.Max(parts, 1));
        if (cuts.Length > 0 && ReadParts(stream, encoding, options, progress, rows - 1, cuts) is { } read) return read;
        return ReadWhole(new CsvRecordReader(stream, encoding), options, progress, rows - 1);
    }

    // Looks at the first bytes: a UTF-8 byte order mark makes the text UTF-8, a UTF-16 or UTF-32 one that encoding (as a
    // StreamReader decides). The stream is rewound, or given back with the bytes looked at when it cannot seek.
    private static Stream ByteOrderMark(Stream stream, ref Encoding encoding)
    {
        var head = new byte[4];
        var start = stream.CanSeek ? stream.Position : 0;
        var got = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (stream.CanSeek) stream.Position = start;
        else stream = new FramedStream(head.AsMemory(0, got), stream);
        var bytes = head.AsSpan(0, got);
        if (bytes.StartsWith("\uFEFF"u8)) encoding = Encoding.UTF8;
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0])) encoding = Encoding.UTF32;
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF])) encoding = new UTF32Encoding(bigEndian: true, byteOrderMark: true);
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) encoding = Encoding.Unicode;
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) encoding = Encoding.BigEndianUnicode;
        return stream;
    }

    private static LogReadResult ReadWhole(CsvRecordReader records, CsvLogOptions options, IProgress<long>? progress, int expectedRows)
    {
        if (ReadHeader(records, options, out var failure) is not { } found) return failure!;
        var (header, _, layout) = found;
        var rows = new CsvRows(header, layout, options, expectedRows);
        var problem = rows.Read(records, progress);
        return problem is not null ? new LogReadResult(null, problem) : Finish(rows, header, layout, options);
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
        var first = new CsvRecordReader(StreamRange.Of(stream, bounds[0], bounds[1]), encoding);
        if (ReadHeader(first, options, out var failure) is not { } found) return failure!;
        var (header, separator, layout) = found;
        if (layout.RecordUpdates && options.StepFields.Count > 0) return null; // fields kept per event: one pass

        // The log's columns are allocated once for the whole file, each part reading into its records' range of them (a part
        // with more events than records, or a later one, carries on in its own); the others are then appended to the first.
        var storage = expectedRows > 0 ? new EventStorage(expectedRows) : null;
        var parts = new CsvRows[cuts.Length + 1];
        parts[0] = new CsvRows(header, layout, options, cuts[0].Records - 1, storage, 0);
        var problems = new LogProblem?[parts.Length];
        var others = new Task[cuts.Length];
        for (var p = 1; p < parts.Length; p++)
        {
            var part = p;
            var partRows = p < cuts.Length ? cuts[p].Records - cuts[p - 1].Records : expectedRows + 1 - cuts[p - 1].Records;
            parts[part] = new CsvRows(header, layout, options, partRows, storage, cuts[p - 1].Records - 1);
            others[part - 1] = Task.Run(() =>
            {
                // Each part splits its own bytes; cuts fall after a line feed, never inside a UTF-8 sequence.
                var records = new CsvRecordReader(StreamRange.Of(stream, bounds[part], bounds[part + 1]), encoding, cuts[part - 1].Line) { Separator = separator };
                problems[part] = parts[part].Read(records, null);
            });
        }

        problems[0] = parts[0].Read(first, progress);
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
        whole.Builder.ExpectRestOfStorage();
        for (var p = 1; p < parts.Length; p++)
        {
            var offset = whole.Builder.EventCount;
            whole.Builder.Append(parts[p].Builder);
            whole.Timestamps.Append(parts[p].Timestamps, offset);
            parts[p] = null!;
        }

        // The other parts' columns and tables are garbage now, tens of MB on a large file: collected before the log is built
        // and mined, their memory is reused instead of the process growing past it (plumb analyze on 1M events: 205-213 -> 187-190 MB
        // peak); handed back too, discover and conform peak 5-6 MB lower (79 -> 74.5, 81 -> 74).
        ReadMemory.GiveBack();
        return Finish(whole, header, layout, options);
    }

    private static LogReadResult Finish(CsvRows rows, string[] header, CsvLayout layout, CsvLogOptions options)
    {
        var builder = rows.Builder;
        if (rows.Timestamps.Finish(builder.RewriteTimestamps) is { } refusal) return LogReadResult.Fail(refusal.Line, header[layout.Timestamp], refusal.Message);
        var log = builder.Build();
        return new LogReadResult(layout.RecordUpdates ? StateChangeDeriver.Derive(log, options.StepFields) : log, null);
    }

    private sealed record Header(string[] Names, char Separator, CsvLayout Layout);

    // The header row (the reader's first line), its separator and the layout of the columns; null with the failure when they
    // cannot be used. The reader is left at the first record, splitting on the separator.
    private static Header? ReadHeader(CsvRecordReader records, CsvLogOptions options, out LogReadResult? failure)
    {
        failure = null;
        var headerLine = records.ReadLine();
        if (headerLine is null || headerLine.Trim().Length == 0)
        {
            failure = LogReadResult.Fail(1, null, "the file is empty: expected a header row");
            return null;
        }

        headerLine = headerLine.TrimStart('\uFEFF');
        var separator = options.Separator ?? CsvColumnGuess.GuessSeparator(headerLine);
        CsvRecordReader headerReader;
        try
        {
            records.Separator = separator;
            headerReader = new CsvRecordReader(new MemoryStream(records.Encoding.GetBytes(headerLine)), records.Encoding) { Separator = separator };
            headerReader.Read();
        }
        catch (ArgumentException e)
        {
            failure = LogReadResult.Fail(1, null, e.Message.Split(" (Parameter")[0]);
            return null;
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
