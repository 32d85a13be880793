namespace Plumb.Mining.Tests.Readers;

using System.Globalization;
using System.Text;
using Plumb.Handbook.Samples;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Generation;
using Plumb.Mining.Readers;
using Plumb.Mining.Writers;

/// <summary>XES and ServiceNow JSON reading, bad input, and round trips through the writers.</summary>
public sealed class XesAndSnowTests
{
    private static Stream Bytes(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void An_xes_attribute_past_the_limit_is_refused_with_its_line_and_key()
    {
        // Given a trace whose note is 1,048,577 characters long, on line 3
        var xes = "<log>\n<trace><string key=\"concept:name\" value=\"c1\"/>\n<string key=\"note\" value=\"" + new string('x', FieldLimit.MaxCharacters + 1)
            + "\"/>\n<event><string key=\"concept:name\" value=\"a\"/><date key=\"time:timestamp\" value=\"2024-01-01T00:00:00Z\"/></event></trace>\n</log>";

        // When read
        var result = XesEventLogReader.Read(Bytes(xes));

        // Then it is refused, naming the line, the key and the limit
        Assert.False(result.Succeeded);
        Assert.Equal("log.xes:3: field 'note': a value of 1,048,577 characters is longer than the limit of 1,048,576 characters per field (a broken quote, or a file pasted into a field?)",
            result.Error!.Format("log.xes"));
    }

    [Fact]
    public void Xes_lifecycle_and_org_extensions_give_resource_group_and_a_lifecycle_filter()
    {
        const string xes = """
            <?xml version="1.0"?>
            <log xmlns="http://www.xes-standard.org/">
              <trace><string key="concept:name" value="T1"/><string key="priority" value="2"/>
                <event><string key="concept:name" value="Fix"/><string key="lifecycle:transition" value="start"/>
                  <date key="time:timestamp" value="2024-01-01T10:00:00+01:00"/><string key="org:resource" value="ann"/><string key="org:group" value="Network"/></event>
                <event><string key="concept:name" value="Fix"/><string key="lifecycle:transition" value="complete"/>
                  <date key="time:timestamp" value="2024-01-01T11:00:00+01:00"/><list key="nested"><string key="x" value="y"/></list></event>
              </trace>
            </log>
            """;

        var all = SharedData.Succeeded(XesEventLogReader.Read(Bytes(xes)));
        var complete = SharedData.Succeeded(XesEventLogReader.Read(Bytes(xes), new XesLogOptions { Lifecycle = "complete" }));

        Assert.Equal(2, all.EventCount);
        Assert.Equal(1, complete.EventCount);
        Assert.Equal("Network", all.GroupNames[all.Groups![0]]);
        Assert.Equal("ann", all.ResourceNames[all.Resources![0]]);
        Assert.Equal(new DateTime(2024, 1, 1, 9, 0, 0, DateTimeKind.Utc).Ticks, all.Timestamps[0]);
        Assert.Equal("2", all.FindAttribute("priority")!.ValueOf(0));
    }

    [Fact]
    public void Missing_value_markers_are_no_values_in_xes_either()
    {
        // BPI Challenge style: "?" for an unknown group, NULL and (empty) from databases, "-" only when told.
        const string xes = """
            <?xml version="1.0"?>
            <log xmlns="http://www.xes-standard.org/">
              <trace><string key="concept:name" value="T1"/><string key="product" value="NULL"/>
                <event><string key="concept:name" value="Accepted"/><date key="time:timestamp" value="2024-01-01T10:00:00Z"/>
                  <string key="org:group" value="?"/><string key="org:resource" value="(empty)"/><string key="impact" value="Medium"/></event>
                <event><string key="concept:name" value="Completed"/><date key="time:timestamp" value="2024-01-01T11:00:00Z"/>
                  <string key="org:group" value="-"/><string key="priority" value="?"/><string key="impact" value="?"/></event>
              </trace>
            </log>
            """;

        var log = SharedData.Succeeded(XesEventLogReader.Read(Bytes(xes)));
        var told = SharedData.Succeeded(XesEventLogReader.Read(Bytes(xes), new XesLogOptions { MissingValues = ["-"] }));

        Assert.Equal(-1, log.Groups![0]);
        Assert.Equal("-", log.GroupNames[log.Groups[1]]);
        Assert.Null(told.Groups); // no event of it has a group left
        Assert.DoesNotContain("?", log.GroupNames.Values);
        Assert.True(log.Resources is null || log.Resources[0] == -1);
        Assert.True(log.Priorities is null || log.Priorities[1] == -1);
        Assert.Equal("Medium", log.FindAttribute("impact")!.ValueOf(0));
        Assert.Null(log.FindAttribute("product")?.ValueOf(0));
    }

    [Fact]
    public void Bad_xes_is_reported_with_its_line_and_a_dtd_is_not_processed()
    {
        var broken = XesEventLogReader.Read(Bytes("<log>\n<trace>\n<event>\n</log>"));
        var missingTime = XesEventLogReader.Read(Bytes("<log>\n<trace>\n<event><string key=\"concept:name\" value=\"a\"/></event></trace></log>"));
        var entity = XesEventLogReader.Read(Bytes("<?xml version=\"1.0\"?><!DOCTYPE log [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><log><trace><string key=\"concept:name\" value=\"&x;\"/></trace></log>"));

        Assert.Equal(4, broken.Error!.Line);
        Assert.Equal("time:timestamp", missingTime.Error!.Field);
        Assert.Equal(3, missingTime.Error.Line);
        Assert.False(entity.Succeeded && entity.Log!.CaseIds[0].Contains("root", StringComparison.Ordinal));
        Assert.Contains("no <log>", XesEventLogReader.Read(Bytes("")).Error!.Message);
    }

    [Fact]
    public void The_servicenow_incident_export_gives_one_case_from_its_dates()
    {
        using var stream = File.OpenRead(Path.Combine(SharedData.Root, "servicenow", "records", "incident_INC0010042.json"));
        var log = SharedData.Succeeded(SnowJsonEventLogReader.Read([stream]));

        Assert.Equal("INC0010042", log.CaseIds[0]);
        Assert.Equal(["New", "Resolved", "Closed"], log.CaseActivities(0).ToArray().Select(a => log.ActivityNames[a]));
        Assert.Equal("3", log.FindAttribute("priority")!.ValueOf(0));
        Assert.Equal("incident", log.FindAttribute("table")!.ValueOf(0));
    }

    [Fact]
    public void Audit_rows_become_state_changes_reassignments_priority_changes_and_reopenings()
    {
        const string records = """{"result":[{"sys_id":"a1","number":"INC7","opened_at":"2024-01-01 09:00:00","priority":"2","state":"7","assignment_group":{"link":"x","value":"g2"}}]}""";
        const string audit = """
            {"result":[
              {"documentkey":"a1","fieldname":"state","oldvalue":"1","newvalue":"2","sys_created_on":"2024-01-01 10:00:00","user":"bob"},
              {"documentkey":"a1","fieldname":"assignment_group","oldvalue":"g1","newvalue":"g2","sys_created_on":"2024-01-01 11:00:00","user":"bob"},
              {"documentkey":"a1","fieldname":"priority","oldvalue":"3","newvalue":"2","sys_created_on":"2024-01-01 11:30:00","user":"cat"},
              {"documentkey":"a1","fieldname":"state","oldvalue":"2","newvalue":"6","sys_created_on":"2024-01-01 12:00:00","user":"cat"},
              {"documentkey":"a1","fieldname":"state","oldvalue":"6","newvalue":"2","sys_created_on":"2024-01-02 09:00:00","user":"ann"},
              {"documentkey":"a1","fieldname":"state","oldvalue":"2","newvalue":"7","sys_created_on":"2024-01-03 09:00:00","user":"ann"}
            ]}
            """;

        var log = SharedData.Succeeded(SnowJsonEventLogReader.Read([Bytes(records), Bytes(audit)]));

        Assert.Equal(["New", "In Progress", "Reassigned", "Priority changed", "Resolved", "Reopened", "Closed"],
            log.CaseActivities(0).ToArray().Select(a => log.ActivityNames[a]));
        Assert.Equal("g1", log.GroupNames[log.Groups![0]]);
        Assert.Equal("g2", log.GroupNames[log.Groups[2]]);
    }

    [Fact]
    public void Truncated_or_empty_json_is_an_error()
    {
        Assert.False(SnowJsonEventLogReader.Read([Bytes("""{"result":[{"number":"INC1","opened_at":"2024-01-01 09:00:00"},{"numb""")]).Succeeded);
        Assert.Contains("empty", SnowJsonEventLogReader.Read([Bytes("")]).Error!.Message);
        Assert.Contains("no task records", SnowJsonEventLogReader.Read([Bytes("""{"result":[]}""")]).Error!.Message);
    }

    [Fact]
    public void Json_records_cut_by_the_read_buffer_are_read_whole_with_their_references_and_arrays()
    {
        // Given 3,000 records (about 600 KB, so records straddle the reader's 256 KB buffer) with a reference and an array each
        var records = Enumerable.Range(0, 3000).Select(i =>
        {
            var sysId = (i % 7).ToString("D32", CultureInfo.InvariantCulture);
            return "{\"number\":\"INC" + i.ToString("D7", CultureInfo.InvariantCulture) + "\",\"opened_at\":\"2024-01-01 09:"
                + (i % 60).ToString("D2", CultureInfo.InvariantCulture) + ":00\",\"state\":\"1\",\"work_notes_list\":[\"a\",\"b\",{\"c\":[1,2]}],"
                + "\"assignment_group\":{\"link\":\"https://x/api/now/table/sys_user_group/" + sysId + "\",\"value\":\"" + sysId
                + "\",\"display_value\":\"Group " + (i % 7).ToString(CultureInfo.InvariantCulture) + "\"}}";
        });
        var json = "{\"result\":[" + string.Join(",\n", records) + "]}";

        // When read
        var log = SharedData.Succeeded(SnowJsonEventLogReader.Read([Bytes(json)]));

        // Then every record is a case with its group's display name
        Assert.Equal(3000, log.CaseCount);
        var group = log.FindAttribute("assignment_group")!;
        Assert.Equal(Enumerable.Range(0, 3000).Select(i => $"Group {i % 7}"), Enumerable.Range(0, 3000).Select(group.ValueOf));
        Assert.Equal("INC0002999", log.CaseIds[2999]);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xes")]
    [InlineData("snow-json")]
    public void A_generated_log_round_trips_through_each_format(string format)
    {
        var handbook = ExampleHandbook.Create("Test");
        var log = LogGenerator.Generate(handbook, handbook.Processes[0].Procedures[0], new GeneratorOptions { Cases = 200, Seed = 2, ReassignRate = 0, SwapRate = 0, ReopenRate = 0 }).Log;
        using var buffer = new MemoryStream();
        if (format == "csv")
        {
            using var writer = new StreamWriter(buffer, leaveOpen: true);
            CsvLogWriter.Write(log, writer);
        }
        else if (format == "xes")
        {
            XesLogWriter.Write(log, buffer);
        }
        else
        {
            SnowJsonWriter.Write(log, buffer);
        }

        buffer.Position = 0;
        var read = SharedData.Succeeded(format switch
        {
            "csv" => CsvEventLogReader.Read(new StreamReader(buffer)),
            "xes" => XesEventLogReader.Read(buffer),
            _ => SnowJsonEventLogReader.Read([buffer]),
        });

        Assert.Equal(log.CaseCount, read.CaseCount);
        Assert.Equal(log.EventCount, read.EventCount);
        Assert.Equal(log.Timestamps.Select(t => t / TimeSpan.TicksPerSecond), read.Timestamps.Select(t => t / TimeSpan.TicksPerSecond));
        Assert.Equal(Names(log), Names(read));
    }

    private static IEnumerable<string> Names(EventLog log) => log.Activities.Select(a => log.ActivityNames[a]);
}
