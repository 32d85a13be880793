namespace Plumb.Mining.Tests.EventLogs;

using System.Globalization;
using System.Text;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

/// <summary>The column-wise log is the same whether rows were counted beforehand (a seekable file) or not, grouped or interleaved.</summary>
public sealed class EventLogBuilderTests
{
    private static string Describe(EventLog log) => string.Join("\n", Enumerable.Range(0, log.CaseCount).Select(c =>
        log.CaseIds[c] + ": " + string.Join(" ", Enumerable.Range(log.Start(c), log.End(c) - log.Start(c)).Select(e =>
            $"{log.ActivityNames[log.Activities[e]]}@{log.Timestamps[e]}/{log.ResourceNames.NameOf(log.Resources![e])}/{log.GroupNames.NameOf(log.Groups![e])}"))
        + " cat=" + log.FindAttribute("category")?.ValueOf(c)));

    private static (EventLog Counted, EventLog Streamed) ReadBothWays(string csv, CsvLogOptions? options = null)
    {
        var counted = SharedData.Succeeded(CsvEventLogReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Encoding.UTF8, options));
        var streamed = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(csv), options));
        return (counted, streamed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Interleaved_and_grouped_rows_give_the_same_log_with_or_without_a_row_count(bool interleave)
    {
        // Given 3,000 cases of 5 events, in case order or round robin (as time-sorted exports come)
        var rows = new List<string>();
        for (var c = 0; c < 3000; c++)
        {
            for (var e = 0; e < 5; e++) rows.Add($"C{c},step {e},2024-01-01T00:{e:00}:{c % 60:00}Z,user{(c + e) % 7},group{c % 3},cat{c % 4}");
        }

        if (interleave) rows = [.. rows.Select((r, i) => (r, i)).OrderBy(x => x.i % 5).ThenBy(x => x.i).Select(x => x.r)];
        var csv = "case,activity,timestamp,resource,group,category\n" + string.Join("\n", rows) + "\n";

        // When read from a seekable stream (rows counted first) and from a reader that cannot seek
        var (counted, streamed) = ReadBothWays(csv);

        // Then both give the same log, grouped by case in order of first appearance
        Assert.Equal(15_000, counted.EventCount);
        Assert.Equal(3000, counted.CaseCount);
        Assert.Equal(Describe(streamed), Describe(counted));
        Assert.Equal("C0: step 0@" + new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks, Describe(counted).Split('\n')[0][..(4 + 7 + 18)]);
        Assert.Equal(0, counted.Notes.UnsortedCases);
    }

    [Fact]
    public void Fewer_events_than_counted_rows_still_read_right()
    {
        // Blank lines, a skipped bad row and a quoted line break make the row count an overestimate.
        var csv = "case,activity,timestamp,resource,group,category\nA,x,2024-01-01T10:00:00Z,u,g,\"two\nlines\"\n\nB,y,not a time,u,g,c\n\nB,y,2024-01-01T11:00:00Z,u,g,c\nA,z,2024-01-01T12:00:00Z,u,g,c\n";

        var (counted, streamed) = ReadBothWays(csv, new CsvLogOptions { SkipBadRows = true });

        Assert.Equal(3, counted.EventCount);
        Assert.Equal(1, counted.Notes.SkippedRows);
        Assert.Equal(Describe(streamed), Describe(counted));
        Assert.Equal(["x", "z"], counted.CaseActivities(0).ToArray().Select(a => counted.ActivityNames[a]));
    }

    [Fact]
    public void A_string_table_keeps_codes_stable_as_it_grows()
    {
        var table = new StringTable();
        for (var i = 0; i < 50_000; i++) Assert.Equal(i, table.Intern($"INC{i:0000000}"));

        Assert.Equal(50_000, table.Count);
        Assert.Equal(12_345, table.Find("INC0012345".AsSpan()));
        Assert.Equal(-1, table.Find("INC9999999"));
        Assert.Equal(7, table.Intern("INC0000007"));
        Assert.Equal("INC0049999", table[49_999]);
    }

    [Fact]
    public void A_column_without_values_is_absent_and_one_that_starts_late_is_filled_with_none()
    {
        var builder = new EventLogBuilder();
        builder.ExpectEvents(3);
        var a = builder.Case("A");
        builder.Add(a, builder.ActivityNames.Intern("New"), 1);
        builder.Add(a, builder.ActivityNames.Intern("Work"), 2, resource: builder.ResourceNames.Intern("ann"));
        builder.Add(a, builder.ActivityNames.Intern("Done"), 3);

        var log = builder.Build();

        Assert.Equal([-1, 0, -1], log.Resources!);
        Assert.Null(log.Groups);
        Assert.Null(log.States);
    }

    [Fact]
    public void A_case_attribute_that_changes_on_every_event_keeps_one_value_per_case_and_shared_values_stay()
    {
        // Given 2,000 cases of 5 events whose task id changes on every row, and a channel that several cases share
        var rows = new List<string>();
        for (var c = 0; c < 2000; c++)
        {
            for (var e = 0; e < 5; e++) rows.Add($"C{c},step {e},2024-01-01T00:{e:00}:{c % 60:00}Z,task-{(c * 5) + e},{(e == 4 ? "Desk" : c % 2 == 0 ? "Internet" : "Post")}");
        }

        var csv = "case,activity,timestamp,task,channel\n" + string.Join("\n", rows) + "\n";

        // When read (both ways)
        var (counted, streamed) = ReadBothWays(csv);

        foreach (var log in new[] { counted, streamed })
        {
            // Then each case has its last task id, and the value table holds only those (not one per event)
            var task = log.FindAttribute("task")!;
            Assert.Equal("task-4", task.ValueOf(0));
            Assert.Equal("task-9999", task.ValueOf(1999));
            Assert.Equal(2000, task.Values.Count);
            Assert.Equal(2000, Enumerable.Range(0, 2000).Select(task.ValueOf).Distinct().Count());

            // And a value several cases share stays
            var channel = log.FindAttribute("channel")!;
            Assert.All(Enumerable.Range(0, 2000), c => Assert.Equal("Desk", channel.ValueOf(c)));
        }

        // And a value a second case took up after the first is not dropped when the first case moves on
        var builder = new EventLogBuilder();
        int a = builder.Case("A"), b = builder.Case("B");
        builder.Add(a, builder.ActivityNames.Intern("step"), 1);
        builder.Add(b, builder.ActivityNames.Intern("step"), 2);
        builder.SetAttribute(a, "task", "X");
        builder.SetAttribute(b, "task", "X");
        builder.SetAttribute(a, "task", "Y");
        builder.SetAttribute(a, "task", "Z");
        var built = builder.Build().FindAttribute("task")!;
        Assert.Equal(("Z", "X"), (built.ValueOf(a), built.ValueOf(b)));
        Assert.Equal(["X", "Z"], built.Values.Values);
    }

    [Fact]
    public void A_case_attribute_that_is_the_case_id_reads_as_the_case_ids_and_one_that_is_not_has_values_of_its_own()
    {
        // Given: a ticket number beside the number as case id, for some cases; and one that is the case id up to a case where it is not
        var builder = new EventLogBuilder();
        builder.ExpectCases(3);
        int a = builder.Case("INC1"), b = builder.Case("INC2"), c = builder.Case("INC3");
        foreach (var (at, time) in new[] { (a, 1), (b, 2), (c, 3) }) builder.Add(at, builder.ActivityNames.Intern("step"), time);
        builder.SetAttribute(a, "number", "INC1");
        builder.SetAttribute(c, "number", "INC3");
        builder.SetAttribute(c, "number", "INC3");
        builder.SetAttribute(a, "ref", "INC1");
        builder.SetAttribute(b, "ref", "INC2");
        builder.SetAttribute(c, "ref", "other");

        // When
        var log = builder.Build();

        // Then: the number's values are the case ids, no table beside them; the other's are its own, in the order set
        var number = log.FindAttribute("number")!;
        Assert.Same(log.CaseIds, number.Values);
        Assert.Equal(["INC1", null, "INC3"], Enumerable.Range(0, 3).Select(number.ValueOf));
        var other = log.FindAttribute("ref")!;
        Assert.NotSame(log.CaseIds, other.Values);
        Assert.Equal(["INC1", "INC2", "other"], other.Values.Values);
        Assert.Equal(["INC1", "INC2", "other"], Enumerable.Range(0, 3).Select(other.ValueOf));
        Assert.Equal(1, other.Values.Find("INC2"));
    }

    [Fact]
    public void Case_ids_and_a_value_per_case_sized_beforehand_read_as_grown_ones()
    {
        // Given: 10,000 cases expected, each with an id of its own and a sys_id of its own (past the count that sizes them), and a shared value
        var (expected, grown) = (new EventLogBuilder(), new EventLogBuilder());
        expected.ExpectCases(10_000);
        foreach (var builder in new[] { expected, grown })
        {
            for (var n = 0; n < 10_000; n++)
            {
                var at = builder.Case($"INC{n}");
                builder.Add(at, builder.ActivityNames.Intern("step"), n);
                builder.SetAttribute(at, "sys_id", $"{n:x32}");
                builder.SetAttribute(at, "priority", $"{n % 4}");
            }
        }

        // When
        var (sized, plain) = (expected.Build(), grown.Build());

        // Then
        Assert.Equal(plain.CaseIds.Values, sized.CaseIds.Values);
        foreach (var name in new[] { "sys_id", "priority" })
        {
            Assert.Equal(plain.FindAttribute(name)!.Values.Values, sized.FindAttribute(name)!.Values.Values);
            Assert.Equal(plain.FindAttribute(name)!.Codes, sized.FindAttribute(name)!.Codes);
        }

        Assert.Equal(9_999, sized.FindAttribute("sys_id")!.Values.Find($"{9_999:x32}"));
        Assert.Equal(7_777, sized.CaseIds.Find("INC7777"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Arrays_handed_over_as_spare_chunks_give_the_same_log_whatever_they_held(bool interleave)
    {
        // Given: three chunks' worth of events with every column, a per-event field, a case attribute (its codes in spare arrays
        // too), and cases in order or round robin
        // https://github.com/plumb/plumb/issues/16: a reader's chunks of input become the room of the events derived from them.
        var (plain, spared) = (new EventLogBuilder(), new EventLogBuilder());
        for (var k = 0; k < 12; k++) spared.Recycle(Filled(new int[EventLogBuilder.ChunkLength], 77_777));
        for (var k = 0; k < 3; k++) spared.Recycle(Filled(new long[EventLogBuilder.ChunkLength], -5));
        spared.Recycle(new int[100]);
        const int events = 3 * EventLogBuilder.ChunkLength + 123;

        // When
        foreach (var builder in new[] { plain, spared })
        {
            var slot = builder.EventAttributeSlot("approval");
            for (var e = 0; e < events; e++)
            {
                var c = interleave ? e % 7_000 : e / 9;
                if (builder == spared && e == events / 2) builder.Recycle(Filled(new int[EventLogBuilder.ChunkLength], -9));
                builder.Add(builder.Case($"C{c}"), builder.ActivityNames.Intern($"a{e % 11}"), 1_000_000 - e, builder.ResourceNames.Intern($"u{e % 5}"),
                    e % 3 == 0 ? -1 : builder.GroupNames.Intern($"g{e % 4}"), builder.StateValues.Intern($"s{e % 6}"), e % 10 == 0 ? builder.PriorityValues.Intern("1") : -1);
                if (e % 13 == 0) builder.SetEventAttribute(slot, $"v{e % 3}");
                if (e % 9 == 4 && c % 4 != 0) builder.SetAttribute(builder.Case($"C{c}"), "channel", $"ch{(c * 7) % 5}");
            }
        }

        // Then
        var (built, fromSpares) = (plain.Build(), spared.Build());
        Assert.Equal(Everything(built), Everything(fromSpares));
        var channel = built.FindAttribute("channel")!;
        Assert.Equal(Enumerable.Range(0, built.CaseCount).Select(channel.ValueOf), Enumerable.Range(0, fromSpares.CaseCount).Select(fromSpares.FindAttribute("channel")!.ValueOf));
        Assert.Contains(null, Enumerable.Range(0, built.CaseCount).Select(channel.ValueOf));
    }

    [Fact]
    public void A_column_copied_into_one_array_lets_its_chunks_go_and_reads_and_grows_as_before()
    {
        // Given
        var column = new EventColumn<long>();
        for (var i = 0; i < 150_000; i++) column.Add(i * 3L);

        // When
        var array = column.ToArray();

        // Then: the column reads the array it gave, gives it again, and grows past it.
        Assert.Equal(150_000, array.Length);
        Assert.Same(array, column.ToArray());
        Assert.Equal(149_999 * 3L, column[149_999]);
        column[5] = -1;
        Assert.Equal(-1, array[5]);
        column.Add(7);
        Assert.Equal((150_001, 7L, 3L), (column.Count, column[150_000], column[1]));
    }

    private static T[] Filled<T>(T[] array, T value)
    {
        Array.Fill(array, value);
        return array;
    }

    // Every column of every event, with its case, and the per-event field.
    private static string Everything(EventLog log)
    {
        var approval = log.FindEventAttribute("approval");
        var text = new StringBuilder();
        for (var c = 0; c < log.CaseCount; c++)
        {
            for (var e = log.Start(c); e < log.End(c); e++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{log.CaseIds[c]} {log.ActivityNames[log.Activities[e]]} {log.Timestamps[e]} {log.ResourceNames.NameOf(log.Resources![e])} ")
                    .Append(CultureInfo.InvariantCulture, $"{log.GroupNames.NameOf(log.Groups![e])} {log.StateValues.NameOf(log.States![e])} {log.PriorityValues.NameOf(log.Priorities![e])} ")
                    .Append(approval?.ValueOf(e)).Append('\n');
            }
        }

        return text.ToString();
    }
}
