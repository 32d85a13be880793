namespace Plumb.ServiceNow.TableApi;

using System.Globalization;
using Plumb.ServiceNow.Snapshot;

/// <summary>
/// Pulls tables into a snapshot folder, one page file at a time, recording each finished page in <c>snapshot.json</c>.
/// Run again on the same folder after an interruption, it continues at the first page not on disk: no page is fetched
/// twice into the snapshot and none is skipped (pages are ordered by <c>sys_id</c>).
/// </summary>
public sealed class SnapshotPuller(TableApiClient client, string directory, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Called with a line of progress after every page (for standard error).</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>Pulls every query of the plan, resuming a folder an earlier pull left incomplete. Returns the final manifest.</summary>
    public async Task<SnapshotManifest> RunAsync(IReadOnlyList<TableQuery> plan, string? since, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var manifest = Open(since);
        foreach (var query in plan)
        {
            var progress = manifest.Find(query.Table);
            if (progress is null)
            {
                progress = new TableProgress { Table = query.Table, Query = query.Query, PageSize = query.PageSize };
                manifest.Tables.Add(progress);
            }
            else if (progress.Query != query.Query || progress.PageSize != query.PageSize)
            {
                throw new SnowException($"'{directory}' holds a pull of {query.Table} with other options (query or page size); pull into a new folder");
            }

            if (progress.Complete) continue;
            manifest.Refusals.RemoveAll(r => r.Table == query.Table);
            try
            {
                await PullTableAsync(manifest, progress, query, cancellationToken);
            }
            catch (SnowException e) when (e.StatusCode == 403 && !SnapshotBuilder.TicketTables.Contains(query.Table))
            {
                // Without one configuration table drift still checks the rest; without the tickets there is nothing to analyse.
                var role = PullPlan.ReadRoles.GetValueOrDefault(query.Table, "admin");
                manifest.Refusals.Add(new TableRefusal(query.Table, 403, role, e.Message));
                manifest.Write(directory);
                Progress?.Invoke($"{query.Table}: refused (403 Forbidden; read access usually comes with role {role}); continuing without it");
            }
        }

        manifest.CompletedAt = Now();
        manifest.Write(directory);
        return manifest;
    }

    private SnapshotManifest Open(string? since)
    {
        SnapshotManifest? manifest;
        try
        {
            manifest = SnapshotManifest.Read(directory);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new SnowException($"'{Path.Combine(directory, SnapshotManifest.FileName)}' is not a valid manifest (line {(e.LineNumber ?? 0) + 1}); pull into a new folder");
        }

        if (manifest is null)
        {
            if (Directory.EnumerateFileSystemEntries(directory).Any())
            {
                throw new SnowException($"'{directory}' is not empty and holds no snapshot.json; pull into a new or empty folder");
            }

            manifest = new SnapshotManifest { Instance = client.Instance.ToString(), Since = since, StartedAt = Now() };
            manifest.Write(directory);
            return manifest;
        }

        if (manifest.Instance != client.Instance.ToString() || manifest.Since != since)
        {
            throw new SnowException($"'{directory}' holds a pull from {manifest.Instance}{(manifest.Since is null ? "" : $" since {manifest.Since}")}; " +
                "resume it with the same --instance and --since, or pull into a new folder");
        }

        Progress?.Invoke($"resuming the pull in {directory}");
        manifest.CompletedAt = null;
        return manifest;
    }

    private async Task PullTableAsync(SnapshotManifest manifest, TableProgress progress, TableQuery query, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(directory, SnapshotManifest.TablesFolder, query.Table));
        var offset = progress.Pages.Sum(p => (long)p.Records);
        var url = progress.Next is { } next ? new Uri(next) : new Uri(client.Instance, query.PathAndQuery(offset));
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var index = progress.Pages.Count;
            var relative = SnapshotManifest.PagePath(query.Table, index);
            var page = await client.DownloadPageAsync(url, Path.Combine(directory, relative), $"{query.Table} page {index + 1}", cancellationToken);
            progress.Pages.Add(new PageEntry(relative, offset, page.Records));
            offset += page.Records;

            // The Link header is the instance's word on the next page; without one, a full page means there may be more.
            var nextUrl = page.Next ?? (page.Records >= query.PageSize ? new Uri(client.Instance, query.PathAndQuery(offset)) : null);
            if (page.Records == 0 || nextUrl is null)
            {
                progress.Next = null;
                progress.Complete = true;
            }
            else
            {
                progress.Next = nextUrl.ToString();
            }

            manifest.Write(directory);
            var total = page.TotalCount is { } t ? $" of {t}" : "";
            Progress?.Invoke($"{query.Table}: {progress.Records}{total} record(s), page {index + 1}{(progress.Complete ? ", done" : "")}");
            if (progress.Complete) return;
            url = nextUrl!;
        }
    }

    private string Now() => _time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
