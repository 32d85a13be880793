namespace Plumb.Cli.Commands;

using System.CommandLine;
using System.Text.Json;
using Plumb.Mining.Discovery;
using Plumb.Mining.EventLogs;

public static class DiscoverCommand
{
    public static Command Create(CliContext context)
    {
        var log = LogOptions.LogOption();
        var top = new Option<int>("--top") { Description = "How many edges, variants and handovers to list in text output.", DefaultValueFactory = _ => 15 };
        var format = CommonOptions.Format("text", "json");
        var logOptions = new LogOptions();
        var command = new Command("discover", "Discover the process as practised: directly-follows graph, variants, rework, handovers, ping-pong, flow across processes.")
        {
            log, top, format,
        };
        logOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(log)!;
            var path = string.Join(" + ", paths);
            var eventLog = logOptions.Open(parse, paths, context, CaseAttributeSelection.Mining);
            // Handovers and ping-pong on the other core: they take as long as the DFG, variants, links and rework together.
            var handovers = Task.Run(() => GroupFlow.HandoversOf(eventLog));
            var dfg = DirectlyFollowsGraph.Discover(eventLog);
            var variants = VariantSet.Discover(eventLog);
            var links = CrossProcessFlow.Discover(eventLog);
            var (rework, casesWithRework) = GroupFlow.ReworkOf(eventLog);
            var (pairs, pingPong, casesWithPingPong) = handovers.GetAwaiter().GetResult();
            var flow = new GroupFlow(rework, casesWithRework, pairs, pingPong, casesWithPingPong);
            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(Json(path, eventLog, dfg, variants, flow, links));
                return ExitCodes.Ok;
            }

            var n = parse.GetValue(top);
            var o = context.Out;
            o.WriteLine($"{path}: {eventLog.CaseCount:N0} cases, {eventLog.EventCount:N0} events, {dfg.Activities.Count} activities, {dfg.Edges.Count} directly-follows edges, {variants.Variants.Count:N0} variants");
            o.WriteLine();
            o.WriteLine("Start activities: " + MostFirst(dfg.StartActivities));
            o.WriteLine("End activities:   " + MostFirst(dfg.EndActivities));
            o.WriteLine();
            o.WriteLine($"Directly-follows edges (top {Math.Min(n, dfg.Edges.Count)} of {dfg.Edges.Count}):     count   mean h  median h");
            foreach (var e in dfg.Edges.Take(n)) o.WriteLine($"  {Cut(e.From + " -> " + e.To, 52),-52} {e.Count,8:N0} {e.MeanHours,8:F1} {e.MedianHours,9:F1}");
            o.WriteLine();
            o.WriteLine($"Variants (top {Math.Min(n, variants.Variants.Count)} of {variants.Variants.Count:N0}):");
            var cumulative = 0.0;
            foreach (var v in variants.Variants.Take(n))
            {
                cumulative += v.Coverage;
                o.WriteLine($"  {v.Count,8:N0} {v.Coverage,7:P1} (cum. {cumulative,6:P1})  {Cut(string.Join(" > ", v.Activities), 100)}");
            }

            o.WriteLine();
            o.WriteLine($"Rework: {flow.CasesWithRework:N0} case(s) repeat an activity");
            foreach (var r in flow.Rework.Take(n)) o.WriteLine($"  {r.Cases,8:N0} cases, {r.Repeats,8:N0} repeats  {r.Activity}");
            if (eventLog.Groups is not null)
            {
                o.WriteLine();
                o.WriteLine($"Handovers between groups (top {Math.Min(n, flow.Handovers.Count)} of {flow.Handovers.Count}):");
                foreach (var h in flow.Handovers.Take(n)) o.WriteLine($"  {h.Count,8:N0}  median {h.MedianHours,7:F1} h  {h.From} -> {h.To}");
                o.WriteLine();
                o.WriteLine($"Ping-pong: {flow.CasesWithPingPong:N0} case(s) bounced between groups");
                foreach (var p in flow.PingPong.Take(n)) o.WriteLine($"  {p.Cases,8:N0}  {p.GroupA} <-> {p.GroupB}");
            }

            if (links.Count > 0)
            {
                o.WriteLine();
                o.WriteLine("Flow across processes:");
                foreach (var l in links)
                {
                    var time = l.Resolved == 0 ? "linked records not in the log" : $"{l.Resolved:N0} in the log, median {l.MedianHours:F1} h start to start";
                    o.WriteLine($"  {l.FromTable} -> {l.ToTable} via {l.Field}: {l.Links:N0} link(s), {l.Share:P1} of the cases holding {l.Field}; {time}");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    // In a method of its own, so a text run does not load the JSON serializer.
    private static string Json(string path, EventLog eventLog, DirectlyFollowsGraph dfg, VariantSet variants, GroupFlow flow, IReadOnlyList<ProcessLink> links) =>
        JsonSerializer.Serialize(new
        {
            file = path, cases = eventLog.CaseCount, events = eventLog.EventCount,
            dfg, variants = variants.Variants.Select(v => new { v.Activities, v.Count, v.Coverage, exampleCase = eventLog.CaseIds[v.ExampleCase] }),
            rework = flow.Rework, flow.CasesWithRework, handovers = flow.Handovers, pingPong = flow.PingPong, flow.CasesWithPingPong,
            crossProcess = links,
        }, JsonOutput.Options);

    // "name (count)", most first, ties in the map's order; sorted as strings and ints, since LINQ's sort over the map's pairs has
    // no precompiled code (a cold run compiled some 30 methods for these two lines).
    private static string MostFirst(IReadOnlyDictionary<string, int> counts)
    {
        var names = new string[counts.Count];
        var order = new int[names.Length];
        var i = 0;
        foreach (var name in counts.Keys) (names[i], order[i]) = (name, i++);
        Array.Sort(order, (x, y) => counts[names[x]] != counts[names[y]] ? counts[names[y]].CompareTo(counts[names[x]]) : x.CompareTo(y));
        var shown = new string[order.Length];
        for (var k = 0; k < shown.Length; k++) shown[k] = $"{names[order[k]]} ({counts[names[order[k]]]:N0})";
        return string.Join(", ", shown);
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 3)] + "...";
}
