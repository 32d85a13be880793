namespace Plumb.Mining.Tests.Readers;

using System.Text;
using Plumb.Mining.Readers;

// https://github.com/plumb/plumb/issues/16: the XES reader reads each attribute once and keeps a trace's events and their
// attributes in reused lists; these pin what it must still read the same.
public sealed class XesParseTests
{
    private const string Log = """
        <?xml version="1.0" encoding="utf-8"?>
        <!-- exported -->
        <log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
          <trace>
            <string value="Network" key="team"/>
            <string key="concept:name" value="T1"/>
            <event><string key="concept:name" value="Fix"/><string key="lifecycle:transition" value="start"/><string key="note" value="started"/>
              <date key="time:timestamp" value="2024-01-01T10:00:00Z"/></event>
            <event><string key="concept:name" value="Fix"/><string key="lifecycle:transition" value="complete"/><string key="channel" value="phone"/>
              <list key="nested"><string key="note" value="inside a list"/></list>
              <date key="time:timestamp" value="2024-01-01T11:00:00Z"/></event>
          </trace>
          <trace><event><string key="concept:name" value="Log"/><date key="time:timestamp" value="2024-01-02T09:00:00Z"/><string key="note" value="?"/></event></trace>
        </log>
        """;

    [Fact]
    public void Attributes_read_in_any_order_nested_ones_skipped_and_unnamed_traces_numbered()
    {
        var log = SharedData.Succeeded(XesEventLogReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Log))));

        Assert.Equal(["T1", "trace 2"], log.CaseIds.Values);
        Assert.Equal("Network", log.FindAttribute("team")!.ValueOf(0));
        Assert.Equal("started", log.FindAttribute("note")!.ValueOf(0));
        Assert.Equal("phone", log.FindAttribute("channel")!.ValueOf(0));

        // "?" is no value.
        Assert.Null(log.FindAttribute("note")!.ValueOf(1));
    }

    [Fact]
    public void An_event_left_out_by_the_lifecycle_filter_leaves_no_attributes_behind()
    {
        var log = SharedData.Succeeded(XesEventLogReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Log)), new XesLogOptions { Lifecycle = "complete" }));

        Assert.Equal(2, log.EventCount);
        Assert.Null(log.FindAttribute("note")?.ValueOf(0));
        Assert.Equal("phone", log.FindAttribute("channel")!.ValueOf(0));
    }

    [Fact]
    public void A_skipped_bad_event_leaves_no_attributes_behind()
    {
        var bad = Log.Replace("2024-01-01T10:00:00Z", "soon", StringComparison.Ordinal);

        var log = SharedData.Succeeded(XesEventLogReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(bad)), new XesLogOptions { SkipBadRows = true }));

        Assert.Equal(1, log.Notes.SkippedRows);
        Assert.Null(log.FindAttribute("note")?.ValueOf(0));
        Assert.Equal("phone", log.FindAttribute("channel")!.ValueOf(0));
    }
}
