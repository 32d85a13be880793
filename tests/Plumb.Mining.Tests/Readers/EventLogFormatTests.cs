namespace Plumb.Mining.Tests.Readers;

using System.IO.Compression;
using System.Text;
using Plumb.Mining.Readers;

/// <summary>Recognising a log's format and reading it the one way the CLI and the server share, ServiceNow XML unloads included.</summary>
public sealed class EventLogFormatTests
{
    private const string Network = "287ebd7da9fe198100f92cc8d1d2154e";

    // The "Export > XML" of an incident list, with its audit rows exported the same way: references carry display_value.
    private static readonly string Unload = $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <unload unload_date="2024-01-02 08:00:00">
        <incident action="INSERT_OR_UPDATE">
        <sys_id>9d385017c611228701d22104cc95c371</sys_id><number>INC0000001</number><opened_at>2024-01-01 09:00:00</opened_at>
        <state>2</state><priority>3</priority><assignment_group display_value="Network">{{Network}}</assignment_group>
        </incident>
        <sys_audit action="INSERT_OR_UPDATE">
        <documentkey>9d385017c611228701d22104cc95c371</documentkey><tablename>incident</tablename><fieldname>state</fieldname>
        <oldvalue>1</oldvalue><newvalue>2</newvalue><sys_created_on>2024-01-01 10:05:00</sys_created_on><user>beth.anglin</user>
        </sys_audit>
        </unload>
        """;

    private static MemoryStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("incidents.csv", "csv")]
    [InlineData("incidents.CSV.gz", "csv")]
    [InlineData("log.xes.gz", "xes")]
    [InlineData("export.json", "snow-json")]
    [InlineData("export.xml", null)]
    [InlineData("upload", null)]
    public void The_name_says_the_format_when_it_can(string name, string? format) => Assert.Equal(format, EventLogFormat.FromName(name));

    [Theory]
    [InlineData("\uFEFF  <?xml version=\"1.0\"?>\n<log xes.version=\"1.0\">", "xes")]
    [InlineData("<?xml version=\"1.0\"?>\n<unload unload_date=\"2024-01-02\">", "snow-json")]
    [InlineData("  {\"result\": []}", "snow-json")]
    [InlineData("number,state,sys_updated_on\n", "csv")]
    public void The_content_says_the_format_otherwise(string head, string format) => Assert.Equal(format, EventLogFormat.Sniff(Bytes(head)));

    [Fact]
    public void A_servicenow_xml_unload_reads_as_task_records_with_their_audit_rows_and_group_names()
    {
        var log = SharedData.Succeeded(EventLogFormat.Read(EventLogFormat.SnowJson, Bytes(Unload), Encoding.UTF8, new CsvLogOptions()));

        Assert.Equal(1, log.CaseCount);
        Assert.Equal(["New", "In Progress"], log.CaseActivities(0).ToArray().Select(a => log.ActivityNames[a]));
        Assert.Equal("Network", log.FindAttribute("assignment_group")!.ValueOf(0));
        Assert.Equal("incident", log.Table);
    }

    [Fact]
    public void Xml_that_does_not_parse_is_refused_with_its_line()
    {
        var result = EventLogFormat.Read(EventLogFormat.SnowJson, Bytes("<unload>\n<incident>\n<number>INC1</numbr>\n</incident></unload>"), Encoding.UTF8,
            new CsvLogOptions());
        Assert.False(result.Succeeded);
        Assert.Equal(3, result.Error!.Line);
        Assert.StartsWith("not valid XML", result.Error.Message);
    }

    [Fact]
    public void Gzip_is_unwrapped_for_every_format()
    {
        var csv = "number,activity,sys_updated_on\nINC1,Logged,2024-01-01 09:00:00\nINC1,Resolved,2024-01-01 10:00:00\n";
        using var zipped = new MemoryStream();
        using (var gzip = new GZipStream(zipped, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(csv));
        zipped.Position = 0;
        var log = SharedData.Succeeded(EventLogFormat.Read(EventLogFormat.Csv, zipped, Encoding.UTF8, new CsvLogOptions()));
        Assert.Equal((1, 2), (log.CaseCount, log.EventCount));
    }
}
