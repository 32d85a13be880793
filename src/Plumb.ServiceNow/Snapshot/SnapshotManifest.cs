namespace Plumb.ServiceNow.Snapshot;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>
/// The <c>snapshot.json</c> of a snapshot folder: where it was pulled from and, per table, the pages already on disk.
/// A pull rewrites it after every page, so an interrupted pull resumes where it stopped.
/// </summary>
public sealed class SnapshotManifest
{
    /// <summary>The manifest's file name inside a snapshot folder.</summary>
    public const string FileName = "snapshot.json";

    /// <summary>The folder, inside a snapshot folder, that holds one sub-folder of pages per table.</summary>
    public const string TablesFolder = "tables";

    /// <summary>The format marker, so later versions can tell old folders.</summary>
    public string Format { get; set; } = "plumb-snapshot/1";

    /// <summary>The instance base URL pulled from.</summary>
    public string? Instance { get; set; }

    /// <summary>The earliest update date of the ticket history pulled, when <c>--since</c> was given.</summary>
    public string? Since { get; set; }

    /// <summary>When the pull started (UTC, ISO 8601).</summary>
    public string? StartedAt { get; set; }

    /// <summary>When the last table completed (UTC, ISO 8601); null while the pull is incomplete.</summary>
    public string? CompletedAt { get; set; }

    /// <summary>One entry per table, in pull order.</summary>
    public List<TableProgress> Tables { get; set; } = [];

    /// <summary>Configuration tables the instance refused (403); pulling again into the folder tries them again.</summary>
    public List<TableRefusal> Refusals { get; set; } = [];

    /// <summary>The entry of a table, if present.</summary>
    public TableProgress? Find(string table) => Tables.Find(t => t.Table == table);

    /// <summary>The relative path of a page file: <c>tables/incident/page-000003.json</c>.</summary>
    public static string PagePath(string table, int index) => $"{TablesFolder}/{table}/page-{index:D6}.json";

    /// <summary>Reads a manifest, or null when the folder has none.</summary>
    public static SnapshotManifest? Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return null;
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<SnapshotManifest>(stream, Options);
    }

    /// <summary>Writes the manifest atomically (a temporary file renamed over the old one).</summary>
    public void Write(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Options));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The JSON options of the manifest (camelCase, indented).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>How far the pull of one table got: its query, the pages on disk, and the link to the next page.</summary>
public sealed class TableProgress
{
    /// <summary>The table name.</summary>
    public string Table { get; set; } = "";

    /// <summary>The encoded query (<c>sysparm_query</c>) the table is pulled with.</summary>
    public string Query { get; set; } = "";

    /// <summary>Records per page (<c>sysparm_limit</c>).</summary>
    public int PageSize { get; set; }

    /// <summary>The pages completed, in order.</summary>
    public List<PageEntry> Pages { get; set; } = [];

    /// <summary>The URL of the next page to fetch (from the <c>Link</c> header), or null to start from the first page.</summary>
    public string? Next { get; set; }

    /// <summary>True once the last page is on disk.</summary>
    public bool Complete { get; set; }

    /// <summary>Records on disk for this table.</summary>
    public long Records => Pages.Sum(p => (long)p.Records);
}

/// <summary>One page on disk: its file (relative to the snapshot folder), offset and record count.</summary>
public sealed record PageEntry(string File, long Offset, int Records);
