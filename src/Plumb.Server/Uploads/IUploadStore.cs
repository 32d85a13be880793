namespace Plumb.Server.Uploads;

/// <summary>An uploaded ticket export as listed: its source (<c>upload/…</c>), revision, file, format, size and what was read from it.</summary>
public sealed record UploadInfo(long Id, string Source, long Revision, string FileName, string Format, long Bytes, long Records, long Events,
    DateTimeOffset At, string UploadedBy);

/// <summary>An upload to store: the gzip-compressed file and the reading options (JSON) it was read with, so it is read again the same way.</summary>
public sealed record NewUpload(string? Source, string FileName, string Format, string Options, byte[] Content, long Records, long Events,
    DateTimeOffset At, string UploadedBy);

/// <summary>The stored file of an upload, with its reading options.</summary>
public sealed record StoredUpload(UploadInfo Info, string Options, byte[] Content);

/// <summary>Where uploads are kept (the server's store).</summary>
public interface IUploadStore
{
    /// <summary>
    /// Stores an upload as the next revision of its source; a source left null becomes <c>upload/ID</c> (a source of its own).
    /// </summary>
    Task<UploadInfo> AddUploadAsync(NewUpload upload, CancellationToken cancellationToken);

    /// <summary>The latest revision of every upload source, newest first.</summary>
    Task<IReadOnlyList<UploadInfo>> ListUploadSourcesAsync(CancellationToken cancellationToken);

    /// <summary>The latest revision of one source, with its file, or null.</summary>
    Task<StoredUpload?> GetLatestUploadAsync(string source, CancellationToken cancellationToken);
}
