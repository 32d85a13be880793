namespace Plumb.Mining.Reporting;

using Plumb.Handbook.Model;
using Plumb.Mining.Conformance;
using Plumb.Mining.Discovery;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Mapping;

/// <summary>Who did the events of a step (a group or a resource) and how many events they did.</summary>
public sealed record StepWorker(string Name, int Events);

/// <summary>
/// How one documented step is practised: the cases that passed through it, its events, the median time from an event of the
/// step to the case's next event (how long the work sits in the step), who does it, and how it deviates.
/// </summary>
/// <param name="Step">The step id.</param>
/// <param name="Name">The step name.</param>
/// <param name="Cases">Cases with at least one event mapped to the step.</param>
/// <param name="Events">Events mapped to the step.</param>
/// <param name="MedianHours">Median hours from an event of the step to the next event of its case; null when no event of the step has a successor.</param>
/// <param name="Groups">The assignment groups of its events, most first (at most ten); empty when the log has no group column.</param>
/// <param name="Resources">The resources of its events, most first (at most ten); empty when the log has no resource column.</param>
/// <param name="Deviations">The conformance deviations at the step, in cases.</param>
public sealed record StepPractice(string Step, string Name, int Cases, int Events, double? MedianHours, IReadOnlyList<StepWorker> Groups,
    IReadOnlyList<StepWorker> Resources, IReadOnlyList<StepDeviation> Deviations)
{
    private const int Shown = 10;

    /// <summary>The practice of every step of <paramref name="procedure"/> in <paramref name="log"/>, read through the mapping the conformance check used.</summary>
    public static IReadOnlyList<StepPractice> Of(EventLog log, Procedure procedure, ProcedureMapping mapping, ConformanceResult conformance)
    {
        var steps = procedure.Steps.Count;
        var cases = new int[steps];
        var events = new int[steps];
        var waits = new int[steps];
        var groups = new WorkerCounts(steps, log.GroupNames.Count);
        var resources = new WorkerCounts(steps, log.ResourceNames.Count);
        var seen = new int[steps];
        Array.Fill(seen, -1);
        var stepOfEvent = mapping.StepOfEvent;
        for (var c = 0; c < log.CaseCount; c++)
        {
            var end = log.End(c);
            for (var e = log.Start(c); e < end; e++)
            {
                var s = stepOfEvent[e];
                if (s < 0) continue;
                events[s]++;
                if (seen[s] != c)
                {
                    seen[s] = c;
                    cases[s]++;
                }

                if (e + 1 < end) waits[s]++;
                if (log.Groups is { } g && g[e] >= 0) groups.Add(s, g[e]);
                if (log.Resources is { } r && r[e] >= 0) resources.Add(s, r[e]);
            }
        }

        // The waits of a batch of steps at a time in one buffer, bucketed by step (BucketBatches): a pass over the log per batch
        // (a few ms each, at most about five) costs less than holding every mapped event's wait at once (8 bytes an event), and
        // a list per step grew by doubling.
        var batches = new BucketBatches(waits);
        var hours = System.Buffers.ArrayPool<double>.Shared.Rent(batches.Room);
        var medians = new double?[steps];
        var times = log.Timestamps;
        foreach (var (first, last, offsets) in batches.All())
        {
            var fill = (int[])offsets.Clone();
            for (var c = 0; c < log.CaseCount; c++)
            {
                var end = log.End(c) - 1;
                for (var e = log.Start(c); e < end; e++)
                {
                    if (stepOfEvent[e] is var s && s >= 0 && fill[s] >= 0) hours[fill[s]++] = TimeSpan.FromTicks(times[e + 1] - times[e]).TotalHours;
                }
            }

            for (var s = first; s < last; s++)
            {
                if (waits[s] > 0) medians[s] = Statistics.MedianUnsorted(hours.AsSpan(offsets[s], waits[s]));
            }
        }

        System.Buffers.ArrayPool<double>.Shared.Return(hours);
        var list = new List<StepPractice>(steps);
        for (var s = 0; s < steps; s++)
        {
            var step = procedure.Steps[s];
            list.Add(new StepPractice(step.Id, step.Name, cases[s], events[s], medians[s], groups.Top(s, log.GroupNames), resources.Top(s, log.ResourceNames),
                conformance.Deviations.Where(d => d.Step == step.Id).OrderByDescending(d => d.Cases).ToList()));
        }

        return list;
    }

    // Events per step and worker: a table when it is small, else a dictionary per step.
    private sealed class WorkerCounts(int steps, int workers)
    {
        private readonly int[]? _table = (long)steps * workers <= 1 << 16 ? new int[steps * workers] : null;
        private readonly Dictionary<int, int>[] _counts = [.. Enumerable.Range(0, steps).Select(_ => new Dictionary<int, int>())];

        public void Add(int step, int worker)
        {
            if (_table is { } table) table[(step * workers) + worker]++;
            else _counts[step][worker] = _counts[step].GetValueOrDefault(worker) + 1;
        }

        public List<StepWorker> Top(int step, StringTable names)
        {
            var counts = _table is { } table
                ? Enumerable.Range(0, workers).Where(w => table[(step * workers) + w] > 0).Select(w => KeyValuePair.Create(w, table[(step * workers) + w]))
                : _counts[step];
            return counts.Select(p => new StepWorker(names[p.Key], p.Value)).Where(w => w.Name.Length > 0)
                .OrderByDescending(w => w.Events).ThenBy(w => w.Name, StringComparer.Ordinal).Take(Shown).ToList();
        }
    }
}
