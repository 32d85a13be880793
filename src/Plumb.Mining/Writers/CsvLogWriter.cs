namespace Plumb.Mining.Writers;

using System.Globalization;
using Plumb.Mining.EventLogs;

/// <summary>
/// Writes a log as CSV in ServiceNow export style: <c>number, activity, sys_updated_on (ISO 8601 UTC), sys_updated_by,
/// assignment_group, state, priority</c> and then every case attribute; values quoted when needed.
/// </summary>
public static class CsvLogWriter
{
    /// <summary>Writes the log, one row per event.</summary>
    public static void Write(EventLog log, TextWriter writer)
    {
        var attributes = log.Attributes.Values.Where(a => a.Name is not "priority").OrderBy(a => a.Name, StringComparer.Ordinal).ToArray();
        writer.Write("number,activity,sys_updated_on,sys_updated_by,assignment_group,state,priority");
        foreach (var a in attributes) writer.Write("," + Quote(a.Name));
        writer.Write('\n');
        Span<char> time = stackalloc char[32];
        for (var c = 0; c < log.CaseCount; c++)
        {
            var id = Quote(log.CaseIds[c]);
            var priority = CaseDimensions.PriorityOf(log, c);
            var rest = string.Concat(attributes.Select(a => "," + Quote(a.ValueOf(c) ?? "")));
            for (var e = log.Start(c); e < log.End(c); e++)
            {
                writer.Write(id);
                writer.Write(',');
                writer.Write(Quote(log.ActivityNames[log.Activities[e]]));
                writer.Write(',');
                new DateTime(log.Timestamps[e], DateTimeKind.Utc).TryFormat(time, out var n, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
                writer.Write(time[..n]);
                writer.Write(',');
                writer.Write(Quote(log.ResourceNames.NameOf(log.Resources?[e] ?? -1) ?? ""));
                writer.Write(',');
                writer.Write(Quote(log.GroupNames.NameOf(log.Groups?[e] ?? -1) ?? ""));
                writer.Write(',');
                writer.Write(Quote(log.StateValues.NameOf(log.States?[e] ?? -1) ?? ""));
                writer.Write(',');
                writer.Write(Quote(log.PriorityValues.NameOf(log.Priorities?[e] ?? -1) ?? priority ?? ""));
                writer.Write(rest);
                writer.Write('\n');
            }
        }
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
