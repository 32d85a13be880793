namespace Plumb.Server.Sync;

using System.Text.Json;

/// <summary>A sync run as the API shows it: the watermarks per table, the counts and the error, if any.</summary>
public sealed record SyncRunView(long Number, SyncState State, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, IReadOnlyDictionary<string, string>? Since,
    IReadOnlyDictionary<string, string>? Watermark, long RecordsAdded, long AuditRowsAdded, long Records, long AuditRows, long Events, string? Error)
{
    public static SyncRunView Of(SyncRun run) => new(run.Number, run.State, run.StartedAt, run.FinishedAt, Map(run.Since), Map(run.Watermark),
        run.RecordsAdded, run.AuditRowsAdded, run.Records, run.AuditRows, run.Events, run.Error);

    private static Dictionary<string, string>? Map(string? json) => json is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(json);
}
