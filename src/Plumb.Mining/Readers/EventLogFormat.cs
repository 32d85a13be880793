namespace Plumb.Mining.Readers;

using System.Text;
using Plumb.Mining.EventLogs;

/// <summary>
/// The event-log formats Plumb reads (CSV, XES, ServiceNow Table API JSON), how a file's format is recognised, and reading one
/// with the same options whoever asks: <c>plumb analyze --log</c> and the server's uploads both read through here.
/// </summary>
public static class EventLogFormat
{
    /// <summary>Comma- (or otherwise) separated values, one event or record update per row.</summary>
    public const string Csv = "csv";

    /// <summary>IEEE 1849 XES.</summary>
    public const string Xes = "xes";

    /// <summary>ServiceNow task records and <c>sys_audit</c> rows: Table API JSON or an XML unload.</summary>
    public const string SnowJson = "snow-json";

    /// <summary>Every format, as users name them.</summary>
    public static IReadOnlyList<string> All { get; } = [Csv, Xes, SnowJson];

    /// <summary>The format a file name says (<c>.csv</c>, <c>.csv.gz</c>, <c>.xes</c>, <c>.xes.gz</c>, <c>.json</c>, <c>.json.gz</c>), or null.</summary>
    public static string? FromName(string name)
    {
        var lower = name.ToLowerInvariant();
        if (lower.EndsWith(".gz", StringComparison.Ordinal)) lower = lower[..^3];
        if (lower.EndsWith(".xes", StringComparison.Ordinal)) return Xes;
        if (lower.EndsWith(".json", StringComparison.Ordinal)) return SnowJson;
        if (lower.EndsWith(".csv", StringComparison.Ordinal) || lower.EndsWith(".tsv", StringComparison.Ordinal)) return Csv;
        return null;
    }

    /// <summary>
    /// The format the content says: an XML unload of ServiceNow records (<c>&lt;unload&gt;</c>) and JSON are ServiceNow, other XML is XES,
    /// anything else CSV. Reads up to 4 KB of an already decompressed stream (rewind it afterwards).
    /// </summary>
    public static string Sniff(Stream stream)
    {
        var head = new byte[4096];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var text = Encoding.UTF8.GetString(head, 0, length).TrimStart(' ', '\n', '\r', '\t', '\uFEFF');
        if (text.StartsWith('<')) return text.Contains("<unload", StringComparison.Ordinal) ? SnowJson : Xes;
        return text.StartsWith('{') || text.StartsWith('[') ? SnowJson : Csv;
    }

    /// <summary>
    /// Reads a log of <paramref name="format"/> from <paramref name="stream"/> (gzip is unwrapped here); for ServiceNow JSON,
    /// <paramref name="audit"/> holds further record or <c>sys_audit</c> streams and <paramref name="directories"/> the group and
    /// user exports. A problem that stops reading is returned with its line and field, never thrown.
    /// </summary>
    public static LogReadResult Read(string format, Stream stream, Encoding encoding, CsvLogOptions options, IProgress<long>? progress = null,
        IReadOnlyList<Stream>? audit = null, IReadOnlyList<Stream>? directories = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        switch (format)
        {
            case Xes:
                return XesEventLogReader.Read(GzipDetection.Unwrap(stream), new XesLogOptions { DropDuplicates = options.DropDuplicates, SkipBadRows = options.SkipBadRows, MissingValues = options.MissingValues, CaseAttributes = options.CaseAttributes },
                    progress);
            case SnowJson:
                return ReadSnowJson(stream, options, audit, directories);
            case Csv:
                return CsvEventLogReader.Read(GzipDetection.Unwrap(stream), encoding, options, progress);
            default:
                throw new ArgumentException($"unknown log format '{format}': use {string.Join(", ", All)}", nameof(format));
        }
    }

    // A method of its own: its handler names an XML type, and in Read it would load System.Private.Xml for every CSV command.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static LogReadResult ReadSnowJson(Stream stream, CsvLogOptions options, IReadOnlyList<Stream>? audit, IReadOnlyList<Stream>? directories)
    {
        try
        {
            return SnowJsonEventLogReader.Read(new[] { stream }.Concat(audit ?? []).Select(GzipDetection.Unwrap).ToList(), options.DropDuplicates,
                directories?.Select(GzipDetection.Unwrap).ToList(), options.StepFields);
        }
        catch (System.Xml.XmlException e)
        {
            // The reader returns its own problems; this keeps an XML unload that does not parse a problem too, whichever stream it was.
            return LogReadResult.Fail(e.LineNumber, null, $"not valid XML: {e.Message}");
        }
    }
}
