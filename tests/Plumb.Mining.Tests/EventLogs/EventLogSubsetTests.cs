namespace Plumb.Mining.Tests.EventLogs;

using Plumb.Mining.EventLogs;

public sealed class EventLogSubsetTests
{
    private static EventLog Mixed()
    {
        var builder = new EventLogBuilder();
        var t0 = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc).Ticks;
        foreach (var (id, table, activities) in new[]
        {
            ("INC001", "incident", new[] { "New", "In Progress", "Resolved" }),
            ("PRB001", "problem", new[] { "New", "Assess" }),
            ("INC002", "incident", new[] { "New", "Resolved" }),
            ("X1", "", new[] { "New" }),
        })
        {
            var c = builder.Case(id);
            if (table.Length > 0) builder.SetAttribute(c, "table", table);
            builder.SetAttribute(c, "priority", id == "INC002" ? "1" : "3");
            for (var i = 0; i < activities.Length; i++) builder.Add(c, builder.ActivityNames.Intern(activities[i]), t0 + TimeSpan.TicksPerHour * i);
        }

        return builder.Build();
    }

    [Fact]
    public void Only_the_cases_of_the_tables_are_kept_with_their_events_and_attributes()
    {
        var log = EventLogSubset.OfTables(Mixed(), new HashSet<string>(["incident"], StringComparer.OrdinalIgnoreCase));

        Assert.Equal(["INC001", "INC002", "X1"], Enumerable.Range(0, log.CaseCount).Select(c => log.CaseIds[c]));
        Assert.Equal(6, log.EventCount);
        Assert.Equal(["New", "Resolved"], log.CaseActivities(1).ToArray().Select(a => log.ActivityNames[a]));
        Assert.Equal("1", log.FindAttribute("priority")!.ValueOf(1));
        Assert.Contains(log.Notes.Remarks, r => r.Contains("1 case(s) of other tables", StringComparison.Ordinal));
    }

    [Fact]
    public void A_log_whose_cases_all_qualify_is_returned_as_it_is()
    {
        var mixed = Mixed();
        Assert.Same(mixed, EventLogSubset.OfTables(mixed, new HashSet<string>(["incident", "problem"], StringComparer.OrdinalIgnoreCase)));
        Assert.Same(mixed, EventLogSubset.OfTables(mixed, new HashSet<string>()));
    }
}
