namespace Plumb.Mining.Tests.EventLogs;

using System.Text;
using Plumb.Mining.Readers;

/// <summary>
/// A large log's cases are sorted and their duplicates counted in two halves at once: the cases out of time order and the
/// duplicates are those put in, wherever they lie, and dropping them leaves each case's events in time order.
/// </summary>
public sealed class SortAndCountTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Unsorted_cases_and_duplicates_of_a_large_log_are_found_in_both_halves(bool drop)
    {
        // Given 40,000 cases of 4 events (160,000: read in two halves), some out of time order, some with a row repeated
        var random = new Random(7);
        var csv = new StringBuilder("case,activity,timestamp,resource\n");
        var (unsorted, duplicates) = (0, 0);
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var c = 0; c < 40_000; c++)
        {
            var rows = Enumerable.Range(0, 4).Select(e => $"C{c},A{e},{start.AddMinutes((c * 10) + e):yyyy-MM-ddTHH:mm:ssZ},R{(c + e) % 7}").ToList();
            if (random.Next(10) == 0)
            {
                (rows[1], rows[2]) = (rows[2], rows[1]);
                unsorted++;
            }

            if (random.Next(8) == 0)
            {
                rows.Insert(3, rows[3]);
                duplicates++;
            }

            foreach (var row in rows) csv.Append(row).Append('\n');
        }

        // When read
        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(csv.ToString()), new CsvLogOptions { DropDuplicates = drop }));

        // Then every one is found, and each case's events are in time order
        Assert.Equal(unsorted, log.Notes.UnsortedCases);
        Assert.Equal(duplicates, log.Notes.DuplicateEvents);
        Assert.Equal(160_000 + (drop ? 0 : duplicates), log.EventCount);
        for (var c = 0; c < log.CaseCount; c++)
        {
            for (var e = log.Start(c) + 1; e < log.End(c); e++) Assert.True(log.Timestamps[e - 1] <= log.Timestamps[e], $"case {log.CaseIds[c]}");
        }

    }
}
