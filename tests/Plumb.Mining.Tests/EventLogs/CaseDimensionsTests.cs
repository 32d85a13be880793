namespace Plumb.Mining.Tests.EventLogs;

using System.Globalization;
using System.Text;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

/// <summary>The coded dimensions give each case the key its key function gives, keys in the order first met.</summary>
public sealed class CaseDimensionsTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void Coded_keys_are_those_of_the_key_functions(int seed, bool priorities)
    {
        // Given cases starting in random months (back and forth across years, the first and last day of a month), some without a
        // group or priority on their last events
        var random = new Random(seed);
        var csv = new StringBuilder(priorities ? "case,activity,timestamp,group,priority\n" : "case,activity,timestamp,group\n");
        for (var c = 0; c < 400; c++)
        {
            var start = new DateTime(2023 + random.Next(3), 1 + random.Next(12), 1, 0, 0, 0, DateTimeKind.Utc)
                .AddDays(random.Next(2) == 0 ? 0 : DateTime.DaysInMonth(2023, 2) - 1).AddSeconds(random.Next(2) == 0 ? 0 : 86399);
            for (var e = 0; e < 1 + random.Next(4); e++)
            {
                var group = random.Next(4) == 0 ? "" : $"G{random.Next(5)}";
                var priority = random.Next(3) == 0 ? "" : $"{1 + random.Next(4)}";
                csv.Append(CultureInfo.InvariantCulture, $"C{c},A{e},{start.AddMinutes(e):yyyy-MM-ddTHH:mm:ssZ},{group}{(priorities ? "," + priority : "")}\n");
            }
        }

        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(csv.ToString())));

        // When coded
        var coded = CaseDimensions.Coded(log).ToList();

        // Then every case's key is the key function's, and the keys are numbered in the order first met
        var byName = CaseDimensions.All(log).ToList();
        Assert.Equal(byName.Select(d => d.Dimension), coded.Select(d => d.Dimension));
        for (var d = 0; d < coded.Count; d++)
        {
            var (_, codes, keys) = coded[d];
            var expected = Enumerable.Range(0, log.CaseCount).Select(byName[d].KeyOf).ToList();
            Assert.Equal(expected, Enumerable.Range(0, log.CaseCount).Select(c => keys[codes[c]]));
            Assert.Equal(expected.Distinct(), Enumerable.Range(0, keys.Count).Select(k => keys[k]));
        }
    }
}
