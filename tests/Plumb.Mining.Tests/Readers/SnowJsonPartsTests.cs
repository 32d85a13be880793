namespace Plumb.Mining.Tests.Readers;

using System.Globalization;
using System.Text;
using Plumb.Mining.Readers;

// https://github.com/plumb/plumb/issues/16: a large ServiceNow JSON file is read in two halves at once, which meet at a
// boundary between records found by a look at the bytes; these pin that the halves read what one pass reads, and that a
// boundary that is not one, or a half that stops, leaves the file to the one pass.
public sealed class SnowJsonPartsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Two_halves_read_the_records_and_rows_one_pass_reads(bool wrapped)
    {
        // Given
        var json = Export(records: 40, rowsPerRecord: 5, wrapped);

        // When
        var (parts, read) = ReadInParts(json);
        var whole = ReadWhole(json);

        // Then
        Assert.True(read);
        Assert.Equal(whole.Index, parts.Index);
        Assert.Equal(whole.RecordCount, parts.RecordCount);
        Assert.Equal(whole.Records().Select(Text), parts.Records().Select(Text));
        Assert.Equal(Enumerable.Range(0, whole.RecordCount).Select(i => Text(whole.Record(i))), Enumerable.Range(0, parts.RecordCount).Select(i => Text(parts.Record(i))));
        for (var r = 0; r < 40; r++)
        {
            Assert.Equal(Rows(whole, SysId(r)), Rows(parts, SysId(r)));
        }
    }

    [Fact]
    public void A_boundary_inside_an_array_of_a_record_is_no_boundary_and_the_file_is_left_to_one_pass()
    {
        // Given: the middle falls in a record's own array of objects, laid out as records are.
        var items = string.Join(",\n", Enumerable.Range(0, 400).Select(i => $$"""      {"n": "{{i}}"}"""));
        var json = $$"""
            {"result": [
              {"sys_id": "{{SysId(0)}}", "number": "INC0", "opened_at": "2024-01-01 09:00:00"},
              {"sys_id": "{{SysId(1)}}", "number": "INC1", "opened_at": "2024-01-01 09:00:00", "work_notes": [
            {{items}}
              ]},
              {"sys_id": "{{SysId(2)}}", "number": "INC2", "opened_at": "2024-01-01 09:00:00"}
            ]}
            """;

        // When
        var (parts, read) = ReadInParts(json);

        // Then
        Assert.False(read);
        Assert.Equal(0, parts.Index);
        Assert.Equal(0, parts.RecordCount);
        var log = SharedData.Succeeded(SnowJsonEventLogReader.Read([Visible(json)]));
        Assert.Equal(["INC0", "INC1", "INC2"], log.CaseIds.Values);
    }

    [Fact]
    public void A_half_that_stops_on_a_bad_time_leaves_the_file_to_one_pass_which_names_the_row()
    {
        // Given: a bad time in the second half.
        var json = Export(records: 10, rowsPerRecord: 4, wrapped: true).Replace("2024-01-01 16:35:00", "later", StringComparison.Ordinal);

        // When
        var (parts, read) = ReadInParts(json);
        var whole = ReadWhole(json);

        // Then
        Assert.False(read);
        Assert.Equal(0, parts.Index);
        Assert.Null(parts.Problem);
        Assert.Equal("audit row 45: 'later' is not a timestamp", whole.Problem!.Message);
    }

    [Fact]
    public void A_file_on_one_line_has_no_boundary_and_is_read_in_one_pass()
    {
        var json = Export(records: 20, rowsPerRecord: 2, wrapped: true).Replace("\n", "", StringComparison.Ordinal);

        var (_, read) = ReadInParts(json);

        Assert.False(read);
    }

    [Fact]
    public void A_record_keeps_only_the_fields_it_was_given_and_the_sys_ids_beside_them()
    {
        // Given
        const string json = """
            {"result": [{"number": "INC1", "description": "printer", "approval": "requested",
              "assignment_group": {"display_value": "Network", "value": "0123456789abcdef0123456789abcdef"}}]}
            """;
        var input = new SnowJsonInput(new TimestampParser(), ["number", "approval", "assignment_group"]);

        // When
        JsonRecordStream.Read(Visible(json), input);

        // Then
        var record = input.Record(0);
        Assert.Equal(["number", "approval", "assignment_group", SnowReferences.SysIdPrefix + "assignment_group"], record.Keys);
        Assert.Equal("0123456789abcdef0123456789abcdef", record[SnowReferences.SysIdPrefix + "assignment_group"]);
    }

    // Records, then audit rows of every record interleaved, laid out as the Table API writes them (an object or a bare array).
    private static string Export(int records, int rowsPerRecord, bool wrapped)
    {
        var items = new List<string>();
        for (var r = 0; r < records; r++)
        {
            items.Add($$"""{"sys_id": "{{SysId(r)}}", "number": "INC{{r}}", "opened_at": "2024-01-01 09:00:00", "state": "1", "note": "a }, {\" b"}""");
        }

        var time = new DateTime(2024, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        for (var n = 0; n < rowsPerRecord; n++)
        {
            for (var r = 0; r < records; r++)
            {
                time = time.AddMinutes(13);
                items.Add($$"""{"documentkey": "{{SysId(r)}}", "fieldname": "state", "oldvalue": "{{n + 1}}", "newvalue": "{{n + 2}}", "sys_created_on": "{{time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}}", "user": "u{{r % 3}}"}""");
            }
        }

        var body = string.Join(",\n    ", items);
        return wrapped ? "\uFEFF{\n  \"result\": [\n    " + body + "\n  ]\n}\n" : "[\n    " + body + "\n]";
    }

    private static string SysId(int r) => r.ToString("x32", CultureInfo.InvariantCulture);

    private static (SnowJsonInput Input, bool Read) ReadInParts(string json)
    {
        var input = new SnowJsonInput(new TimestampParser());
        return (input, JsonRecordStream.TryReadInParts(Visible(json), input, minimum: 1));
    }

    private static SnowJsonInput ReadWhole(string json)
    {
        var input = new SnowJsonInput(new TimestampParser());
        JsonRecordStream.Read(Visible(json), input);
        return input;
    }

    private static string Text(Dictionary<string, string> record) => string.Join(";", record.Select(f => $"{f.Key}={f.Value}"));

    private static string[] Rows(SnowJsonInput input, string key)
    {
        var rows = new List<AuditRow>();
        input.RowsOf(key, rows);
        return rows.Select(r => r.ToString()).ToArray();
    }

    // A memory stream whose buffer can be read in ranges, as a file can.
    private static MemoryStream Visible(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);
    }
}
