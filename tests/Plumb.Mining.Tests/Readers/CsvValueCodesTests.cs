namespace Plumb.Mining.Tests.Readers;

using System.Text;
using Plumb.Mining.Readers;

/// <summary>
/// The reader codes a column's values by the field's bytes and skips a case attribute whose bytes repeat (issue 16): the
/// log must hold exactly the values written, trimmed, with the missing markers left out and the last value given winning.
/// </summary>
public sealed class CsvValueCodesTests
{
    [Fact]
    public void Thousands_of_distinct_values_keep_their_codes_as_the_lookup_grows()
    {
        // Given 3,000 activities and resources of 1 to 60 bytes (some not ASCII, some padded, some missing), met in a shuffled order
        var random = new Random(16);
        string Activity(int i) => new string((char)('a' + (i % 26)), 1 + (i % 40)) + (i % 3 == 0 ? "é" : "") + i;
        string Resource(int i) => i % 97 == 0 ? "?" : i % 5 == 0 ? $" R{i} " : $"R{i}";
        var text = new StringBuilder("case,activity,timestamp,resource\n");
        var written = new List<(string Activity, string Resource)>();
        for (var row = 0; row < 12_000; row++)
        {
            var i = row < 3_000 ? row : random.Next(3_000);
            text.Append($"C{row},{Activity(i)},2024-01-01T10:00:00Z,{Resource(i)}\n");
            written.Add((Activity(i), Resource(i)));
        }

        // When read from bytes in one pass and in parts
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        foreach (var parts in new[] { 1, 3 })
        {
            var log = SharedData.Succeeded(CsvEventLogReader.Read(ParallelCsvTests.Visible(bytes), Encoding.UTF8, new CsvLogOptions { ReadParts = parts }));

            // Then each event has the activity written, and the resource trimmed, or none for the missing marker
            Assert.Equal(3_000, log.ActivityNames.Count);
            for (var row = 0; row < written.Count; row++)
            {
                var e = log.Start(log.CaseIds.Find($"C{row}"));
                Assert.Equal(written[row].Activity, log.ActivityNames[log.Activities[e]]);
                var resource = written[row].Resource.Trim();
                Assert.Equal(resource == "?" ? null : resource, log.ResourceNames.NameOf(log.Resources![e]));
            }
        }
    }

    [Fact]
    public void A_case_attribute_given_again_missing_or_padded_keeps_the_last_value_given()
    {
        // Given cases whose department repeats, goes missing, changes, or comes padded with the same value
        var text = """
            case,activity,timestamp,department
            A,Open,2024-01-01T10:00:00Z,Sales
            A,Work,2024-01-01T11:00:00Z,Sales
            A,Work,2024-01-01T12:00:00Z,?
            A,Close,2024-01-01T13:00:00Z,Support
            B,Open,2024-01-01T10:00:00Z,Support
            B,Close,2024-01-01T11:00:00Z,
            C,Open,2024-01-01T10:00:00Z, Sales
            C,Close,2024-01-01T11:00:00Z,Sales
            D,Open,2024-01-01T10:00:00Z,Sales
            D,Work,2024-01-01T11:00:00Z,NULL
            D,Close,2024-01-01T12:00:00Z,Sales
            """;

        // When read
        var log = SharedData.Succeeded(CsvEventLogReader.Read(ParallelCsvTests.Visible(Encoding.UTF8.GetBytes(text)), Encoding.UTF8, new CsvLogOptions { ReadParts = 1 }));

        // Then the last value given wins, missing markers are no value, and padding is trimmed
        var department = log.FindAttribute("department")!;
        Assert.Equal("Support", department.ValueOf(log.CaseIds.Find("A")));
        Assert.Equal("Support", department.ValueOf(log.CaseIds.Find("B")));
        Assert.Equal("Sales", department.ValueOf(log.CaseIds.Find("C")));
        Assert.Equal("Sales", department.ValueOf(log.CaseIds.Find("D")));
    }
}
