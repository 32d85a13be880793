namespace Plumb.ServiceNow.Snapshot;

using System.Globalization;
using Plumb.Handbook.Model;

/// <summary>What the generator may change so the snapshot disagrees with the handbook, and how much history to write.</summary>
public sealed record GeneratorOptions
{
    /// <summary>The seed; the same seed and handbook give the same folder byte for byte.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Remove one state choice the handbook maps.</summary>
    public bool MissingState { get; init; }

    /// <summary>Add an active assignment group no role claims.</summary>
    public bool ExtraGroup { get; init; }

    /// <summary>Make one SLA definition's duration differ from the KPI target it matches.</summary>
    public bool SlaDiffers { get; init; }

    /// <summary>Tickets written per task table the handbook maps (0 for configuration only).</summary>
    public int TicketsPerTable { get; init; } = 40;

    /// <summary>When the first generated ticket opens.</summary>
    public DateTime Start { get; init; } = new(2025, 1, 6, 8, 0, 0, DateTimeKind.Utc);
}

/// <summary>
/// Writes a realistic snapshot folder for a handbook, as if pulled from an instance configured to match it (out-of-box
/// choices, the handbook's groups, SLAs at the KPI targets, process-flow stages, dictionary fields) with ticket history
/// that walks the documented steps, then injects the drifts asked for. Deterministic for a seed.
/// </summary>
public static partial class SnapshotGenerator
{
    /// <summary>Writes the folder (which must be empty or absent) and returns a line per injected drift.</summary>
    public static IReadOnlyList<string> Write(Handbook handbook, string directory, GeneratorOptions options)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new IOException($"'{directory}' is not empty; generate into a new folder");
        }

        Directory.CreateDirectory(directory);
        var manifest = new SnapshotManifest
        {
            Instance = $"generated:seed={options.Seed}",
            StartedAt = Stamp(options.Start).Replace(' ', 'T') + "Z",
            CompletedAt = Stamp(options.Start).Replace(' ', 'T') + "Z",
        };
        var writer = new SnapshotWriter(directory, manifest);
        var injected = Generate(handbook, options, (table, rows) => writer.WriteTable(table, "generated", rows));
        writer.Complete();
        return injected;
    }

    /// <summary>
    /// Generates the instance's tables and hands each to <paramref name="table"/> (a folder writer, or the simulator's memory);
    /// returns a line per injected drift. The rows are <see cref="CompactRow"/>s, so a large history stays small in memory.
    /// </summary>
    public static IReadOnlyList<string> Generate(Handbook handbook, GeneratorOptions options, Action<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> table)
    {
        var random = new Random(options.Seed);
        var injected = new List<string>();
        var mapped = MappedStates(handbook);
        table("sys_choice", Choices(mapped, options, random, injected));
        table("sys_user_group", Groups(handbook, options, random, injected));
        table("contract_sla", Slas(handbook, options, injected));
        table("sys_process_flow", Flows(handbook));
        table("sys_dictionary", Dictionary(handbook));
        table("sys_db_object", TableRows(handbook));
        WriteHistory(handbook, table, options, random);
        return injected;
    }

    // The whole table list of an instance configured like the handbook: the task tables and every table the handbook names.
    private static List<IReadOnlyDictionary<string, string>> TableRows(Handbook handbook)
    {
        var rows = ConfigurationSnapshot.DefaultParents.Select(p => Row(("sys_id", Id($"db:{p.Key}")), ("name", p.Key), ("super_class", Id($"db:{p.Value}"))))
            .Append(Row(("sys_id", Id("db:task")), ("name", "task"), ("super_class", "")))
            .ToList();
        var named = handbook.Processes.SelectMany(p => p.Procedures).SelectMany(q => q.Steps).Select(s => s.Tool?.Table)
            .Concat(handbook.Records.Select(r => r.Table))
            .OfType<string>().Where(t => t.Length > 0 && t != "task" && !ConfigurationSnapshot.DefaultParents.ContainsKey(t)).Distinct(StringComparer.Ordinal);
        rows.AddRange(named.Select(t => Row(("sys_id", Id($"db:{t}")), ("name", t), ("super_class", ""))));
        return rows;
    }

    // (table, field) → the values steps map, in first-mapped order.
    private static Dictionary<(string Table, string Field), List<string>> MappedStates(Handbook handbook)
    {
        var mapped = new Dictionary<(string, string), List<string>>();
        foreach (var step in handbook.Processes.SelectMany(p => p.Procedures).SelectMany(q => q.Steps))
        {
            if (step.Tool is not { Table: { Length: > 0 } table } tool) continue;
            if (!mapped.TryGetValue((table, tool.EffectiveField), out var values)) mapped[(table, tool.EffectiveField)] = values = [];
            foreach (var s in tool.States.Where(s => !values.Contains(s))) values.Add(s);
        }

        return mapped;
    }

    private static List<IReadOnlyDictionary<string, string>> Choices(Dictionary<(string Table, string Field), List<string>> mapped,
        GeneratorOptions options, Random random, List<string> injected)
    {
        var rows = new List<IReadOnlyDictionary<string, string>>();
        var drop = options.MissingState && mapped.SelectMany(m => m.Value.Select(v => (m.Key.Table, m.Key.Field, Value: v))).ToList() is { Count: > 0 } all
            ? all[random.Next(all.Count)]
            : default;
        if (drop.Table is not null) injected.Add($"missing state: removed choice {drop.Table}.{drop.Field} = {drop.Value}");
        foreach (var ((table, field), values) in mapped)
        {
            // Mapped fields carry exactly the mapped values as active choices; other out-of-box values stay, inactive,
            // as on an instance whose unused states were switched off.
            var known = OutOfBox.Choices.Where(c => c.Table == table && c.Element == field).ToList();
            var sequence = 0;
            foreach (var value in values)
            {
                if (drop.Table == table && drop.Field == field && drop.Value == value) continue;
                var label = known.Find(c => c.Value == value)?.Label ?? $"State {value}";
                rows.Add(Choice(table, field, value, label, false, ++sequence));
            }

            foreach (var extra in known.Where(c => !values.Contains(c.Value))) rows.Add(Choice(table, field, extra.Value, extra.Label, true, ++sequence));
        }

        foreach (var c in OutOfBox.Choices.Where(c => !mapped.ContainsKey((c.Table, c.Element))))
        {
            rows.Add(Choice(c.Table, c.Element, c.Value, c.Label, false, (int)c.Sequence));
        }

        return rows;
    }

    private static IReadOnlyDictionary<string, string> Choice(string table, string field, string value, string label, bool inactive, int sequence) => Row(
        ("sys_id", Id($"choice:{table}.{field}={value}")), ("name", table), ("element", field), ("value", value), ("label", label),
        ("inactive", inactive ? "true" : "false"), ("language", "en"), ("sequence", sequence.ToString(CultureInfo.InvariantCulture)));

    private static List<IReadOnlyDictionary<string, string>> Groups(Handbook handbook, GeneratorOptions options, Random random, List<string> injected)
    {
        var names = handbook.Roles.SelectMany(r => r.Groups)
            .Concat(handbook.Processes.SelectMany(p => p.Procedures).SelectMany(q => q.Steps).SelectMany(s => s.Tool?.Groups ?? []))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (options.ExtraGroup)
        {
            var candidates = new[] { "Network Operations", "Database Administration", "Field Services", "Identity and Access" }
                .Where(n => !names.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
            var extra = candidates[random.Next(candidates.Count)];
            names.Add(extra);
            injected.Add($"extra group: added group '{extra}'");
        }

        return names.Select(n => Row(("sys_id", Id($"group:{n}")), ("name", n), ("active", "true"), ("description", $"{n} group"))).ToList();
    }

    private static string Id(string key) => Embed.SysIds.For("generated:" + key);

    private static IReadOnlyDictionary<string, string> Row(params (string Key, string Value)[] fields) => CompactRow.From(fields);

}
