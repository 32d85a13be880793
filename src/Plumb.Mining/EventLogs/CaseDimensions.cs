namespace Plumb.Mining.EventLogs;

using System.Globalization;

/// <summary>
/// The usual ways to slice cases: assignment group (of the case's last event with a group), priority (case attribute, else the
/// last event priority) and month (UTC, of the case's first event). Missing values read as "(none)".
/// </summary>
public static class CaseDimensions
{
    /// <summary>The value shown for a case without a value.</summary>
    public const string None = "(none)";

    /// <summary>The group of a case: that of its last event with a group.</summary>
    public static string? GroupOf(EventLog log, int c)
    {
        if (log.Groups is not { } groups) return log.FindAttribute("group")?.ValueOf(c) ?? log.FindAttribute("assignment_group")?.ValueOf(c);
        for (var e = log.End(c) - 1; e >= log.Start(c); e--)
        {
            if (groups[e] >= 0) return log.GroupNames[groups[e]];
        }

        return null;
    }

    /// <summary>The priority of a case: its attribute, else that of its last event.</summary>
    public static string? PriorityOf(EventLog log, int c)
    {
        if (log.FindAttribute("priority")?.ValueOf(c) is { } p) return p;
        if (log.Priorities is not { } priorities) return null;
        for (var e = log.End(c) - 1; e >= log.Start(c); e--)
        {
            if (priorities[e] >= 0) return log.PriorityValues[priorities[e]];
        }

        return null;
    }

    /// <summary>The calendar period (UTC) of the case's first event: day, week (ISO), month, quarter or year.</summary>
    public static string PeriodOf(EventLog log, int c, string period)
    {
        if (log.Start(c) == log.End(c)) return None;
        var t = new DateTime(log.Timestamps[log.Start(c)], DateTimeKind.Utc);
        return period switch
        {
            "day" => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "week" => $"{ISOWeek.GetYear(t)}-W{ISOWeek.GetWeekOfYear(t):00}",
            "quarter" => $"{t.Year}-Q{((t.Month - 1) / 3) + 1}",
            "year" => t.Year.ToString(CultureInfo.InvariantCulture),
            _ => t.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Group, priority and month, each as a name and a key function.</summary>
    public static IEnumerable<(string Dimension, Func<int, string> KeyOf)> All(EventLog log)
    {
        yield return ("group", c => GroupOf(log, c) ?? None);
        yield return ("priority", c => PriorityOf(log, c) ?? None);
        yield return ("month", c => PeriodOf(log, c, "month"));
    }

    /// <summary>
    /// Group, priority and month as a code per case into a key table, computed once per log; in <paramref name="buffer"/> (of a
    /// code per case) when given, each dimension's codes overwriting the previous one's.
    /// </summary>
    public static IEnumerable<(string Dimension, NarrowCodes Codes, StringTable Keys)> Coded(EventLog log, NarrowCodes? buffer = null)
    {
        if (buffer is not null) ArgumentOutOfRangeException.ThrowIfNotEqual(buffer.Count, log.CaseCount, nameof(buffer));
        foreach (var (dimension, keyOf) in All(log))
        {
            var keys = new StringTable();
            var codes = buffer ?? new NarrowCodes(log.CaseCount);

            // The key of cases without a value, interned when first met (in the same order as a lookup per case would).
            var none = -1;
            int None() => none >= 0 ? none : none = keys.Intern(CaseDimensions.None);
            if (dimension == "month")
            {
                // Cases mostly start in the month of the case before: its bounds in ticks spare a date per case.
                var byMonth = new Dictionary<int, int>();
                long from = 0, to = 0;
                var last = -1;
                for (var c = 0; c < codes.Count; c++)
                {
                    if (log.Start(c) == log.End(c))
                    {
                        codes[c] = None();
                        continue;
                    }

                    var ticks = log.Timestamps[log.Start(c)];
                    if (ticks < from || ticks >= to)
                    {
                        var t = new DateTime(ticks, DateTimeKind.Utc);
                        var first = new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc);
                        (from, to) = (first.Ticks, first.Ticks + (DateTime.DaysInMonth(t.Year, t.Month) * TimeSpan.TicksPerDay));
                        var month = (t.Year * 12) + t.Month;
                        if (!byMonth.TryGetValue(month, out last)) byMonth[month] = last = keys.Intern(keyOf(c));
                    }

                    codes[c] = last;
                }
            }
            else if (dimension == "group" && log.Groups is { } groups)
            {
                // By the codes of the events' groups: a key per distinct group, not a string looked up per case.
                var byGroup = Lazy(log.GroupNames, keys);
                for (var c = 0; c < codes.Count; c++)
                {
                    var e = log.End(c) - 1;
                    while (e >= log.Start(c) && groups[e] < 0) e--;
                    codes[c] = e >= log.Start(c) ? byGroup(groups[e]) : None();
                }
            }
            else if (dimension == "priority")
            {
                // The attribute looked up once, values by their codes; the same keys in the same order as PriorityOf's.
                var attribute = log.FindAttribute("priority");
                var byValue = attribute is null ? null : Lazy(attribute.Values, keys);
                var byEvent = Lazy(log.PriorityValues, keys);
                for (var c = 0; c < codes.Count; c++)
                {
                    if (attribute is not null && attribute.Codes[c] >= 0)
                    {
                        codes[c] = byValue!(attribute.Codes[c]);
                        continue;
                    }

                    var e = log.End(c) - 1;
                    while (log.Priorities is { } p && e >= log.Start(c) && p[e] < 0) e--;
                    codes[c] = log.Priorities is { } priorities && e >= log.Start(c) ? byEvent(priorities[e]) : None();
                }
            }
            else
            {
                for (var c = 0; c < codes.Count; c++) codes[c] = keys.Intern(keyOf(c));
            }

            yield return (dimension, codes, keys);
        }
    }

    // The key code of each value of a table, interned when first asked for.
    private static Func<int, int> Lazy(StringTable values, StringTable keys)
    {
        var map = new int[values.Count];
        Array.Fill(map, -1);
        return v => map[v] >= 0 ? map[v] : map[v] = keys.Intern(values[v]);
    }
}
