namespace Plumb.Mining.Tests.Discovery;

using Plumb.Handbook.Samples;
using Plumb.Mining.Discovery;
using Plumb.Mining.Generation;
using Plumb.Mining.Mapping;
using Plumb.Mining.Reporting;

/// <summary>
/// Durations bucketed a batch of edges, pairs or steps at a time give the figures of every value bucketed at once: batch
/// boundaries, empty buckets and a bucket larger than a quarter of all values.
/// </summary>
public sealed class BucketBatchesTests
{
    [Fact]
    public void Batches_cover_every_bucket_once_within_the_room()
    {
        // Given buckets where the largest is more than a quarter of all values, and empty ones
        int[] counts = [5, 0, 3, 9, 1, 1, 1, 0];
        var buckets = new BucketBatches(counts);
        var room = buckets.Room;

        // When taken in batches
        var batches = buckets.All().Select(b => (b.First, b.End, Offsets: (int[])b.Offsets.Clone())).ToList();

        // Then the room is the largest bucket, each bucket is in one batch with a slice inside the room, and slices do not overlap
        Assert.Equal((9, 9), (room, buckets.Largest));
        Assert.Equal([(0, 3), (3, 4), (4, 8)], batches.Select(b => (b.First, b.End)));
        foreach (var (first, end, offsets) in batches)
        {
            var used = 0;
            for (var k = 0; k < counts.Length; k++)
            {
                if (k < first || k >= end)
                {
                    Assert.Equal(-1, offsets[k]);
                    continue;
                }

                Assert.Equal(used, offsets[k]);
                used += counts[k];
            }

            Assert.True(used <= room);
        }

        Assert.Empty(new BucketBatches([]).All());
        Assert.Equal(25, new BucketBatches([.. Enumerable.Repeat(10, 10)]).Room);
    }

    [Fact]
    public void Edge_handover_and_step_figures_are_those_of_every_duration_at_once()
    {
        // Given a generated log with many edges, handovers between groups and steps (so each stage takes several batches)
        var handbook = ExampleHandbook.Create("Test");
        var process = handbook.Processes[0];
        var procedure = process.Procedures[0];
        var log = LogGenerator.Generate(handbook, procedure, new GeneratorOptions { Cases = 800, Seed = 5 }).Log;

        // When the DFG, the group flow and the step practice are discovered
        var dfg = DirectlyFollowsGraph.Discover(log);
        var flow = GroupFlow.Discover(log);
        var mapping = ProcedureMapping.Map(procedure, log);
        var steps = StepPractice.Of(log, procedure, mapping, Plumb.Mining.Conformance.ConformanceChecker.CheckProcedure(log, procedure, mapping));

        // Then each figure is the one computed from all of its durations together
        var byEdge = new Dictionary<(string, string), List<long>>();
        var byPair = new Dictionary<(string, string), List<long>>();
        var bySteps = new Dictionary<int, List<double>>();
        for (var c = 0; c < log.CaseCount; c++)
        {
            int lastGroup = -1;
            long lastTime = 0;
            for (var e = log.Start(c); e < log.End(c); e++)
            {
                if (e > log.Start(c)) Add(byEdge, (log.ActivityNames[log.Activities[e - 1]], log.ActivityNames[log.Activities[e]]), log.Timestamps[e] - log.Timestamps[e - 1]);
                if (e + 1 < log.End(c) && mapping.StepOfEvent[e] >= 0) Add(bySteps, mapping.StepOfEvent[e], TimeSpan.FromTicks(log.Timestamps[e + 1] - log.Timestamps[e]).TotalHours);
                var g = log.Groups![e];
                if (g < 0 || g == lastGroup) continue;
                if (lastGroup >= 0) Add(byPair, (log.GroupNames[lastGroup], log.GroupNames[g]), log.Timestamps[e] - lastTime);
                (lastGroup, lastTime) = (g, log.Timestamps[e]);
            }
        }

        // (each stage takes more than one batch, so the batch boundaries are crossed)
        int Batches<TKey, TValue>(Dictionary<TKey, List<TValue>> lists) where TKey : notnull => new BucketBatches([.. lists.Values.Select(l => l.Count)]).All().Count();
        Assert.True(Batches(byEdge) > 1 && Batches(byPair) > 1 && Batches(bySteps) > 1);
        Assert.Equal(byEdge.Count, dfg.Edges.Count);
        foreach (var edge in dfg.Edges)
        {
            var sorted = byEdge[(edge.From, edge.To)].Order().ToArray();
            var sum = sorted.Aggregate(Int128.Zero, (total, d) => total + d);
            Assert.Equal((sorted.Length, (double)sum / sorted.Length / TimeSpan.TicksPerHour, Statistics.Median(sorted) / TimeSpan.TicksPerHour),
                (edge.Count, edge.MeanHours, edge.MedianHours));
        }

        Assert.Equal(byPair.Count, flow.Handovers.Count);
        foreach (var h in flow.Handovers)
        {
            var sorted = byPair[(h.From, h.To)].Order().ToArray();
            Assert.Equal((sorted.Length, Statistics.Median(sorted) / TimeSpan.TicksPerHour), (h.Count, h.MedianHours));
        }

        for (var s = 0; s < steps.Count; s++)
        {
            var hours = bySteps.GetValueOrDefault(s)?.Order().ToArray();
            Assert.Equal(hours is null ? null : Statistics.Median(hours), steps[s].MedianHours);
        }
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> lists, TKey key, TValue value) where TKey : notnull
    {
        if (!lists.TryGetValue(key, out var list)) lists[key] = list = [];
        list.Add(value);
    }
}
