namespace Plumb.ServiceNow.Simulator;

using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Plumb.ServiceNow.Snapshot;

/// <summary>
/// The tables of a simulated instance, held in memory: loaded from a snapshot folder (as <c>plumb snow generate</c> or
/// <c>plumb snow pull</c> write it), read by the Table API endpoints and changed by inserts, updates and the ticket feed.
/// Rows are never changed in place (an update replaces the row), so a page read outside the lock is never half updated.
/// </summary>
public sealed class SimulatedInstance
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<IReadOnlyDictionary<string, string>>> _tables = new(StringComparer.Ordinal);
    // sys_id → row index per table, and how many rows it covers: rows are only appended or replaced in place, so the index grows.
    private readonly Dictionary<string, (Dictionary<string, int> Rows, int Covered)> _indexes = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>A number that changes with every insert, update and feed step, so a cached query result can tell it is stale.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The names of the tables held.</summary>
    public IReadOnlyList<string> Tables
    {
        get
        {
            lock (_gate) return [.. _tables.Keys.Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Reads every page of a snapshot folder's tables (listed in its <c>snapshot.json</c>).</summary>
    public static SimulatedInstance FromSnapshot(string directory)
    {
        var manifest = SnapshotManifest.Read(directory) ?? throw new IOException($"'{directory}' holds no {SnapshotManifest.FileName}; give a folder written by plumb snow generate or plumb snow pull");
        var instance = new SimulatedInstance();

        // Every table a pull reads exists on an instance, if empty (a handbook that maps no problem step still has a problem table).
        foreach (var table in SnapshotBuilder.ConfigurationTables.Concat(SnapshotBuilder.TicketTables).Append("task")) instance.Table(table);
        foreach (var table in manifest.Tables)
        {
            var rows = instance.Table(table.Table);
            foreach (var page in table.Pages)
            {
                var file = Path.Combine(directory, page.File);
                using var stream = File.OpenRead(file);
                try
                {
                    rows.AddRange(ReadPage(stream));
                }
                catch (JsonException e)
                {
                    throw new IOException($"{file}:{(e.LineNumber ?? 0) + 1}: not a Table API page: {e.Message}", e);
                }
            }
        }

        return instance;
    }

    /// <summary>
    /// An instance configured like <paramref name="handbook"/> with a generated history (<see cref="SnapshotGenerator.Generate"/>),
    /// built in memory: the same tables as <c>plumb snow generate</c> writes, without a folder, so a history of a million
    /// audit rows is served from compact rows.
    /// </summary>
    public static SimulatedInstance Generate(Plumb.Handbook.Model.Handbook handbook, GeneratorOptions options)
    {
        var instance = new SimulatedInstance();
        foreach (var table in SnapshotBuilder.ConfigurationTables.Concat(SnapshotBuilder.TicketTables).Append("task")) instance.Table(table);
        SnapshotGenerator.Generate(handbook, options, (table, rows) => instance.Table(table).AddRange(rows));
        return instance;
    }

    /// <summary>True when the table exists.</summary>
    public bool HasTable(string table)
    {
        lock (_gate) return _tables.ContainsKey(table);
    }

    /// <summary>The number of rows in a table (0 when absent).</summary>
    public int Count(string table)
    {
        lock (_gate) return _tables.TryGetValue(table, out var rows) ? rows.Count : 0;
    }

    /// <summary>The rows matching <paramref name="query"/>, in its order, or null when the table does not exist.</summary>
    public List<IReadOnlyDictionary<string, string>>? Select(string table, EncodedQuery query)
    {
        IReadOnlyDictionary<string, string>[] rows;
        lock (_gate)
        {
            if (!_tables.TryGetValue(table, out var list)) return null;
            rows = [.. list];
        }

        return query.Apply(rows);
    }

    /// <summary>One page of the rows matching <paramref name="query"/>, in its order, and how many match; null when the table does not exist.</summary>
    public (List<IReadOnlyDictionary<string, string>> Page, int Total)? Page(string table, EncodedQuery query, int offset, int limit)
    {
        IReadOnlyDictionary<string, string>[] rows;
        lock (_gate)
        {
            if (!_tables.TryGetValue(table, out var list)) return null;
            rows = [.. list];
        }

        var page = query.Page(rows, offset, limit, out var total);
        return (page, total);
    }

    /// <summary>One row by sys_id, or null.</summary>
    public IReadOnlyDictionary<string, string>? Find(string table, string sysId)
    {
        lock (_gate) return _tables.TryGetValue(table, out var rows) && IndexOf(table, rows, sysId) is >= 0 and var index ? rows[index] : null;
    }

    /// <summary>Inserts a row (creating the table), giving it a sys_id when it has none and stamping it with <paramref name="now"/>. Returns the row stored.</summary>
    public IReadOnlyDictionary<string, string> Insert(string table, IReadOnlyDictionary<string, string> fields, DateTime now)
    {
        var row = new Dictionary<string, string>(fields, StringComparer.Ordinal);
        var stamp = SnapshotGenerator.Stamp(now);
        if (!row.TryGetValue("sys_id", out var id) || id.Length == 0) row["sys_id"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        // As on an instance, the system fields are the instance's to set.
        row["sys_created_on"] = stamp;
        row["sys_updated_on"] = stamp;
        var stored = CompactRow.From(row);
        lock (_gate)
        {
            Table(table).Add(stored);
            _generation++;
        }

        return stored;
    }

    /// <summary>Changes fields of a row (the row is replaced, stamped with <paramref name="now"/>); null when there is no such row.</summary>
    public IReadOnlyDictionary<string, string>? Update(string table, string sysId, IReadOnlyDictionary<string, string> fields, DateTime now)
    {
        lock (_gate)
        {
            if (!_tables.TryGetValue(table, out var rows)) return null;
            var index = IndexOf(table, rows, sysId);
            if (index < 0) return null;
            var row = new Dictionary<string, string>(rows[index], StringComparer.Ordinal);
            foreach (var (key, value) in fields) row[key] = value;
            row["sys_id"] = sysId;
            row["sys_updated_on"] = SnapshotGenerator.Stamp(now);
            row["sys_mod_count"] = (int.TryParse(row.GetValueOrDefault("sys_mod_count"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n + 1 : 1)
                .ToString(CultureInfo.InvariantCulture);
            var stored = CompactRow.From(row);
            rows[index] = stored;
            _generation++;
            return stored;
        }
    }

    /// <summary>Runs <paramref name="change"/> while holding the instance's lock, so a feed step is seen whole or not at all.</summary>
    internal T Locked<T>(Func<Dictionary<string, List<IReadOnlyDictionary<string, string>>>, T> change)
    {
        lock (_gate)
        {
            _generation++;
            return change(_tables);
        }
    }

    /// <summary>The index of the row with <paramref name="sysId"/> in <paramref name="rows"/> (the table's list), or -1; the caller holds the lock.</summary>
    internal int IndexOf(string table, List<IReadOnlyDictionary<string, string>> rows, string sysId)
    {
        if (!_indexes.TryGetValue(table, out var index) || index.Covered > rows.Count) index = (new Dictionary<string, int>(StringComparer.Ordinal), 0);
        if (index.Rows.TryGetValue(sysId, out var at) && at < rows.Count && rows[at].GetValueOrDefault("sys_id") == sysId) return at;
        // Rows added since the index was last brought up to date (inserts, the feed's new tickets).
        for (var i = index.Covered; i < rows.Count; i++)
        {
            if (rows[i].GetValueOrDefault("sys_id") is { Length: > 0 } id) index.Rows.TryAdd(id, i);
        }

        _indexes[table] = (index.Rows, rows.Count);
        if (index.Rows.TryGetValue(sysId, out at) && rows[at].GetValueOrDefault("sys_id") == sysId) return at;
        return rows.FindIndex(r => r.GetValueOrDefault("sys_id") == sysId);
    }

    private List<IReadOnlyDictionary<string, string>> Table(string table)
    {
        if (!_tables.TryGetValue(table, out var rows)) _tables[table] = rows = [];
        return rows;
    }

    // A page {"result":[{...}]} with plain values, {"value": ...} references or {"value","display_value"} pairs.
    private static IEnumerable<IReadOnlyDictionary<string, string>> ReadPage(Stream stream)
    {
        using var document = JsonDocument.Parse(stream);
        if (!document.RootElement.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("expected {\"result\":[...]}");
        }

        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (var record in result.EnumerateArray())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in record.EnumerateObject())
            {
                row[field.Name] = field.Value.ValueKind switch
                {
                    JsonValueKind.String => field.Value.GetString()!,
                    JsonValueKind.Object when field.Value.TryGetProperty("value", out var v) => v.ToString(),
                    JsonValueKind.Null => "",
                    _ => field.Value.ToString(),
                };
            }

            rows.Add(CompactRow.From(row));
        }

        return rows;
    }
}
