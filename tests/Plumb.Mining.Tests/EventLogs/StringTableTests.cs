namespace Plumb.Mining.Tests.EventLogs;

using Plumb.Mining.EventLogs;

/// <summary>A packed table (the case ids) answers as a table of strings does, whatever characters its values hold.</summary>
public sealed class StringTableTests
{
    [Fact]
    public void A_packed_table_keeps_codes_stable_as_it_grows()
    {
        var table = new StringTable(packed: true);
        for (var i = 0; i < 50_000; i++) Assert.Equal(i, table.Intern($"INC{i:0000000}"));

        Assert.Equal(50_000, table.Count);
        Assert.Equal(12_345, table.Find("INC0012345".AsSpan()));
        Assert.Equal(-1, table.Find("INC9999999"));
        Assert.Equal(-1, table.Find("INC001234"));
        Assert.Equal(7, table.Intern("INC0000007"));
        Assert.Equal("INC0049999", table[49_999]);
        Assert.Equal("INC0000000", table.NameOf(0));
        Assert.Null(table.NameOf(-1));
    }

    [Fact]
    public void A_packed_table_holds_latin1_then_wider_characters_and_the_empty_value()
    {
        // Given values of one byte a character first, then one that needs two
        string[] values = ["case-1", "Café", "", "ÿ-255", "件-42", "🙂", "case-1b"];
        var table = new StringTable(packed: true);

        // When
        var codes = values.Select(table.Intern).ToArray();

        // Then every value reads back, before and after the table widened
        Assert.Equal(Enumerable.Range(0, values.Length), codes);
        Assert.Equal(values, table.Values);
        for (var i = 0; i < values.Length; i++) Assert.Equal(i, table.Find(values[i]));
        Assert.Equal(-1, table.Find("cafe"));
        Assert.Equal(-1, table.Find("件-4"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_characters_of_a_value_are_its_string_s_in_a_packed_table_and_a_plain_one(bool packed)
    {
        // Given values of one byte a character, the empty one, then wider ones (a packed table widens)
        string[] values = ["INC0000001", "", "Café", new string('x', 300), "件-42", "🙂"];
        var table = new StringTable(packed);
        foreach (var value in values) table.Intern(value);

        // Then each value's characters, read into a buffer of its length, are the value
        for (var code = 0; code < values.Length; code++)
        {
            Assert.Equal(values[code].Length, table.LengthOf(code));
            var buffer = new char[table.LengthOf(code)];
            Assert.Equal(values[code], table.Chars(code, buffer).ToString());
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => table.LengthOf(values.Length));
    }

    [Fact]
    public void A_packed_table_refuses_a_code_past_its_values()
    {
        var table = new StringTable(packed: true);
        table.Intern("A");

        Assert.Throws<ArgumentOutOfRangeException>(() => table[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => table[-2]);
    }

    [Fact]
    public void A_packed_table_drops_its_newest_value_and_takes_another_in_its_place()
    {
        var table = new StringTable(packed: true);
        table.Intern("keep");
        var task = table.Intern("task-1");

        Assert.True(table.TryDropNewest(task));
        Assert.Equal(-1, table.Find("task-1"));
        Assert.Equal(1, table.Intern("task-2"));
        Assert.Equal(["keep", "task-2"], table.Values);
        Assert.Equal(0, table.Intern("keep"));
    }

    [Fact]
    public void Codes_of_a_packed_table_are_looked_up_in_another_by_their_characters()
    {
        // Given two parts' case ids, the second's longer than any buffer and partly the first's
        var first = new StringTable(packed: true);
        first.Intern("C1");
        first.Intern("C2");
        var next = new StringTable(packed: true);
        var longId = new string('x', 1000) + "é";
        next.Intern("C2");
        next.Intern(longId);
        next.Intern("C3");

        // When
        var codes = first.CodesOf(next);

        // Then
        Assert.Equal([1, 2, 3], codes);
        Assert.Equal(["C1", "C2", longId, "C3"], first.Values);
        Assert.Equal([0, 1], new StringTable().CodesOf(first)[..2]);
    }

    [Fact]
    public void A_packed_table_merged_into_another_finds_every_value_by_its_code_after()
    {
        // Given two parts' case ids, thousands each, a few shared, and one of the second's beyond Latin-1
        var first = new StringTable(packed: true);
        var next = new StringTable(packed: true);
        for (var i = 0; i < 5000; i++) first.Intern($"C{i}");
        for (var i = 4990; i < 12000; i++) next.Intern(i == 7000 ? "C\u03A97000" : $"C{i}");

        // When
        var codes = first.CodesOf(next);

        // Then the shared ones keep their codes, the new ones follow in the second's order, and each is found by value
        Assert.Equal(Enumerable.Range(4990, 10).Concat(Enumerable.Range(5000, 12000 - 5000)), codes);
        Assert.Equal(12000, first.Count);
        Assert.Equal("C\u03A97000", first[7000]);
        for (var i = 0; i < 12000; i++) Assert.Equal(i, first.Find(i == 7000 ? "C\u03A97000" : $"C{i}"));
    }

    [Fact]
    public void A_packed_table_keeps_values_across_chunks_and_values_longer_than_a_chunk()
    {
        // Given short values that fill several chunks, long ones between them, an empty one and a dropped long one
        var values = new List<string>();
        var table = new StringTable(packed: true);
        for (var i = 0; i < 20_000; i++)
        {
            var value = i % 5000 == 17 ? new string((char)('a' + (i % 26)), 40_000 + i) : i == 9_999 ? "" : $"case-{i}";
            Assert.Equal(values.Count, table.Intern(value));
            values.Add(value);
            if (i % 7000 == 3)
            {
                Assert.True(table.TryDropNewest(table.Intern(new string('z', 70_000))));
            }
        }

        // Then each reads back whole, and is found
        Assert.Equal(values, table.Values);
        for (var i = 0; i < values.Count; i += 97) Assert.Equal(i, table.Find(values[i]));
        Assert.Equal(5017, table.Find(values[5017]));
        Assert.Equal(-1, table.Find(new string('z', 70_000)));
    }

    [Fact]
    public void A_table_whose_lookup_was_let_go_finds_and_adds_values_as_before()
    {
        // Given a built log, whose case ids let go of their lookup
        var builder = new EventLogBuilder();
        for (var i = 0; i < 1000; i++) builder.Add(builder.Case($"C{i}"), builder.ActivityNames.Intern("Open"), i);
        var ids = builder.Build().CaseIds;

        // Then they are found by value, and a new one gets the next code
        Assert.Equal(417, ids.Find("C417"));
        Assert.Equal(-1, ids.Find("C1000"));
        Assert.Equal(1000, ids.Intern("C1000"));
        ids.ReleaseLookup();
        Assert.True(ids.TryDropNewest(ids.Intern("C1001")));
        Assert.Equal(1001, ids.Count);
        Assert.Equal(999, ids.Intern("C999"));

        var names = new StringTable();
        names.Intern("a");
        names.ReleaseLookup();
        Assert.Equal(0, names.Find("a"));
    }
}
