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
        var waits = new List<double>[steps];
        var groups = new Dictionary<int, int>[steps];
        var resources = new Dictionary<int, int>[steps];
        for (var s = 0; s < steps; s++)
        {
            waits[s] = [];
            groups[s] = [];
            resources[s] = [];
        }

        var seen = new int[steps];
        Array.Fill(seen, -1);
        for (var c = 0; c < log.CaseCount; c++)
        {
            var end = log.End(c);
            for (var e = log.Start(c); e < end; e++)
            {
                var s = mapping.StepOfEvent[e];
                if (s < 0) continue;
                events[s]++;
                if (seen[s] != c)
                {
                    seen[s] = c;
                    cases[s]++;
                }

                if (e + 1 < end) waits[s].Add(TimeSpan.FromTicks(log.Timestamps[e + 1] - log.Timestamps[e]).TotalHours);
                if (log.Groups is { } g && g[e] >= 0) groups[s][g[e]] = groups[s].GetValueOrDefault(g[e]) + 1;
                if (log.Resources is { } r && r[e] >= 0) resources[s][r[e]] = resources[s].GetValueOrDefault(r[e]) + 1;
            }
        }

        var list = new List<StepPractice>(steps);
        for (var s = 0; s < steps; s++)
        {
            var step = procedure.Steps[s];
            var median = waits[s].Count == 0 ? (double?)null : Statistics.MedianUnsorted(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(waits[s]));
            list.Add(new StepPractice(step.Id, step.Name, cases[s], events[s], median, Top(groups[s], log.GroupNames), Top(resources[s], log.ResourceNames),
                conformance.Deviations.Where(d => d.Step == step.Id).OrderByDescending(d => d.Cases).ToList()));
        }

        return list;
    }

    private static List<StepWorker> Top(Dictionary<int, int> counts, StringTable names) =>
        counts.Select(p => new StepWorker(names[p.Key], p.Value)).Where(w => w.Name.Length > 0)
            .OrderByDescending(w => w.Events).ThenBy(w => w.Name, StringComparer.Ordinal).Take(Shown).ToList();
}
