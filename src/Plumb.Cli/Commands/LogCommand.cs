namespace Plumb.Cli.Commands;

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Plumb.Mining.Discovery;
using Plumb.Mining.EventLogs;

public static class LogCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("log", "Work with event logs (ticket history): CSV, XES or ServiceNow JSON.");
        command.Subcommands.Add(Stats(context));
        return command;
    }

    private static Command Stats(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The event log: CSV, XES (.xes, .xes.gz) or ServiceNow Table API JSON." };
        var format = CommonOptions.Format("text", "json");
        var logOptions = new LogOptions();
        var command = new Command("stats", "Summarise an event log: cases, events, activities, variants, resources, groups, time span.") { file, format };
        logOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            // Stats name the case attributes but show no values: none is held.
            var log = logOptions.Open(parse, path, context, CaseAttributeSelection.None);
            var stats = Summarise(log);
            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(Json(path, stats));
                return ExitCodes.Ok;
            }

            var o = context.Out;
            o.WriteLine($"{path}");
            o.WriteLine($"  cases       {stats.Cases,12:N0}");
            o.WriteLine($"  events      {stats.Events,12:N0}");
            o.WriteLine($"  activities  {stats.Activities,12:N0}");
            o.WriteLine($"  variants    {stats.Variants,12:N0}");
            o.WriteLine($"  resources   {stats.Resources,12:N0}");
            o.WriteLine($"  groups      {stats.Groups,12:N0}");
            o.WriteLine($"  events/case {stats.MinEventsPerCase} min, {stats.MedianEventsPerCase} median, {stats.MaxEventsPerCase} max");
            o.WriteLine($"  time span   {stats.First ?? "-"} .. {stats.Last ?? "-"}");
            if (stats.Attributes.Count > 0) o.WriteLine($"  attributes  {string.Join(", ", stats.Attributes)}");
            o.WriteLine($"  notes       {stats.UnsortedCases:N0} case(s) re-sorted, {stats.DuplicateEvents:N0} duplicate event(s), {stats.SkippedRows:N0} row(s) skipped");
            foreach (var remark in stats.Remarks) o.WriteLine($"  note        {remark}");
            o.WriteLine("  top activities:");
            foreach (var (name, count) in stats.TopActivities) o.WriteLine($"    {count,10:N0}  {name}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public sealed record LogStats(int Cases, int Events, int Activities, int Variants, int Resources, int Groups, int MinEventsPerCase,
        int MedianEventsPerCase, int MaxEventsPerCase, string? First, string? Last, IReadOnlyList<string> Attributes, int UnsortedCases,
        int DuplicateEvents, int SkippedRows, IReadOnlyList<KeyValuePair<string, int>> TopActivities, IReadOnlyList<string> Remarks);

    // In a method of its own, so a text run does not load the JSON serializer.
    private static string Json(string path, LogStats stats) => JsonSerializer.Serialize(new { file = path, stats }, JsonOutput.Options);

    public static LogStats Summarise(EventLog log)
    {
        var lengths = Enumerable.Range(0, log.CaseCount).Select(c => log.End(c) - log.Start(c)).Order().ToArray();
        var span = log.TimeSpan();
        var dfg = DirectlyFollowsGraph.Discover(log);
        return new LogStats(log.CaseCount, log.EventCount, log.ActivityNames.Count, VariantSet.Discover(log).Variants.Count,
            log.ResourceNames.Count, log.GroupNames.Count,
            lengths.Length == 0 ? 0 : lengths[0], lengths.Length == 0 ? 0 : lengths[lengths.Length / 2], lengths.Length == 0 ? 0 : lengths[^1],
            span?.First.ToString("u", CultureInfo.InvariantCulture), span?.Last.ToString("u", CultureInfo.InvariantCulture),
            log.Attributes.Keys.Concat(log.Notes.UnreadAttributes).Distinct().Order(StringComparer.Ordinal).ToList(), log.Notes.UnsortedCases, log.Notes.DuplicateEvents, log.Notes.SkippedRows,
            dfg.Activities.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(10).ToList(), log.Notes.Remarks);
    }
}
