namespace Plumb.Mining.Tests.Readers;

using System.Text;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

// https://github.com/plumb/plumb/issues/16: the ServiceNow JSON reader compares names as UTF-8 bytes, interns values from
// them and groups audit rows by key codes; these pin what it must still read the same.
public sealed class SnowJsonParseTests
{
    private const string Records = """
        {"result":[
          {"sys_id":"a1","number":"INC1","opened_at":"2024-01-01 09:00:00","state":"1","priority":3,"made_sla":true,"close_code":null,
           "work_notes_list":["x",{"y":[1]}],"assignment_group":{"display_value":"Service Desk","link":"https://x/sys_user_group/0123456789abcdef0123456789abcdef","value":"0123456789abcdef0123456789abcdef"},
           "category":"r\u00e9seau \"lan\""},
          {"sys_id":"b2","number":"INC2","opened_at":"2024-01-01 09:30:00","state":"1","category":"réseau \"lan\""}
        ]}
        """;

    // The rows of the two records interleaved, one of them escaped in its names and values.
    private const string Audit = """
        {"result":[
          {"documentkey":"a1","fieldname":"state","oldvalue":"1","newvalue":"2","sys_created_on":"2024-01-01 10:00:00","user":"bob"},
          {"docu\u006dentkey":"b2","fieldname":"state","oldvalue":"1","newvalue":"2","sys_created_on":"2024-01-01 10:30:00","user":"\u0061nn"},
          {"sys_created_on":"2024-01-01 12:00:00","user":"cat","newvalue":"6","oldvalue":"2","fieldname":"state","documentkey":"a1","reason":"","sys_id":"f00"},
          {"documentkey":"b2","fieldname":"assignment_group","oldvalue":"","newvalue":"Network","sys_created_on":"2024-01-01 11:00:00","user":"ann"}
        ]}
        """;

    [Fact]
    public void Records_and_audit_rows_read_with_escapes_numbers_references_and_rows_in_any_order()
    {
        var log = SharedData.Succeeded(SnowJsonEventLogReader.Read([Bytes(Audit), Bytes(Records)]));

        Assert.Equal(["INC1", "INC2"], log.CaseIds.Values);
        Assert.Equal(["New", "In Progress", "Resolved"], Activities(log, 0));
        Assert.Equal(["New", "In Progress", "Assigned"], Activities(log, 1));
        Assert.Equal("ann", log.ResourceNames[log.Resources![log.Start(1) + 1]]);
        Assert.Equal("Service Desk", log.FindAttribute("assignment_group")!.ValueOf(0));
        Assert.Equal("3", log.FindAttribute("priority")!.ValueOf(0));
        Assert.Equal("true", log.FindAttribute("made_sla")!.ValueOf(0));
        Assert.Null(log.FindAttribute("close_code"));

        // The escaped and the plain UTF-8 forms of one value are one value.
        var category = log.FindAttribute("category")!;
        Assert.Equal("réseau \"lan\"", category.ValueOf(0));
        Assert.Equal(category.Codes[0], category.Codes[1]);
    }

    [Fact]
    public void Escaped_values_are_read_where_they_are_used_and_fields_not_kept_are_never_unescaped()
    {
        // Given: an escaped display value beside an escaped sys_id, an escaped opening time and audit time, an escaped group in
        // a row, and a field the log does not keep, escaped (as an export's dates with \u002B are).
        const string json = """
            {"result":[
              {"number":"INC\u0031","opened_at":"2024-01-01\u002009:00:00","deadline":"2024-01-02 09:00:00.000\u002B01:00",
               "assignment_group":{"display_value":"Service \u0044esk","value":"0123456789abcdef\u0030123456789abcdef"}},
              {"documentkey":"INC1","fieldname":"assignment_group","oldvalue":"","newvalue":"\u004eetwork","sys_created_on":"2024-01-01 10:00:0\u0030","user":"\u0061nn"}
            ]}
            """;

        // When
        var log = SharedData.Succeeded(SnowJsonEventLogReader.Read([Bytes(json)]));

        // Then
        Assert.Equal(["INC1"], log.CaseIds.Values);
        Assert.Equal(new DateTime(2024, 1, 1, 9, 0, 0, DateTimeKind.Utc).Ticks, log.Timestamps[0]);
        Assert.Equal("Service Desk", log.FindAttribute("assignment_group")!.ValueOf(0));
        Assert.Equal(["Network"], log.GroupNames.Values);
        Assert.Equal(new DateTime(2024, 1, 1, 10, 0, 0, DateTimeKind.Utc).Ticks, log.Timestamps[1]);
        Assert.Equal("ann", log.ResourceNames[log.Resources![1]]);
        Assert.Null(log.FindAttribute("deadline"));
    }

    [Fact]
    public void Json_read_a_few_bytes_at_a_time_gives_the_same_log_as_read_whole()
    {
        var whole = SharedData.Succeeded(SnowJsonEventLogReader.Read([Bytes(Records), Bytes(Audit)]));

        foreach (var step in new[] { 1, 2, 7, 64 })
        {
            var trickled = SharedData.Succeeded(SnowJsonEventLogReader.Read([new Trickle(Encoding.UTF8.GetBytes(Records), step), new Trickle(Encoding.UTF8.GetBytes(Audit), step)]));

            Assert.Equal(whole.CaseIds.Values, trickled.CaseIds.Values);
            Assert.Equal(whole.Activities, trickled.Activities);
            Assert.Equal(whole.Timestamps, trickled.Timestamps);
            Assert.Equal(whole.Resources, trickled.Resources);
            Assert.Equal(whole.Attributes.Keys.Order(), trickled.Attributes.Keys.Order());
            foreach (var (name, attribute) in whole.Attributes)
            {
                Assert.Equal(Enumerable.Range(0, 2).Select(attribute.ValueOf), Enumerable.Range(0, 2).Select(trickled.Attributes[name].ValueOf));
            }
        }
    }

    [Fact]
    public void An_audit_row_whose_time_is_not_one_is_named_by_its_place_in_the_input()
    {
        var audit = Audit.Replace("2024-01-01 12:00:00", "yesterday", StringComparison.Ordinal);

        var result = SnowJsonEventLogReader.Read([Bytes(Records), Bytes(audit)]);

        Assert.Equal("sys_created_on", result.Error!.Field);
        Assert.Equal("audit row 5: 'yesterday' is not a timestamp", result.Error.Message);
    }

    [Theory]
    [InlineData("\"opened_at\":\"soon\"", "opened_at", "record INC1: 'soon' is not a timestamp")]
    [InlineData("\"opened_at\":\"\",\"sys_created_on\":\"soon\"", "opened_at", "record INC1: 'soon' is not a timestamp")]
    [InlineData("\"opened_at\":\"2024-01-01 09:00:00\",\"resolved_at\":\"soon\"", "resolved_at", "record INC1: 'soon' is not a timestamp")]
    public void A_record_date_that_is_not_one_is_named_with_its_record(string dates, string field, string message)
    {
        // Given: a record without audit rows, whose events come from its dates.
        var records = $$"""{"result":[{"sys_id":"a1","number":"INC1",{{dates}},"state":"1"}]}""";

        var result = SnowJsonEventLogReader.Read([Bytes(records)]);

        Assert.Equal((field, message), (result.Error!.Field, result.Error.Message));
    }

    [Fact]
    public void A_record_opens_at_its_creation_when_it_has_no_opened_at_and_its_dates_read_as_given_records_read_them()
    {
        // Given: one record opened by its creation time, one resolved and closed, with no audit rows.
        const string records = """
            {"result":[
              {"sys_id":"a1","number":"INC1","opened_at":"","sys_created_on":"2024-01-01 08:00:00","state":"1"},
              {"sys_id":"b2","number":"INC2","opened_at":"2024-01-02 09:00:00","resolved_at":"2024-01-02 10:00:00","closed_at":"2024-01-03 10:00:00","state":"7"}
            ]}
            """;
        var maps = new[]
        {
            new Dictionary<string, string> { ["sys_id"] = "a1", ["number"] = "INC1", ["opened_at"] = "", ["sys_created_on"] = "2024-01-01 08:00:00", ["state"] = "1" },
            new Dictionary<string, string>
            {
                ["sys_id"] = "b2", ["number"] = "INC2", ["opened_at"] = "2024-01-02 09:00:00", ["resolved_at"] = "2024-01-02 10:00:00", ["closed_at"] = "2024-01-03 10:00:00",
                ["state"] = "7",
            },
        };

        // When
        var read = SharedData.Succeeded(SnowJsonEventLogReader.Read([Bytes(records)]));
        var given = SharedData.Succeeded(SnowJsonEventLogReader.Read(maps, []));

        // Then
        Assert.Equal(new DateTime(2024, 1, 1, 8, 0, 0, DateTimeKind.Utc).Ticks, read.Timestamps[0]);
        Assert.Equal(4, read.EventCount);
        Assert.Equal(given.Timestamps, read.Timestamps);
        Assert.Equal(given.Activities.Select(a => given.ActivityNames[a]), read.Activities.Select(a => read.ActivityNames[a]));
    }

    [Fact]
    public void Escaped_display_values_read_as_their_text_and_an_escaped_sys_id_is_one()
    {
        // Given: display values escaped as a JSON writer escapes them ('+' as \u002B), and a reference whose sys_id is escaped
        const string records = """
            {"result":[{"sys_id":"a1","number":"INC1","opened_at":{"display_value":"01/01/2024 09:00:00","value":"2024-01-01 09:00:00"},"state":"1",
              "category":{"display_value":"2024-01-01 08:52:00.000000\u002B01:00","value":"2024-01-01 08:52:00.000000\u002B01:00"},
              "assignment_group":{"display_value":"Service \u0044esk","value":"0123456789abcdef0123456789abcde\u0066"}}]}
            """;

        // When
        var log = SharedData.Succeeded(SnowJsonEventLogReader.Read([Bytes(records)]));

        // Then
        Assert.Equal("2024-01-01 08:52:00.000000+01:00", log.FindAttribute("category")!.ValueOf(0));
        Assert.Equal("Service Desk", log.FindAttribute("assignment_group")!.ValueOf(0));
        Assert.Equal(new DateTime(2024, 1, 1, 9, 0, 0, DateTimeKind.Utc).Ticks, log.Timestamps[0]);
    }

    [Fact]
    public void Bad_json_names_the_record_it_is_near()
    {
        var json = """{"result":[{"number":"INC1","opened_at":"2024-01-01 09:00:00"},{"number":"INC2","opened_at":"2024-01-01 09:00:00"},{"number":"INC3","opened_at":tru}]}""";

        var result = SnowJsonEventLogReader.Read([Bytes(json)]);

        Assert.StartsWith("not valid JSON near record 3:", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stored_history_builds_the_same_log_as_the_json_it_came_from()
    {
        // The server's path: records as field maps and audit rows as entries.
        var fromJson = SharedData.Succeeded(SnowJsonEventLogReader.Read([Bytes(Records), Bytes(Audit)]));
        var records = JsonRecordStream.ReadRecords(Bytes(Records));
        var audit = new[]
        {
            Entry("a1", "2024-01-01 10:00:00", "state", "1", "2", "bob"), Entry("b2", "2024-01-01 10:30:00", "state", "1", "2", "ann"),
            Entry("a1", "2024-01-01 12:00:00", "state", "2", "6", "cat"), Entry("b2", "2024-01-01 11:00:00", "assignment_group", "", "Network", "ann"),
        };

        var stored = SharedData.Succeeded(SnowJsonEventLogReader.Read(records, audit));

        Assert.Equal(fromJson.Activities, stored.Activities);
        Assert.Equal(fromJson.Timestamps, stored.Timestamps);
        Assert.Equal(fromJson.ResourceNames.Values, stored.ResourceNames.Values);
    }

    [Fact]
    public void Rows_of_fields_that_give_no_event_keep_no_values_and_the_log_is_the_one_of_every_value_kept()
    {
        // Given: work notes (a text a row) before any state change, a step field, and a record whose only rows are work notes.
        var random = new Random(8);
        var records = new List<string>();
        var rows = new List<string>();
        var entries = new List<SnowAuditEntry>();
        for (var r = 0; r < 30; r++)
        {
            records.Add($$"""{"sys_id": "{{r:x32}}", "number": "INC{{r}}", "state": "1"{{(r % 5 == 0 ? "" : ", \"opened_at\": \"2024-01-01 09:00:00\"")}}}""");
            var time = new DateTime(2024, 1, 1, 9, 0, 0, DateTimeKind.Utc);
            foreach (var (field, old, value) in new[] { ("work_notes", "", $"called the user {random.Next()}"), ("state", "1", "2"), ("major_incident_state", "", "accepted"), ("work_notes", "x", $"note {random.Next()}"), ("state", "2", "6") }.Take(r % 7 == 0 ? 1 : 5))
            {
                time = time.AddMinutes(random.Next(1, 90));
                var at = time.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
                rows.Add($$"""{"documentkey": "{{r:x32}}", "fieldname": "{{field}}", "oldvalue": "{{old}}", "newvalue": "{{value}}", "sys_created_on": "{{at}}", "user": "u{{r % 4}}"}""");
                entries.Add(Entry($"{r:x32}", at, field, old, value, $"u{r % 4}"));
            }
        }

        var json = "{\"result\": [\n" + string.Join(",\n", records.Concat(rows.OrderBy(_ => random.Next()))) + "\n]}";
        string[] steps = ["major_incident_state"];

        // When
        var fromJson = SharedData.Succeeded(SnowJsonEventLogReader.Read([Bytes(json)], stepFields: steps));
        var stored = SharedData.Succeeded(SnowJsonEventLogReader.Read(JsonRecordStream.ReadRecords(Bytes(json)), entries, stepFields: steps));

        // Then
        Assert.Equal(stored.CaseOffsets, fromJson.CaseOffsets);
        Assert.Equal(stored.Activities.Select(a => stored.ActivityNames[a]), fromJson.Activities.Select(a => fromJson.ActivityNames[a]));
        Assert.Equal(stored.Timestamps, fromJson.Timestamps);
        Assert.Equal(stored.Resources!.Select(a => a < 0 ? "" : stored.ResourceNames[a]), fromJson.Resources!.Select(a => a < 0 ? "" : fromJson.ResourceNames[a]));
        Assert.Contains("major_incident_state = accepted", fromJson.ActivityNames.Values);
        Assert.DoesNotContain(fromJson.ActivityNames.Values, a => a.Contains("called", StringComparison.Ordinal));
    }

    private static SnowAuditEntry Entry(string key, string time, string field, string old, string value, string user) =>
        new(key, DateTime.SpecifyKind(DateTime.Parse(time, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc).Ticks, field, old, value, user);

    private static string[] Activities(EventLog log, int c) => log.CaseActivities(c).ToArray().Select(a => log.ActivityNames[a]).ToArray();

    private static MemoryStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    // A stream that gives at most `step` bytes per read, so records, names and values are cut everywhere.
    private sealed class Trickle(byte[] data, int step) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, step));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, step)]);
    }
}
