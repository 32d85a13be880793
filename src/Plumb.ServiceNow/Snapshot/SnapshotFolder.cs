namespace Plumb.ServiceNow.Snapshot;

/// <summary>
/// Reads a configuration snapshot from disk: a folder written by <c>plumb snow pull</c> (pages under <c>tables/TABLE/</c>),
/// and any Table API JSON (<c>*.json</c>) or XML unload (<c>*.xml</c>) files an administrator put in the folder, or one such file.
/// </summary>
public static class SnapshotFolder
{
    /// <summary>Reads a snapshot folder or a single export file. Problems are returned, not thrown.</summary>
    public static SnapshotLoad Load(string path)
    {
        var errors = new List<SnapshotError>();
        var files = new List<string>();
        var snapshot = new ConfigurationSnapshot();
        if (File.Exists(path))
        {
            ReadFile(snapshot, path, path, null, errors, files);
            return Done(snapshot, errors, files);
        }

        if (!Directory.Exists(path)) return new SnapshotLoad(null, [new SnapshotError(path, null, "does not exist")], []);

        var manifest = ReadManifest(path, errors);
        if (manifest is not null)
        {
            snapshot.Instance = manifest.Instance;
            foreach (var table in manifest.Tables)
            {
                if (SnapshotBuilder.TicketTables.Contains(table.Table))
                {
                    // Ticket history is counted from the manifest; its pages are for event-log readers, not for drift.
                    snapshot.TicketCounts[table.Table] = table.Records;
                    continue;
                }

                foreach (var page in table.Pages) ReadFile(snapshot, Path.Combine(path, page.File), page.File, table.Table, errors, files);
            }
        }
        else
        {
            var tables = Path.Combine(path, SnapshotManifest.TablesFolder);
            if (Directory.Exists(tables))
            {
                foreach (var folder in Directory.GetDirectories(tables).Order(StringComparer.Ordinal))
                {
                    var table = Path.GetFileName(folder);
                    foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
                    {
                        ReadFile(snapshot, file, Path.GetRelativePath(path, file), table, errors, files);
                    }
                }
            }
        }

        foreach (var file in Directory.GetFiles(path).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name == SnapshotManifest.FileName || !(name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))) continue;
            ReadFile(snapshot, file, name, null, errors, files);
        }

        // A pull that filtered sys_db_object by name (older plans did) lists only some tables; absence means nothing then.
        var catalogue = manifest?.Find("sys_db_object");
        snapshot.TableListComplete = snapshot.Tables.Count > 0
            && (catalogue is null || (catalogue.Complete && !catalogue.Query.Contains("nameIN", StringComparison.Ordinal)));
        if (manifest is not null) snapshot.Refusals.AddRange(manifest.Refusals);
        snapshot.ChoiceTables = NamedTables(manifest?.Find("sys_choice"));
        snapshot.DictionaryTables = NamedTables(manifest?.Find("sys_dictionary"));

        if (files.Count == 0 && manifest is null)
        {
            errors.Add(new SnapshotError(path, null, "holds no snapshot: no snapshot.json, no tables/ folder and no .json or .xml export"));
        }

        return Done(snapshot, errors, files);
    }

    /// <summary>
    /// The table a loose export file holds, from its name: <c>sys_choice.json</c>, <c>sys_choice_list.xml</c> or
    /// <c>incident_INC0000060.json</c> (the longest known table name the file name starts with); null when unknown.
    /// </summary>
    public static string? TableFromFileName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        return SnapshotBuilder.ConfigurationTables.Concat(SnapshotBuilder.TicketTables)
            .Where(t => stem == t || stem.StartsWith(t + "_", StringComparison.Ordinal) || stem.StartsWith(t + ".", StringComparison.Ordinal))
            .OrderByDescending(t => t.Length)
            .FirstOrDefault();
    }

    // The tables a pulled query named (nameINa,b,c), when it was pulled whole; null when the query says nothing of it.
    private static HashSet<string>? NamedTables(TableProgress? progress)
    {
        if (progress is not { Complete: true }) return null;
        var at = progress.Query.IndexOf("nameIN", StringComparison.Ordinal);
        if (at < 0) return null;
        var list = progress.Query[(at + "nameIN".Length)..];
        var end = list.IndexOf('^', StringComparison.Ordinal);
        return new HashSet<string>((end < 0 ? list : list[..end]).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
    }

    private static SnapshotManifest? ReadManifest(string path, List<SnapshotError> errors)
    {
        try
        {
            return SnapshotManifest.Read(path);
        }
        catch (System.Text.Json.JsonException e)
        {
            errors.Add(new SnapshotError(Path.Combine(path, SnapshotManifest.FileName), (int)(e.LineNumber ?? 0) + 1, $"not a valid manifest: {e.Message}"));
            return null;
        }
    }

    private static void ReadFile(ConfigurationSnapshot snapshot, string file, string display, string? table, List<SnapshotError> errors, List<string> files)
    {
        if (!File.Exists(file))
        {
            errors.Add(new SnapshotError(display, null, "is listed in snapshot.json but missing; pull again to fetch it"));
            return;
        }

        files.Add(display);
        using var stream = File.OpenRead(file);
        var records = file.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
            ? UnloadXmlReader.Read(stream, display, errors)
            : TableApiJsonReader.Read(stream, display, table ?? TableFromFileName(display), errors);
        SnapshotBuilder.Add(snapshot, records, errors);
    }

    private static SnapshotLoad Done(ConfigurationSnapshot snapshot, List<SnapshotError> errors, List<string> files) =>
        new(errors.Any(e => !e.IsWarning) && files.Count == 0 ? null : snapshot, errors, files);
}
