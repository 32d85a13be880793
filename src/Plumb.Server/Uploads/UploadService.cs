namespace Plumb.Server.Uploads;

using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;
using Plumb.Server.Hosting;
using Plumb.Server.History;

/// <summary>An upload that cannot be read: the message names the file, line and field, as <c>plumb analyze --log</c> would.</summary>
public sealed class UploadRefusedException(string message, int status = StatusCodes.Status400BadRequest) : Exception(message)
{
    /// <summary>400 for a file that cannot be read, 413 for one too large once decompressed.</summary>
    public int Status { get; } = status;

    /// <summary>Where in the file reading stopped (line and field), when it was the content.</summary>
    public LogProblem? Problem { get; init; }
}

/// <summary>A stored upload and what reading it noticed (columns guessed, rows skipped, names unresolved).</summary>
public sealed record UploadOutcome(UploadInfo Upload, IReadOnlyList<string> Notes);

/// <summary>How an upload is read: its format (null: from the name, else the content), text encoding and the CSV options of <c>plumb analyze</c>.</summary>
public sealed record UploadReading(string? Format, string Encoding, CsvLogOptions Csv);

/// <summary>
/// Ticket exports uploaded by people without API access (CSV, XES, ServiceNow JSON or XML unload, plain or gzip), read with the
/// readers and options <c>plumb analyze --log</c> uses, stored compressed, and offered to the results service as <c>upload/…</c> sources.
/// A file that cannot be read is refused and nothing is stored.
/// </summary>
public sealed class UploadService(IUploadStore store, TicketDataSignal signal, IOptions<PlumbServerOptions> options, TimeProvider time,
    Plumb.Server.Handbooks.HandbookService? handbooks = null) : ITicketDataProvider
{
    /// <summary>The prefix of upload sources.</summary>
    public const string SourcePrefix = "upload/";

    private static readonly JsonSerializerOptions StoredOptions = new(JsonSerializerDefaults.Web);

    /// <inheritdoc/>
    public string Prefix => SourcePrefix;

    /// <summary>
    /// Reads <paramref name="body"/> as a ticket export and stores it as the next revision of <paramref name="name"/>
    /// (<c>upload/NAME</c>; null: a source of its own, <c>upload/ID</c>), then tells the results service.
    /// </summary>
    public async Task<UploadOutcome> AddAsync(string fileName, string? name, UploadReading reading, Stream body, string actor, CancellationToken cancellationToken)
    {
        if (name is not null && (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new UploadRefusedException($"'{name}' is not a source name: use 1–64 letters, digits, '-', '_' or '.'");
        }

        var file = Path.GetFileName(fileName.Replace('\\', '/')) is { Length: > 0 } f ? f : "upload";
        var content = await ExpandAsync(body, file, cancellationToken);
        var (log, format) = Read(file, content, reading);
        var stored = reading with { Format = format };
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) await gzip.WriteAsync(content, cancellationToken);
        var info = await store.AddUploadAsync(new NewUpload(name is null ? null : SourcePrefix + name, file, format, JsonSerializer.Serialize(stored, StoredOptions),
            compressed.ToArray(), log.CaseCount, log.EventCount, time.GetUtcNow(), actor), cancellationToken);
        signal.Changed(Describe(info));
        return new UploadOutcome(info, NotesOf(log.Notes, file));
    }

    // What plumb analyze prints to stderr about a log, as lines for the uploader.
    private static List<string> NotesOf(EventLogNotes notes, string file)
    {
        var lines = new List<string>();
        if (notes.GuessedColumns is { } guessed) lines.Add(guessed);
        lines.AddRange(notes.Remarks);
        lines.AddRange(notes.Problems.Take(20).Select(p => "skipped " + p.Format(file)));
        if (notes.SkippedRows > 20) lines.Add($"... {notes.SkippedRows - 20:N0} more rows skipped");
        if (notes.UnsortedCases > 0) lines.Add($"{notes.UnsortedCases:N0} case(s) had events out of time order; sorted by timestamp (ties keep file order)");
        if (notes.DuplicateEvents > 0) lines.Add($"{notes.DuplicateEvents:N0} exact duplicate event(s) {(notes.DuplicatesDropped ? "dropped" : "kept")}");
        return lines;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<TicketDataInfo>> ListAsync(CancellationToken cancellationToken) =>
        (await store.ListUploadSourcesAsync(cancellationToken)).Select(Describe).ToList();

    /// <inheritdoc/>
    public async Task<TicketData?> LoadAsync(string source, CancellationToken cancellationToken)
    {
        if (await store.GetLatestUploadAsync(source, cancellationToken) is not { } upload) return null;
        using var input = new GZipStream(new MemoryStream(upload.Content), CompressionMode.Decompress);
        using var content = new MemoryStream();
        await input.CopyToAsync(content, cancellationToken);
        var reading = JsonSerializer.Deserialize<UploadReading>(upload.Options, StoredOptions)!;

        // A ServiceNow export's audited changes of the fields the handbook's steps name become events, as plumb analyze reads them.
        if (reading.Format == EventLogFormat.SnowJson)
        {
            reading = reading with { Csv = reading.Csv with { StepFields = await HandbookStepFields.OfCurrentAsync(handbooks, cancellationToken) } };
        }

        var (log, _) = Read(upload.Info.FileName, content.ToArray(), reading);
        return new TicketData(Describe(upload.Info), log, null);
    }

    /// <summary>The upload as results name it: "incidents.csv (upload 3)".</summary>
    public static TicketDataInfo Describe(UploadInfo info) => new(info.Source,
        info.Revision == 1 ? $"{info.FileName} ({info.Source})" : $"{info.FileName} ({info.Source}, upload {info.Revision})",
        info.Revision, info.At, info.Records, info.Events);

    // The body decompressed when it is gzip, refused beyond the expanded limit (a small gzip can hold gigabytes).
    private async Task<byte[]> ExpandAsync(Stream body, string file, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxUploadExpandedBytes;
        using var raw = new MemoryStream();
        await body.CopyToAsync(raw, cancellationToken);
        if (raw.Length == 0) throw new UploadRefusedException($"{file}: the file is empty");
        raw.Position = 0;
        await using var plain = GzipDetection.Unwrap(raw);
        using var expanded = new MemoryStream();
        var buffer = new byte[1 << 16];
        try
        {
            int n;
            while ((n = await plain.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (expanded.Length + n > limit)
                {
                    throw new UploadRefusedException($"{file}: more than {limit:N0} bytes once decompressed (the limit of Plumb:MaxUploadExpandedBytes)",
                        StatusCodes.Status413PayloadTooLarge);
                }

                expanded.Write(buffer, 0, n);
            }
        }
        catch (InvalidDataException e)
        {
            throw new UploadRefusedException($"{file}: not a readable gzip file: {e.Message}");
        }

        return expanded.ToArray();
    }

    private static (EventLog Log, string Format) Read(string file, byte[] content, UploadReading reading)
    {
        Encoding encoding;
        try
        {
            encoding = reading.Encoding.ToLowerInvariant() is "latin1" or "latin-1" ? Encoding.Latin1 : Encoding.GetEncoding(reading.Encoding);
        }
        catch (ArgumentException)
        {
            throw new UploadRefusedException($"unknown encoding '{reading.Encoding}': use utf-8, latin1, utf-16 or ascii");
        }

        var format = reading.Format ?? EventLogFormat.FromName(file) ?? EventLogFormat.Sniff(new MemoryStream(content));
        if (!EventLogFormat.All.Contains(format))
        {
            throw new UploadRefusedException($"unknown log format '{format}': use {string.Join(", ", EventLogFormat.All)}");
        }

        var result = EventLogFormat.Read(format, new MemoryStream(content), encoding, reading.Csv);
        if (result.Error is { } error) throw new UploadRefusedException(error.Format(file)) { Problem = error };
        return (result.Log!, format);
    }
}
