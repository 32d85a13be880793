namespace Plumb.ServiceNow.Snapshot;

using System.Text.Json;

/// <summary>Writes rows as a snapshot folder in the layout a pull produces: Table API JSON pages and <c>snapshot.json</c>.</summary>
public sealed class SnapshotWriter(string directory, SnapshotManifest manifest, int pageSize = 1000)
{
    /// <summary>The manifest being filled.</summary>
    public SnapshotManifest Manifest { get; } = manifest;

    /// <summary>Writes one table's rows as pages of <c>{"result":[...]}</c> and records them in the manifest.</summary>
    public void WriteTable(string table, string query, IEnumerable<IReadOnlyDictionary<string, string>> rows)
    {
        Directory.CreateDirectory(Path.Combine(directory, SnapshotManifest.TablesFolder, table));
        var progress = new TableProgress { Table = table, Query = query, PageSize = pageSize, Complete = true };
        var page = new List<IReadOnlyDictionary<string, string>>();
        long offset = 0;
        foreach (var row in rows)
        {
            page.Add(row);
            if (page.Count < pageSize) continue;
            Flush(progress, table, page, ref offset);
        }

        if (page.Count > 0 || progress.Pages.Count == 0) Flush(progress, table, page, ref offset);
        Manifest.Tables.RemoveAll(t => t.Table == table);
        Manifest.Tables.Add(progress);
    }

    /// <summary>Writes <c>snapshot.json</c>.</summary>
    public void Complete() => Manifest.Write(directory);

    private void Flush(TableProgress progress, string table, List<IReadOnlyDictionary<string, string>> page, ref long offset)
    {
        var relative = SnapshotManifest.PagePath(table, progress.Pages.Count);
        using (var stream = File.Create(Path.Combine(directory, relative)))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("result");
            foreach (var row in page)
            {
                json.WriteStartObject();
                foreach (var (key, value) in row) json.WriteString(key, value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        progress.Pages.Add(new PageEntry(relative, offset, page.Count));
        offset += page.Count;
        page.Clear();
    }
}
