namespace Plumb.Mining.Tests.Readers;

using System.Globalization;
using System.Text;
using Plumb.Mining.EventLogs;
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

        // And the halves share one pool of values, so a sys_id met in both is one string.
        Assert.Equal(2, parts.Parts.Count);
        Assert.Single(parts.Parts.Select(p => p.Values).Distinct());
        Assert.Equal(whole.Current.Values.Count, parts.Current.Values.Count);
    }

    [Fact]
    public void A_part_sharing_another_pool_keeps_its_records_and_rows_and_adds_the_values_the_pool_lacks()
    {
        // Given: a part with records and rows (some fields carried, some not), and a pool holding some of its values in another order.
        var part = new SnowJsonPart(null, ["state"]);
        for (var r = 0; r < 300; r++)
        {
            part.AddField(part.Names.Intern("sys_id"), part.Values.Intern(SysId(r)));
            part.AddField(part.Names.Intern("state"), part.Values.Intern($"{r % 7}"));
            part.EndRecord();
            part.AddAudit(SysId(r), r, "state", $"{r % 7}", $"{(r + 1) % 7}", $"u{r % 5}");
            part.AddAudit(SysId(r), r + 1, "work_notes", "a", "b", "u");
        }

        var records = Enumerable.Range(0, 300).Select(r => Text(part.Record(r))).ToList();
        var rows = Enumerable.Range(0, 300).Select(r => Rows(part, SysId(r))).ToList();
        var pool = new Plumb.Mining.EventLogs.StringTable();
        foreach (var value in new[] { "u3", SysId(250), "elsewhere", "2", SysId(7) }) pool.Intern(value);

        // When
        part.ShareValues(pool);

        // Then
        Assert.Same(pool, part.Values);
        Assert.Equal(records, Enumerable.Range(0, 300).Select(r => Text(part.Record(r))));
        Assert.Equal(rows, Enumerable.Range(0, 300).Select(r => Rows(part, SysId(r))));
        Assert.Equal((1, 2, 4), (pool.Find(SysId(250)), pool.Find("elsewhere"), pool.Find(SysId(7))));
        Assert.Equal(300 + 7 + 2 + 1 + 5 + 1, pool.Count);
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

    [Fact]
    public void A_record_date_that_reads_as_a_timestamp_keeps_its_time_and_no_text()
    {
        // Given: a date field per record, unique as opened_at is, and one that is no time.
        const string json = """
            {"result": [{"number": "INC1", "opened_at": "2024-01-01 09:00:00", "state": "2"},
              {"number": "INC2", "opened_at": "soon", "closed_at": "2024-01-03 10:00:00"}]}
            """;
        var input = new SnowJsonInput(new TimestampParser(), ["number", "opened_at", "closed_at", "state"], dateFields: ["opened_at", "closed_at"]);

        // When
        JsonRecordStream.Read(Visible(json), input);
        var times = new Dictionary<string, long>();
        var first = input.Record(0, times: times);
        var firstTimes = times.ToDictionary();
        var second = input.Record(1, times: times);

        // Then: the text is no value of the pool; a value that is no time is kept as read.
        Assert.Equal(("", new DateTime(2024, 1, 1, 9, 0, 0, DateTimeKind.Utc).Ticks), (first["opened_at"], firstTimes["opened_at"]));
        Assert.Single(firstTimes);
        Assert.Equal(-1, input.Current.Values.Find("2024-01-01 09:00:00"));
        Assert.Equal(("soon", ""), (second["opened_at"], second["closed_at"]));
        Assert.Equal(["closed_at"], times.Keys);
        Assert.Equal("number=INC1;opened_at=;state=2", Text(input.Record(0)));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    public void Rows_let_go_after_their_last_announced_lookup_are_the_rows_a_plain_lookup_finds(int seed)
    {
        // Given: rows of random records in random order over several chunks, keys looked up twice, and keys never looked up.
        var random = new Random(seed);
        var (plain, releasing) = (new SnowJsonInput(new TimestampParser()), new SnowJsonInput(new TimestampParser()));
        const int keys = 3_000;
        for (var n = 0; n < 150_000; n++)
        {
            var key = SysId(random.Next(keys));
            var (field, old, value, user) = ($"f{random.Next(4)}", $"{random.Next(9)}", $"{random.Next(9)}", $"u{random.Next(50)}");
            plain.AddAudit(key, n * TimeSpan.TicksPerSecond, field, old, value, user);
            releasing.AddAudit(key, n * TimeSpan.TicksPerSecond, field, old, value, user);
        }

        var lookups = Enumerable.Range(0, keys - 100).Select(SysId).ToList();
        lookups.AddRange(lookups.Where((_, i) => i % 7 == 0).ToList());
        lookups = [.. lookups.OrderBy(_ => random.Next())];
        foreach (var key in lookups) releasing.Expect(key);

        // When / Then: the rows of keys never announced keep their chunks (all three, rows being random).
        foreach (var key in lookups) Assert.Equal(Rows(plain, key), Rows(releasing, key));
        Assert.Equal(3, releasing.Current.ChunksHeld);
        Assert.Equal(Rows(plain, SysId(keys - 1)), Rows(releasing, SysId(keys - 1)));
    }

    [Fact]
    public void Rows_grouped_by_record_go_chunk_after_chunk_as_the_records_are_looked_up()
    {
        // Given: an export's order, each record's rows together, records in order (four chunks of rows).
        var input = new SnowJsonInput(new TimestampParser());
        for (var n = 0; n < 200_000; n++) input.AddAudit(SysId(n / 10), n, "state", "1", "2", "u");
        for (var r = 0; r < 20_000; r++) input.Expect(SysId(r));
        var rows = new List<AuditRow>();

        // When
        var held = new List<int>();
        for (var r = 0; r < 20_000; r++)
        {
            input.RowsOf(SysId(r), rows);
            Assert.Equal(10, rows.Count);
            if (r % 5_000 == 4_999) held.Add(input.Current.ChunksHeld);
        }

        // Then
        Assert.Equal([4, 3, 2, 0], held);
    }

    [Fact]
    public void Rows_come_before_their_lookups_are_announced_as_their_keys_are_let_go_then()
    {
        // Given: rows grouped once their lookups are announced (their keys no longer kept)
        var input = new SnowJsonInput(new TimestampParser());
        input.AddAudit(SysId(1), 1, "state", "1", "2", "u");
        input.AddAudit(SysId(2), 2, "state", "1", "2", "u");
        input.Expect(SysId(2));

        // When / Then: a row after that is refused, and the rows announced are still found
        Assert.Throws<InvalidOperationException>(() => input.AddAudit(SysId(3), 3, "state", "1", "2", "u"));
        Assert.Equal(["AuditRow { Time = 2, Field = state, Old = 1, New = 2, User = u }"], Rows(input, SysId(2)));
        Assert.Single(Rows(input, SysId(1)));
    }

    [Fact]
    public void Records_whose_events_are_derived_hand_their_room_to_the_events_and_later_records_read_as_before()
    {
        // Given: 20,000 records of three fields (120,000 codes: two chunks of pairs)
        var part = new SnowJsonPart(null);
        for (var r = 0; r < 20_000; r++)
        {
            part.AddField(part.Names.Intern("sys_id"), part.Values.Intern(SysId(r)));
            part.AddField(part.Names.Intern("number"), part.Values.Intern($"INC{r}"));
            part.AddField(part.Names.Intern("state"), part.Values.Intern($"{r % 7}"));
            part.EndRecord();
        }

        var later = Enumerable.Range(12_000, 8_000).Select(r => Text(part.Record(r))).ToList();
        var events = new EventLogBuilder();

        // When: the records before 12,000 are done (72,000 codes: the first chunk of 65,536 holds only those)
        part.HandRecordsBefore(12_000, events);
        part.HandRecordsBefore(11_000, events);

        // Then
        Assert.Equal(1, events.SpareCount);
        Assert.Equal(later, Enumerable.Range(12_000, 8_000).Select(r => Text(part.Record(r))));
        part.HandRecordsBefore(20_000, events);
        Assert.Equal(2, events.SpareCount);
    }

    [Fact]
    public void A_part_read_beside_a_pool_takes_its_codes_for_the_values_it_holds_and_reads_as_a_part_of_its_own()
    {
        // Given: a pool of the records' sys_ids and states (read before), and the same rows and records read into a part of its
        // own and into one beside the pool, which also meets values the pool lacks
        var pool = new Plumb.Mining.EventLogs.StringTable();
        for (var r = 0; r < 300; r++) pool.Intern(SysId(r));
        foreach (var state in new[] { "1", "2", "state" }) pool.Intern(state);
        var before = pool.Count;
        var (own, beside) = (new SnowJsonPart(null, ["state"]), new SnowJsonPart(null, ["state"], packedValues: true, sharedValues: pool));
        foreach (var part in new[] { own, beside })
        {
            for (var r = 0; r < 300; r++)
            {
                part.AddAudit(SysId(r), r, "state", $"{r % 3}", $"{(r + 1) % 3}", $"u{r % 5}");
                part.AddAudit(SysId(r), r + 1, "work_notes", "a", "b", "u");
                part.AddField(part.Names.Intern("number"), $"INC{r}");
                part.AddField(part.Names.Intern("sys_id"), SysId(r));
                part.EndRecord();
            }
        }

        // When: both join the pool
        var expected = new Plumb.Mining.EventLogs.StringTable();
        own.ShareValues(expected);
        beside.ShareValues(pool);

        // Then: the same records and rows; the part pooled only what the pool lacked, and the pool took those in the order met
        Assert.Equal(Enumerable.Range(0, 300).Select(r => Text(own.Record(r))), Enumerable.Range(0, 300).Select(r => Text(beside.Record(r))));
        Assert.Equal(Enumerable.Range(0, 300).Select(r => Rows(own, SysId(r))), Enumerable.Range(0, 300).Select(r => Rows(beside, SysId(r))));
        Assert.Equal(before + 1 + 1 + 5 + 1 + 300, pool.Count);
        Assert.Equal(before, pool.Find("0"));
        Assert.Throws<InvalidOperationException>(() => new SnowJsonPart(null, sharedValues: pool).ShareValues(expected));
    }

    [Fact]
    public void A_key_looked_up_hundreds_of_times_keeps_its_rows_to_the_last_lookup()
    {
        // Given: one key's rows in the first chunk, announced 300 times (past a byte's count), other keys' rows after it.
        var input = new SnowJsonInput(new TimestampParser());
        for (var n = 0; n < 5; n++) input.AddAudit(SysId(1), n, "state", "1", "2", "u");
        for (var n = 0; n < 70_000; n++) input.AddAudit(SysId(2 + (n / 7)), n, "state", "1", "2", "u");
        for (var k = 0; k < 300; k++) input.Expect(SysId(1));
        var rows = new List<AuditRow>();

        // When / Then
        for (var k = 0; k < 300; k++) Assert.True(input.RowsOf(SysId(1), rows) && rows.Count == 5);
        Assert.Equal(2, input.Current.ChunksHeld);
    }

    [Fact]
    public void Rows_let_go_hand_their_arrays_to_the_builder_the_events_go_to()
    {
        // Given: four chunks of rows in an export's order, every lookup announced.
        var input = new SnowJsonInput(new TimestampParser());
        for (var n = 0; n < 200_000; n++) input.AddAudit(SysId(n / 10), n, "state", "1", "2", "u");
        for (var r = 0; r < 20_000; r++) input.Expect(SysId(r));
        var (rows, builder) = (new List<AuditRow>(), new EventLogBuilder());

        // When: the first three chunks' records are looked up.
        for (var r = 0; r <= 3 * 65_536 / 10; r++) input.RowsOf(SysId(r), rows, builder);

        // Then: their five columns of codes and one of times are the builder's (as many as it keeps), the last chunk is held.
        Assert.Equal(1, input.Current.ChunksHeld);
        Assert.Equal(8 + 2, builder.SpareCount);
    }

    [Fact]
    public void A_log_from_rows_let_go_as_it_is_derived_is_the_log_from_rows_held_to_the_end()
    {
        // Given: 9,000 records of 12 rows (over a chunk), each record's rows together, or round robin (every chunk held to the end).
        var random = new Random(16);
        var records = Enumerable.Range(0, 9_000).Select(r => new Dictionary<string, string>
        {
            ["sys_id"] = SysId(r),
            ["number"] = $"INC{r}",
            ["opened_at"] = "2024-01-01 09:00:00",
            ["state"] = "1",
            ["priority"] = $"{1 + (r % 4)}",
        }).ToList();
        var byRecord = new List<SnowAuditEntry>();
        for (var r = 0; r < records.Count; r++)
        {
            var time = new DateTime(2024, 1, 1, 9, 0, 0, DateTimeKind.Utc).Ticks;
            for (var n = 0; n < 12; n++)
            {
                time += random.Next(1, 90) * TimeSpan.TicksPerMinute;
                var field = random.Next(3) switch { 0 => "state", 1 => "assignment_group", _ => "priority" };
                byRecord.Add(new SnowAuditEntry(SysId(r), time, field, $"{random.Next(7)}", $"{random.Next(7)}", $"u{random.Next(40)}"));
            }
        }

        var roundRobin = byRecord.Select((row, i) => (row, i)).OrderBy(x => x.i % 12).ThenBy(x => x.i).Select(x => x.row).ToList();

        // When
        var released = SharedData.Succeeded(SnowJsonEventLogReader.Read(records, byRecord));
        var held = SharedData.Succeeded(SnowJsonEventLogReader.Read(records, roundRobin));

        // Then
        Assert.True(released.EventCount > 65_536);
        Assert.Equal(Events(held), Events(released));
    }

    private static string[] Events(EventLog log) => Enumerable.Range(0, log.EventCount).Select(e =>
        $"{log.ActivityNames[log.Activities[e]]} {log.Timestamps[e]} {log.ResourceNames.NameOf(log.Resources![e])} {log.GroupNames.NameOf(log.Groups![e])} "
        + $"{log.StateValues.NameOf(log.States![e])} {log.PriorityValues.NameOf(log.Priorities![e])}").ToArray();

    [Fact]
    public void Records_sharing_a_sys_id_each_get_its_rows_and_a_record_without_rows_by_sys_id_gets_those_of_its_number()
    {
        // Given
        const string json = """
            {"result": [
              {"sys_id": "00000000000000000000000000000001", "number": "INC1", "opened_at": "2024-01-01 09:00:00", "state": "1"},
              {"sys_id": "00000000000000000000000000000001", "number": "INC2", "opened_at": "2024-01-01 09:00:00", "state": "1"},
              {"sys_id": "00000000000000000000000000000003", "number": "INC3", "opened_at": "2024-01-01 09:00:00", "state": "1"},
              {"documentkey": "00000000000000000000000000000001", "fieldname": "state", "oldvalue": "1", "newvalue": "2", "sys_created_on": "2024-01-01 10:00:00", "user": "a"},
              {"documentkey": "INC3", "fieldname": "state", "oldvalue": "1", "newvalue": "6", "sys_created_on": "2024-01-01 11:00:00", "user": "b"},
              {"documentkey": "00000000000000000000000000000001", "fieldname": "state", "oldvalue": "2", "newvalue": "6", "sys_created_on": "2024-01-01 12:00:00", "user": "c"}
            ]}
            """;

        // When
        var log = SharedData.Succeeded(SnowJsonEventLogReader.Read([Visible(json)]));

        // Then
        Assert.Equal(["INC1", "INC2", "INC3"], log.CaseIds.Values);
        Assert.Equal([3, 3, 2], Enumerable.Range(0, 3).Select(c => log.CaseOffsets[c + 1] - log.CaseOffsets[c]));
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

    private static string[] Rows(SnowJsonPart part, string key)
    {
        var rows = new List<AuditRow>();
        part.AddRowsOf(key, rows);
        return rows.Select(r => r.ToString()).ToArray();
    }

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
