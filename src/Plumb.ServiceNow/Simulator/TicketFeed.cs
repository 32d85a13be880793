namespace Plumb.ServiceNow.Simulator;

using System.Globalization;
using Plumb.Handbook.Model;
using Plumb.ServiceNow.Snapshot;

/// <summary>What one feed step did.</summary>
public sealed record FeedStep(int Opened, int Advanced, int Closed, int Audits);

/// <summary>
/// Keeps a simulated instance busy: each step opens tickets on every task table the handbook maps and moves open tickets
/// on by one documented step (the generator's walk: a group out of the step's groups, then its states), writing the
/// sys_audit rows and stamping everything with the clock's time, as work on a real instance does. So an incremental
/// pull by <c>sys_updated_on</c>/<c>sys_created_on</c> sees exactly what changed since the last one.
/// </summary>
public sealed class TicketFeed
{
    private readonly SimulatedInstance _instance;
    private readonly Dictionary<string, List<Step>> _steps;
    private readonly Random _random;
    private readonly Lock _gate = new();

    // Open tickets: sys_id → table, ticket number and the index of the next step.
    private readonly Dictionary<string, (string Table, int Number, int Next)> _open = new(StringComparer.Ordinal);

    /// <summary>A feed for <paramref name="instance"/> that walks the steps <paramref name="handbook"/> maps.</summary>
    public TicketFeed(SimulatedInstance instance, Handbook handbook, int seed)
    {
        _instance = instance;
        _random = new Random(seed);
        _steps = SnapshotGenerator.TicketTables.Select(t => (Table: t, Steps: SnapshotGenerator.MappedSteps(handbook, t)))
            .Where(t => t.Steps.Count > 0).ToDictionary(t => t.Table, t => t.Steps, StringComparer.Ordinal);
    }

    /// <summary>The task tables tickets are opened on.</summary>
    public IReadOnlyCollection<string> TicketTables => _steps.Keys;

    /// <summary>Tickets opened by the feed and not closed yet.</summary>
    public int OpenTickets
    {
        get
        {
            lock (_gate) return _open.Count;
        }
    }

    /// <summary>Chance an open ticket moves on in a step (the rest wait for a later one).</summary>
    public double AdvanceRate { get; init; } = 0.6;

    /// <summary>Opens <paramref name="open"/> tickets per mapped table and moves open tickets on, all at <paramref name="now"/>.</summary>
    public FeedStep Advance(int open, DateTime now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(open);
        lock (_gate)
        {
            return _instance.Locked(tables =>
            {
                if (!tables.TryGetValue("sys_audit", out var audits)) tables["sys_audit"] = audits = [];
                var added = new List<IReadOnlyDictionary<string, string>>();
                int advanced = 0, closed = 0, opened = 0;
                foreach (var (sysId, (table, number, next)) in _open.ToList())
                {
                    if (_random.NextDouble() >= AdvanceRate) continue;
                    var step = NextStep(table, next);
                    var done = Walk(tables[table], table, number, sysId, step, now, audits.Count, added);
                    advanced++;
                    if (done)
                    {
                        _open.Remove(sysId);
                        closed++;
                    }
                    else
                    {
                        _open[sysId] = (table, number, step + 1);
                    }
                }

                foreach (var (table, steps) in _steps)
                {
                    if (!tables.TryGetValue(table, out var rows)) tables[table] = rows = [];
                    // The table is scanned once per step for its highest number, not once per ticket opened.
                    var next = NextNumber(rows);
                    for (var i = 0; i < open; i++)
                    {
                        var number = next++;
                        var sysId = SnapshotGenerator.TicketId(table, number);
                        var user = SnapshotGenerator.Users[_random.Next(SnapshotGenerator.Users.Length)];
                        var priority = (1 + _random.Next(4)).ToString(CultureInfo.InvariantCulture);
                        var ticket = SnapshotGenerator.TicketRow(table, number, sysId, now, now, user, active: true);
                        ticket["priority"] = priority;
                        rows.Add(CompactRow.From(ticket));
                        opened++;
                        if (Walk(rows, table, number, sysId, 0, now, audits.Count, added)) closed++;
                        else _open[sysId] = (table, number, 1);
                    }
                }

                audits.AddRange(added);
                return new FeedStep(opened, advanced, closed, added.Count);
            });
        }
    }

    // The generator skips a middle step now and then (15%); the feed does too, so practice departs from the procedure alike.
    private int NextStep(string table, int next)
    {
        var steps = _steps[table];
        while (next > 0 && next < steps.Count - 1 && _random.Next(100) < 15) next++;
        return next;
    }

    // Does one step on the ticket (replacing its row) and returns true when it was the last, closing the ticket.
    private bool Walk(List<IReadOnlyDictionary<string, string>> rows, string table, int number, string sysId, int step, DateTime now,
        int before, List<IReadOnlyDictionary<string, string>> audits)
    {
        var index = _instance.IndexOf(table, rows, sysId);
        var current = new Dictionary<string, string>(rows[index], StringComparer.Ordinal);
        var user = current.GetValueOrDefault("opened_by", SnapshotGenerator.Users[0]);
        var steps = _steps[table];
        SnapshotGenerator.WalkStep(steps[step].Tool!, _random,
            (field, value) => SnapshotGenerator.AddAudit(audits, table, number, sysId, current, field, value, now, user, before));
        var stamp = SnapshotGenerator.Stamp(now);
        current["sys_updated_on"] = stamp;
        current["sys_mod_count"] = (int.TryParse(current.GetValueOrDefault("sys_mod_count"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n + 1 : 1)
            .ToString(CultureInfo.InvariantCulture);
        var last = step >= steps.Count - 1;
        if (last)
        {
            current["active"] = "false";
            current["closed_at"] = stamp;
        }

        rows[index] = CompactRow.From(current);
        return last;
    }

    // One more than the highest ticket number on the table, so a loaded snapshot's tickets are never overwritten.
    private static int NextNumber(List<IReadOnlyDictionary<string, string>> rows)
    {
        var highest = 0;
        foreach (var row in rows)
        {
            var number = row.GetValueOrDefault("number", "");
            var digits = number.AsSpan().TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > highest) highest = n;
        }

        return highest + 1;
    }
}
