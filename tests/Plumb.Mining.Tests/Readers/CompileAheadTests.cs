namespace Plumb.Mining.Tests.Readers;

using Plumb.Mining.Readers;

/// <summary>
/// The methods a command compiles ahead, while it starts, are the read's loops and what they call per field: a rename or a
/// lost mark would silently leave the read to compile them itself (issue 16).
/// </summary>
public sealed class CompileAheadTests
{
    [Fact]
    public void The_record_loop_and_its_per_field_calls_are_compiled_ahead()
    {
        var names = CsvEventLogReader.HotMethods().Select(m => $"{m.Type.Name}.{m.Method.Name}").ToHashSet();

        foreach (var name in new[] { "CsvRows.ReadRecords", "CsvRecordReader.TryParse", "CsvRecordReader.Read", "CsvColumnCodes.Code",
            "TimestampColumn.TryParseIso", "TimestampParser.TryIso", "EventLogBuilder.Add", "StringTable.Intern", "PackedStrings.Add", "EventColumn`1.Add" })
        {
            Assert.Contains(name, names);
        }

        // Both columns' adds, by their closed types, so they can be compiled before the first value.
        Assert.Equal(2, CsvEventLogReader.HotMethods().Count(m => m.Type.IsGenericType && m.Method.Name == "Add"));
    }

    [Fact]
    public void A_read_while_the_methods_compile_ahead_gives_its_log()
    {
        CsvEventLogReader.CompileAhead();
        CsvEventLogReader.CompileAhead();

        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader("case,activity,timestamp\nC1,a,2024-01-01T00:00:00Z\nC1,b,2024-01-01T01:00:00Z\n")));

        Assert.Equal(2, log.EventCount);
    }
}
