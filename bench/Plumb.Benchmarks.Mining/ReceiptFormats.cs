namespace Plumb.Benchmarks.Mining;

using System.Text;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;
using Plumb.Mining.Writers;

/// <summary>
/// The receipt-shaped log (<see cref="ReceiptWorkload"/>) in the three formats Plumb reads: the CSV, the same log as XES
/// (<see cref="XesLogWriter"/>), and as ServiceNow Table API JSON (<see cref="SnowJsonWriter"/>: one record per case, then
/// the <c>sys_audit</c> rows of its changes). ServiceNow audits field changes, not activities, so the JSON form carries each
/// activity as the record's state: its state changes give back the CSV's events (to the second, as the Table API writes
/// times), and its group changes add the Assigned and Reassigned events ServiceNow's history shows. A fourth form,
/// <see cref="SnowInstance"/>, is the same JSON as a real instance exports it (records, sys_audit and groups apart).
/// </summary>
public static partial class ReceiptFormats
{
    /// <summary>The formats, as <c>--log-format</c> names them (and <see cref="SnowInstance"/>), with the file extension used here.</summary>
    public static readonly (string Format, string Extension)[] All =
        [(EventLogFormat.Csv, "csv"), (EventLogFormat.Xes, "xes"), (EventLogFormat.SnowJson, "json"), (SnowInstance, "records.json")];

    /// <summary>
    /// The log files of each format for about <paramref name="events"/> events in <paramref name="folder"/>, written when
    /// missing: the file, and the further arguments the CLI takes to read it (the instance export's audit and group files).
    /// </summary>
    public static IReadOnlyDictionary<string, (string File, string[] More)> Files(string folder, int events)
    {
        Directory.CreateDirectory(folder);
        var name = $"receipt-{events}";
        var files = All.ToDictionary(f => f.Format, f => Path.Combine(folder, $"{name}.{f.Extension}"));
        var instance = (Path.Combine(folder, name + ".records.json"), Path.Combine(folder, name + ".audit.json"), Path.Combine(folder, name + ".groups.json"));
        if (!File.Exists(files[EventLogFormat.Csv])) File.WriteAllBytes(files[EventLogFormat.Csv], ReceiptWorkload.GenerateCsv(events));
        if (!File.Exists(files[EventLogFormat.Xes]) || !File.Exists(files[EventLogFormat.SnowJson]) || !File.Exists(instance.Item3))
        {
            var log = Read(File.ReadAllBytes(files[EventLogFormat.Csv]));
            using (var xes = File.Create(files[EventLogFormat.Xes])) XesLogWriter.Write(log, xes);
            using (var json = File.Create(files[EventLogFormat.SnowJson])) SnowJsonWriter.Write(WithActivitiesAsStates(log), json);
            WriteInstanceExport(log, folder, name);
        }

        return files.ToDictionary(f => f.Key, f => (f.Value, f.Key == SnowInstance
            ? new[] { "--log-format", EventLogFormat.SnowJson, "--audit", instance.Item2, "--groups", instance.Item3 } : []));
    }

    /// <summary>The bytes of input of a log of <see cref="Files"/> (the instance export's three files together).</summary>
    public static long Size(string file, IEnumerable<string> more) =>
        new FileInfo(file).Length + more.Where(File.Exists).Sum(f => new FileInfo(f).Length);

    /// <summary>Reads a log of <see cref="Files"/> as the CLI does (every case attribute kept).</summary>
    public static EventLog Read(string format, string file)
    {
        if (format != SnowInstance)
        {
            using var stream = File.OpenRead(file);
            return Read(format, stream);
        }

        var streams = new[] { file, file.Replace(".records.json", ".audit.json", StringComparison.Ordinal), file.Replace(".records.json", ".groups.json", StringComparison.Ordinal) }
            .Select(f => (Stream)File.OpenRead(f)).ToList();
        try
        {
            var result = EventLogFormat.Read(EventLogFormat.SnowJson, streams[0], Encoding.UTF8, new CsvLogOptions(), null, [streams[1]], [streams[2]]);
            return result.Log ?? throw new InvalidOperationException($"the instance export did not read: {result.Error}");
        }
        finally
        {
            foreach (var s in streams) s.Dispose();
        }
    }

    /// <summary>The three forms in memory (for BenchmarkDotNet, which should not time the disk).</summary>
    public static (byte[] Csv, byte[] Xes, byte[] Json) InMemory(int events)
    {
        var csv = ReceiptWorkload.GenerateCsv(events);
        var log = Read(csv);
        using var xes = new MemoryStream();
        XesLogWriter.Write(log, xes);
        using var json = new MemoryStream();
        SnowJsonWriter.Write(WithActivitiesAsStates(log), json);
        return (csv, xes.ToArray(), json.ToArray());
    }

    /// <summary>Reads a file of one of the formats as the CLI does (through <see cref="EventLogFormat.Read"/>); every case attribute is kept.</summary>
    public static EventLog Read(string format, Stream stream)
    {
        var result = EventLogFormat.Read(format, stream, Encoding.UTF8, new CsvLogOptions());
        return result.Log ?? throw new InvalidOperationException($"the {format} log did not read: {result.Error}");
    }

    /// <summary>
    /// Checks that the XES and JSON logs hold the CSV's cases and events: XES the same events (activity, time, resource, group)
    /// in the same order (times to the millisecond, as the XES writer writes them); JSON the same cases, and per case its state events are the CSV's activities at the same seconds.
    /// Returns what differs first, or null.
    /// </summary>
    public static string? Compare(EventLog csv, EventLog other, string format)
    {
        if (other.CaseCount != csv.CaseCount) return $"{format}: {other.CaseCount:N0} cases, CSV {csv.CaseCount:N0}";
        var isJson = format is EventLogFormat.SnowJson or SnowInstance;
        if (!isJson && other.EventCount != csv.EventCount) return $"{format}: {other.EventCount:N0} events, CSV {csv.EventCount:N0}";
        for (var c = 0; c < csv.CaseCount; c++)
        {
            if (csv.CaseIds[c] != other.CaseIds[c]) return $"{format}: case {c} is {other.CaseIds[c]}, CSV {csv.CaseIds[c]}";
            var e = other.Start(c);
            for (var k = csv.Start(c); k < csv.End(c); k++, e++)
            {
                // JSON: the group changes' events lie between the state events.
                while (isJson && e < other.End(c) && other.ActivityNames[other.Activities[e]] is StateChangeDeriver.Reassigned or "Assigned") e++;
                if (e >= other.End(c)) return $"{format}: case {csv.CaseIds[c]} ends after {e - other.Start(c)} events";
                var activity = csv.ActivityNames[csv.Activities[k]];
                // The Table API writes times to the second, the XES writer to the millisecond.
                var unit = isJson ? TimeSpan.TicksPerSecond : TimeSpan.TicksPerMillisecond;
                var time = csv.Timestamps[k] / unit * unit;
                if (other.ActivityNames[other.Activities[e]] != activity || other.Timestamps[e] != time
                    || (!isJson && (Name(csv.ResourceNames, csv.Resources, k) != Name(other.ResourceNames, other.Resources, e)
                        || Name(csv.GroupNames, csv.Groups, k) != Name(other.GroupNames, other.Groups, e))))
                {
                    return $"{format}: case {csv.CaseIds[c]} event {k - csv.Start(c)} is {other.ActivityNames[other.Activities[e]]} at {new DateTime(other.Timestamps[e]):O}, CSV {activity} at {new DateTime(time):O}";
                }
            }
        }

        return null;
    }

    private static string? Name(StringTable table, int[]? column, int e) => column is null ? null : table.NameOf(column[e]);

    // The log with each event's activity as its state (and the case attributes kept), for the JSON writer.
    private static EventLog WithActivitiesAsStates(EventLog log)
    {
        var builder = new EventLogBuilder { Table = "incident" };
        for (var c = 0; c < log.CaseCount; c++)
        {
            var caseIndex = builder.Case(log.CaseIds[c]);
            for (var e = log.Start(c); e < log.End(c); e++)
            {
                var activity = log.ActivityNames[log.Activities[e]];
                builder.Add(caseIndex, builder.ActivityNames.Intern(activity), log.Timestamps[e],
                    Name(log.ResourceNames, log.Resources, e) is { } resource ? builder.ResourceNames.Intern(resource) : -1,
                    Name(log.GroupNames, log.Groups, e) is { } group ? builder.GroupNames.Intern(group) : -1,
                    builder.StateValues.Intern(activity));
            }

            foreach (var attribute in log.Attributes.Values)
            {
                if (attribute.ValueOf(c) is { } value) builder.SetAttribute(caseIndex, attribute.Name, value);
            }
        }

        return builder.Build();
    }

    private static EventLog Read(byte[] csv) => Read(EventLogFormat.Csv, new MemoryStream(csv));
}
