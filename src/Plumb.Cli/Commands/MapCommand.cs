namespace Plumb.Cli.Commands;

using System.CommandLine;
using System.Text.Json;
using Plumb.Handbook.Folder;
using Plumb.Mining.Mapping;
using Plumb.Mining.Readers;

public static class MapCommand
{
    public static Command Create(CliContext context)
    {
        var log = LogOptions.LogOption();
        var write = new Option<bool>("--write") { Description = "Put the proposals into the handbook's YAML (comments are kept)." };
        var format = CommonOptions.Format("text", "json");
        var process = new ProcessOptions(required: true);
        var logOptions = new LogOptions();
        var command = new Command("map",
            "Propose the steps' tool mappings from a log: each activity or state that maps to no step, the step it reads as, and the share "
            + "of events it maps. --write puts them into the handbook.")
        {
            log, write, format,
        };
        process.AddTo(command);
        logOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var (handbook, selected, procedure) = process.ResolveIn(parse, context)!.Value;
            // Every column per event, so a proposal can say which field's values tell two steps apart.
            logOptions.EventFields = ["*"];
            logOptions.StepFields = SnowJsonEventLogReader.StepFieldsOf(selected.Procedures.SelectMany(p => p.Steps));
            var eventLog = logOptions.Open(parse, parse.GetValue(log)!, context);
            var before = ProcedureMapping.Map(procedure, eventLog);
            var proposals = MappingProposer.Propose(procedure, eventLog);
            MappingProposer.Apply(procedure, proposals);
            var after = ProcedureMapping.Map(procedure, eventLog);
            var written = false;
            if (parse.GetValue(write) && proposals.Count > 0)
            {
                HandbookFolder.Save(handbook, parse.GetValue(process.Handbook)!);
                written = true;
            }

            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    process = selected.Id, procedure = procedure.Id, events = eventLog.EventCount,
                    mappedBefore = before.MappedEvents, mappedAfter = after.MappedEvents,
                    proposals = proposals.Select(p => new
                    {
                        p.Step, target = Target(p.Target), p.Value, p.Events,
                        share = Share(p.Events, eventLog.EventCount), p.Reason,
                    }),
                    unmapped = after.Unmapped, written,
                }, JsonOutput.Options));
                return ExitCodes.Ok;
            }

            var o = context.Out;
            o.WriteLine($"{selected.Id}/{procedure.Id}: {eventLog.EventCount:N0} events, mapped now {before.MappedEvents:N0} ({Share(before.MappedEvents, eventLog.EventCount):F1}%)");
            if (proposals.Count == 0) o.WriteLine("No proposals: every activity maps to a step, or none reads as a step.");
            foreach (var p in proposals)
            {
                if (p.Target == MappingTarget.Unobservable)
                {
                    o.WriteLine($"  {p.Step,-16} observable: false  ({p.Reason}; replay treats it as silent)");
                    continue;
                }

                var what = Target(p.Target);
                o.WriteLine($"  {p.Step,-16} + {what} {Quote(p.Value),-36} {p.Events,9:N0} events {Share(p.Events, eventLog.EventCount),5:F1}%  ({p.Reason})");
            }

            o.WriteLine($"With the proposals: {after.MappedEvents:N0} of {eventLog.EventCount:N0} events mapped ({Share(after.MappedEvents, eventLog.EventCount):F1}%)");
            foreach (var u in after.Unmapped.Take(10)) o.WriteLine($"  still unmapped: {u.Activity} ({u.Events:N0} events)");
            if (written) o.WriteLine($"Written to {parse.GetValue(process.Handbook)}.");
            else if (proposals.Count > 0) o.WriteLine("Give --write to put them into the handbook.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Target(MappingTarget target) => target switch
    {
        MappingTarget.State => "state",
        MappingTarget.Unobservable => "observable",
        MappingTarget.Group => "group",
        MappingTarget.Condition => "when",
        _ => "activity",
    };

    private static double Share(int part, int whole) => whole == 0 ? 0 : 100.0 * part / whole;

    private static string Quote(string value) => "'" + value + "'";
}
