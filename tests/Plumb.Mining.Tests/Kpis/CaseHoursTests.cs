namespace Plumb.Mining.Tests.Kpis;

using System.Globalization;
using Plumb.Handbook.Measures;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Kpis;
using Plumb.Mining.Readers;

/// <summary>Hours kept as the milestones' places in their cases are the hours worked out from the events, to the last bit.</summary>
public sealed class CaseHoursTests
{
    private static readonly Milestone[] Milestones =
    [
        new(MilestoneKind.Start), new(MilestoneKind.End),
        new(MilestoneKind.Target, new Target(TargetKind.Activity, "B")), new(MilestoneKind.Target, new Target(TargetKind.Activity, "B"), Last: true),
        new(MilestoneKind.Target, new Target(TargetKind.Activity, "C")), new(MilestoneKind.Target, new Target(TargetKind.Activity, "C"), Last: true),
        new(MilestoneKind.Target, new Target(TargetKind.Activity, "absent")),
    ];

    [Fact]
    public void Hours_between_any_two_milestones_are_those_of_the_events_on_a_random_log()
    {
        // Given cases of 1 to 300 events (past a byte of places) of activities A, B, C at random odd times, some out of order
        var random = new Random(16);
        var text = new System.Text.StringBuilder("case,timestamp,activity\n");
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var c = 0; c < 200; c++)
        {
            var events = c == 7 ? 300 : random.Next(1, 12);
            for (var e = 0; e < events; e++)
            {
                var at = start.AddSeconds(random.Next(0, 10_000_000) + (c * 7));
                text.Append(CultureInfo.InvariantCulture, $"c{c},{at:yyyy-MM-ddTHH:mm:ssZ},{"ABC"[random.Next(3)]}\n");
            }
        }

        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(text.ToString())));
        var facts = new CaseFacts(log, null);

        // Then for every pair of milestones, each case's hours are those of its events (NaN where one is missing or comes later)
        foreach (var from in Milestones)
        {
            foreach (var to in Milestones)
            {
                var hours = facts.Hours(from, to);
                for (var c = 0; c < log.CaseCount; c++)
                {
                    var (a, b) = (TimeOf(log, from, c), TimeOf(log, to, c));
                    var expected = a is null || b is null || b < a ? double.NaN : (b.Value - a.Value) / (double)TimeSpan.TicksPerHour;
                    Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(hours[c]));
                }
            }
        }
    }

    // The simple way: the milestone's event found among the case's events.
    private static long? TimeOf(EventLog log, Milestone milestone, int c)
    {
        var events = Enumerable.Range(log.Start(c), log.End(c) - log.Start(c)).ToList();
        if (milestone.Kind == MilestoneKind.Start) return events.Count == 0 ? null : log.Timestamps[events[0]];
        if (milestone.Kind == MilestoneKind.End) return events.Count == 0 ? null : log.Timestamps[events[^1]];
        var matching = events.Where(e => log.ActivityNames[log.Activities[e]] == milestone.Target!.Value).ToList();
        if (matching.Count == 0) return null;
        return log.Timestamps[milestone.Last ? matching[^1] : matching[0]];
    }
}
