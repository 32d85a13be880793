namespace Plumb.Mining.Tests.Writers;

using System.Text;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;
using Plumb.Mining.Writers;

public sealed class TimestampPrecisionTests
{
    private static readonly long Second = new DateTime(2026, 3, 1, 8, 30, 15, DateTimeKind.Utc).Ticks;

    // A whole second, a millisecond and a tick (100 ns): what a CSV export with microseconds holds.
    private static EventLog Log(params long[] times)
    {
        var builder = new EventLogBuilder();
        var c = builder.Case("INC0000001");
        foreach (var t in times) builder.Add(c, builder.ActivityNames.Intern("Work"), t);
        return builder.Build();
    }

    private static string Xes(EventLog log)
    {
        using var buffer = new MemoryStream();
        XesLogWriter.Write(log, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Csv(EventLog log)
    {
        using var writer = new StringWriter();
        CsvLogWriter.Write(log, writer);
        return writer.ToString();
    }

    [Fact]
    public void Xes_keeps_every_tick_and_writes_milliseconds_where_the_time_has_no_more()
    {
        var log = Log(Second, Second + 123 * TimeSpan.TicksPerMillisecond, Second + 4_567_891);
        var xes = Xes(log);

        Assert.Contains("value=\"2026-03-01T08:30:15.000+00:00\"", xes);
        Assert.Contains("value=\"2026-03-01T08:30:15.123+00:00\"", xes);
        Assert.Contains("value=\"2026-03-01T08:30:15.4567891+00:00\"", xes);
        var read = SharedData.Succeeded(XesEventLogReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xes))));
        Assert.Equal(log.Timestamps, read.Timestamps);
    }

    [Fact]
    public void Csv_keeps_every_tick_and_writes_whole_seconds_as_before()
    {
        var log = Log(Second, Second + 4_567_000, Second + 4_567_891);
        var csv = Csv(log);

        Assert.Contains(",2026-03-01T08:30:15Z,", csv);
        Assert.Contains(",2026-03-01T08:30:15.4567Z,", csv);
        Assert.Contains(",2026-03-01T08:30:15.4567891Z,", csv);
        var read = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(csv)));
        Assert.Equal(log.Timestamps, read.Timestamps);
    }
}
