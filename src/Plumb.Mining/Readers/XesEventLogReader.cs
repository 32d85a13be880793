namespace Plumb.Mining.Readers;

using System.IO.Compression;
using System.Xml;
using Plumb.Mining.EventLogs;

/// <summary>
/// Reads an IEEE 1849 XES log (plain or gzip) in one streaming pass with DTDs and external entities off. Concept, time,
/// lifecycle and org extensions give the case id, activity, timestamp, lifecycle transition, resource and group; trace
/// attributes and other event attributes become case attributes (the last value wins). Nested attributes are skipped.
/// A large plain file is cut at trace starts and its parts read at once on every core, giving the same log.
/// </summary>
public static class XesEventLogReader
{
    // Below this size one thread reads faster than two can start.
    private const long ParallelBytes = 8 << 20;

    /// <summary>Reads the log; a problem that stops reading is returned with its line, never thrown.</summary>
    public static LogReadResult Read(Stream stream, XesLogOptions? options = null, IProgress<long>? progress = null)
    {
        options ??= new XesLogOptions();
        try
        {
            var input = GzipDetection.Unwrap(stream);
            if (input is not GZipStream && stream.CanSeek && stream.Length == 0) return LogReadResult.Fail(0, null, "the file is empty: not an XES log (no <log> element)");

            // A compressed file cannot be cut (its bytes only decompress from the start); a stream that cannot seek is read as it comes.
            var parts = input is GZipStream || !input.CanSeek || !StreamRange.CanShare(input) ? 1
                : options.ReadParts ?? (input.Length - input.Position >= ParallelBytes ? Math.Min(Environment.ProcessorCount, 8) : 1);
            // Reports as one pass makes them: after a read in parts that gave up, the reports it made already are not made again.
            var reports = progress is null ? null : new ProgressReports(progress);
            if (parts > 1 && ReadParts(input, options, reports, parts) is { } read) return read;
            reports?.Restart();
            progress = reports;
            var shared = input is not GZipStream && input.CanSeek && StreamRange.CanShare(input) && input.Length - input.Position >= ParallelBytes;
            return ReadWhole(input, options, progress, shared ? XesLogCuts.CountEvents(input, input.Position, input.Length) : 0);
        }
        catch (InvalidDataException e)
        {
            return LogReadResult.Fail(0, null, $"the compressed data is damaged: {e.Message}");
        }
    }

    private static LogReadResult ReadWhole(Stream input, XesLogOptions options, IProgress<long>? progress, int expectedEvents)
    {
        var part = ReadPart(input, options, progress, new PartEvents(null, 0, expectedEvents));
        if (part.Failure is { } failure) return failure;
        foreach (var warning in part.State.Warnings) part.Builder.Warn(warning);
        return new LogReadResult(part.Builder.Build(), null);
    }

    /// <summary>
    /// Reads the parts between trace starts at once, the first on this thread, and appends the others to it in order. Null when
    /// only a whole read can tell the log: a cut the first part's XML reader does not confirm, XML that is not well-formed (its
    /// error names the file's line and column), parts that disagree on the ServiceNow table, or traces without a name after the
    /// first part (they are named by their position in the file).
    /// </summary>
    private static LogReadResult? ReadParts(Stream stream, XesLogOptions options, ProgressReports? progress, int count)
    {
        var start = stream.Position;
        if (XesLogCuts.FindLogStart(stream, start, stream.Length) is not { } log) return null;
        var cuts = XesLogCuts.Find(stream, log.End, stream.Length, count);
        if (cuts.Length == 0) return null;
        var bounds = new long[cuts.Length + 2];
        bounds[0] = start;
        cuts.CopyTo(bounds, 1);
        bounds[^1] = stream.Length;
        var end = "</log>"u8.ToArray();
        // The XML reader asks for 4 KB at a time: read from the file 64 KB at a time, a 473 MB log takes ~7,700 positional reads
        // instead of ~116,000 (and as many seeks, as each read of a file stream's handle syncs its position first).
        Stream Bytes(int p) => new FramedStream(p == 0 ? default : log.Tag,
            new BufferedStream(StreamRange.Of(stream, bounds[p], bounds[p + 1]), 1 << 16), p == cuts.Length ? default : end);

        // The events of each part are counted first, so the log's columns are allocated once for the whole file and each part
        // reads into its events' range of them (as the CSV reader's parts do): no part holds columns of its own at the peak,
        // none is copied as it grows, nor when the parts are appended or the log is built.
        var parts = new Part[cuts.Length + 1];
        var events = new int[parts.Length];
        Parallel.For(0, parts.Length, p => events[p] = XesLogCuts.CountEvents(stream, bounds[p], bounds[p + 1]));
        var firsts = new long[parts.Length + 1];
        for (var p = 0; p < parts.Length; p++) firsts[p + 1] = firsts[p] + events[p];
        var storage = firsts[^1] is > 0 and <= int.MaxValue ? new EventStorage((int)firsts[^1]) : null;
        var others = new Task[cuts.Length];
        for (var p = 1; p < parts.Length; p++)
        {
            var part = p;
            // A task without a result: the part is let go once appended, not kept by its task.
            others[part - 1] = Task.Run(() => { parts[part] = ReadPart(Bytes(part), options, null, new PartEvents(storage, storage is null ? 0 : (int)firsts[part], events[part]), progress is not null); });
        }

        parts[0] = ReadPart(Bytes(0), options, progress, new PartEvents(storage, 0, events[0]));
        foreach (var other in others) other.GetAwaiter().GetResult();

        // What the reads let go (their tables' growth, the counting buffers, the XML readers) is about a third of what they added
        // to the working set, and the GC keeps the pages it frees for later allocations: an aggressive collection gives them back
        // before the append and the build allocate (plumb log stats on 1M events 88 -> 84 MB, analyze 102 -> 90;
        // bench/results/xes-json-readers.md).
        ReadMemory.GiveBack();

        // The first part fills the rest of the storage as the others are appended to it, their events moved down within it.
        parts[0].Builder.ExpectRestOfStorage();
        if (!Append(parts, log.Tag.AsSpan().Count((byte)'\n'), progress, out var stop)) return stop;

        // The other parts' tables are garbage now: collected before the log is built, their memory is reused. The large ones
        // (packed case ids, lookup slots, the counting buffers) leave holes among the log's columns: compacted once, so the
        // pages are given back (log stats on 1M events 92 -> 88 MB, discover 95 -> 92; the columns moved in a few milliseconds).
        ReadMemory.GiveBack();
        return new LogReadResult(parts[0].Builder.Build(), null);
    }

    /// <summary>
    /// Appends the parts after the first to it, in order, letting each go once appended. False with what to return instead:
    /// the first problem in file order, or null when the file is to be read again in one pass.
    /// </summary>
    private static bool Append(Part[] parts, int tagLines, IProgress<long>? progress, out LogReadResult? stop)
    {
        stop = null;
        var whole = parts[0].Builder;
        var traces = false;
        var shift = 0;
        for (var p = 0; p < parts.Length; p++)
        {
            var part = parts[p];
            if (part.Malformed) return false;

            // The first problem stops reading, as it would in one pass: the parts before it were read to their end.
            if (part.Failure is { } failure)
            {
                if (p > 0 && progress is not null) Report(part, whole, progress);
                stop = failure with { Error = failure.Error! with { Line = failure.Error.Line + shift } };
                return false;
            }

            if (p > 0)
            {
                if (part.State.HasTraces && traces && (part.State.HasUnnamedTraces || part.Builder.Table != whole.Table)) return false;
                if (progress is not null) Report(part, whole, progress);
                whole.Append(part.Builder);
            }

            traces |= part.State.HasTraces;
            foreach (var warning in part.State.Warnings) whole.Warn(warning with { Line = warning.Line + shift });

            // Each part's lines are counted from its own start: the next part starts on the line where this one was closed, less
            // the lines of the log start tag put before it.
            if (p < parts.Length - 1 && part.EndLine == 0) return false;
            shift += part.EndLine - 1 - tagLines;
            if (p > 0) parts[p] = null!;
        }

        return true;
    }

    // The progress a later part would have reported in one pass, every 10,000 cases, now that the cases and events before it
    // are known: one pass counts the cases met so far, and a case the parts before met is not new. The case ids are packed:
    // each is looked up as characters, not made a string (on 1M events a string each was 4 MB and a collection at the peak).
    private static void Report(Part part, EventLogBuilder whole, IProgress<long> progress)
    {
        var cases = whole.CaseIds.Count;
        var counted = new bool[part.Builder.CaseIds.Count];
        var id = new char[256];
        foreach (var (caseIndex, events) in part.Traces!)
        {
            if (!counted[caseIndex])
            {
                counted[caseIndex] = true;
                if (whole.CaseIds.Find(part.Builder.CaseIds.Chars(caseIndex, ref id)) < 0) cases++;
            }

            if (cases % 10_000 == 0) progress.Report(whole.EventCount + events);
        }
    }

    // Reads the traces of one document (the whole file, or a part made one); a failure stops it, with the line in the document.
    // A later part read for a command that shows progress notes each trace's case and the events read with it.
    private static Part ReadPart(Stream input, XesLogOptions options, IProgress<long>? progress, PartEvents events, bool noteTraces = false)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
            NameTable = XesTraceState.NameTable(),
        };
        var builder = new EventLogBuilder { DropDuplicates = options.DropDuplicates, CaseAttributes = options.CaseAttributes };
        builder.ExpectEvents(events.Storage, events.First, events.Count);
        using var xml = XmlReader.Create(input, settings);
        var lines = (IXmlLineInfo)xml;
        var part = new Part(builder, new XesTraceState(builder, options, lines)) { Traces = noteTraces ? [] : null };
        try
        {
            if (!xml.ReadToFollowing("log"))
            {
                part.Failure = LogReadResult.Fail(1, null, "not an XES log: no <log> element (the file may be empty)");
                return part;
            }

            xml.Read();
            while (!xml.EOF)
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == 0) part.EndLine = lines.LineNumber;
                    xml.Read();
                    continue;
                }

                if (xml.LocalName == "trace")
                {
                    if (part.State.ReadTrace(xml) is { } problem)
                    {
                        part.Failure = new LogReadResult(null, problem);
                        return part;
                    }

                    if (progress is not null && builder.CaseIds.Count % 10_000 == 0) progress.Report(builder.EventCount);
                    part.Traces?.Add((part.State.LastCase, builder.EventCount));
                }
                else
                {
                    xml.Skip();
                }
            }
        }
        catch (XmlException e)
        {
            part.Malformed = true;
            part.Failure = LogReadResult.Fail(e.LineNumber, null, $"not well-formed XML: {e.Message}");
        }

        return part;
    }

    /// <summary>
    /// Where a part's events go: <paramref name="Count"/> of them (as counted, more carry on in columns of their own) from event
    /// <paramref name="First"/> of the log's storage, or into columns of the part's own without one.
    /// </summary>
    private readonly record struct PartEvents(EventStorage? Storage, int First, int Count);

    private sealed class Part(EventLogBuilder builder, XesTraceState state)
    {
        public EventLogBuilder Builder { get; } = builder;

        public XesTraceState State { get; } = state;

        /// <summary>What stopped reading, or null.</summary>
        public LogReadResult? Failure { get; set; }

        /// <summary>The XML is not well-formed: the error's line and column are of this document, not of the file.</summary>
        public bool Malformed { get; set; }

        /// <summary>The line of the log's end tag, 0 before it.</summary>
        public int EndLine { get; set; }

        /// <summary>Each trace's case and the number of events read by its end, when noted.</summary>
        public List<(int Case, int Events)>? Traces { get; init; }
    }

    // Passes reports on; after a restart it leaves out as many as were made before it: a read in parts that gave up made them.
    private sealed class ProgressReports(IProgress<long> inner) : IProgress<long>
    {
        private int _made;
        private int _skip;

        public void Restart()
        {
            _skip = _made;
            _made = 0;
        }

        public void Report(long value)
        {
            if (++_made > _skip) inner.Report(value);
        }
    }
}
