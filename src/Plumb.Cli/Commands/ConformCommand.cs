namespace Plumb.Cli.Commands;

using System.CommandLine;
using System.Text.Json;
using Plumb.Mining.Conformance;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Mapping;

public static class ConformCommand
{
    public static Command Create(CliContext context)
    {
        var log = LogOptions.LogOption();
        var pnml = new Option<string?>("--pnml") { Description = "A Petri net (PNML) to replay the log on; labels are activity names." };
        var cases = new Option<bool>("--cases") { Description = "List every case's figures (text output)." };
        var format = CommonOptions.Format("text", "json");
        var process = new ProcessOptions(required: false);
        var logOptions = new LogOptions();
        var command = new Command("conform",
            "Check practice against a model by token replay: fitness with the standard figures (produced, consumed, missing, remaining), " +
            "deviations per step, breakdown by group, priority and month. Exit 0 when every case fits, 1 when some do not.")
        {
            log, pnml, cases, format,
        };
        process.AddTo(command);
        logOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var netPath = parse.GetValue(pnml);
            var selection = process.Resolve(parse, context);
            if ((netPath is null) == (selection is null)) throw new UsageException("give either --pnml NET.pnml or --handbook DIR --process ID");
            if (selection is { } chosen) logOptions.KeepFieldsOf(chosen.Process);
            var eventLog = logOptions.Open(parse, parse.GetValue(log)!, context,
                selection is { } picked ? CaseAttributeSelection.ForProcess(picked.Process) : CaseAttributeSelection.Mining);
            ConformanceResult result;
            ProcedureMapping? mapping = null;
            if (netPath is not null)
            {
                if (!File.Exists(netPath)) throw new UsageException($"{netPath}: no such file");
                using var stream = File.OpenRead(netPath);
                var (net, error) = PnmlReader.Read(stream);
                if (net is null) throw new UsageException($"{netPath}: {error}");
                result = ConformanceChecker.CheckActivities(eventLog, net);
            }
            else
            {
                var (_, procedure) = selection!.Value;
                mapping = ProcedureMapping.Map(procedure, eventLog);
                if (mapping.Coverage.Warning is { } warning) context.Error.WriteLine($"plumb: warning: {warning}");
                result = ConformanceChecker.CheckProcedure(eventLog, procedure, mapping);
            }

            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(Json(netPath ?? $"{selection!.Value.Process.Id}/{selection.Value.Procedure.Id}", result, mapping));
            }
            else
            {
                Write(context.Out, eventLog, result, mapping, parse.GetValue(cases));
            }

            if (result.NotMeasurable is { } why) context.Error.WriteLine($"plumb: {why}");

            // A fit that cannot be measured is no success: the log shows none of the steps it was to be checked against.
            return result.Measurable && result.Overall.FittingCases == result.Overall.Cases ? ExitCodes.Ok : ExitCodes.Found;
        });
        return command;
    }

    // Not measurable: the reason, and no fitness figures (null, empty breakdown and cases) that a script could take for a fit.
    // In a method of its own, so a text run does not load the JSON serializer.
    private static string Json(string model, ConformanceResult result, ProcedureMapping? mapping)
    {
        var measurable = result.Measurable;
        return JsonSerializer.Serialize(new
        {
            model,
            notMeasurable = result.NotMeasurable,
            fitness = measurable ? result.Overall : null, result.Variants, deviations = result.Deviations.Select(d => new { d.Step, kind = Kind(d.Kind), d.Cases }),
            unmapped = mapping?.Unmapped, mappedEvents = mapping?.MappedEvents, mapping = mapping?.Coverage,
            breakdown = measurable ? result.Breakdown : [], cases = measurable ? result.PerCase : [],
        }, JsonOutput.Options);
    }

    public static string Kind(DeviationKind kind) => kind switch
    {
        DeviationKind.Skipped => "skipped",
        DeviationKind.OutOfOrder => "out-of-order",
        DeviationKind.Repeated => "repeated",
        _ => "undocumented",
    };

    private static void Write(TextWriter o, EventLog log, ConformanceResult result, ProcedureMapping? mapping, bool listCases)
    {
        var f = result.Overall;
        if (mapping is not null)
        {
            o.WriteLine($"Mapping: {mapping.Coverage.Describe()}");
            if (mapping.Coverage.Warning is { } warning) o.WriteLine($"WARNING: {warning}");
        }

        if (result.NotMeasurable is { } why)
        {
            o.WriteLine($"Conformance: {why}");
            if (mapping is null) return;
            o.WriteLine($"  mapped events          {mapping.MappedEvents:N0} of {log.EventCount:N0}");
            foreach (var u in mapping.Unmapped.Take(10)) o.WriteLine($"    unmapped: {u.Activity} ({u.Events:N0} events)");
            return;
        }

        o.WriteLine($"Token-based replay of {f.Cases:N0} cases ({result.Variants:N0} distinct traces)");
        o.WriteLine($"  log fitness            {f.LogFitness:F4}");
        o.WriteLine($"  average trace fitness  {f.AverageTraceFitness:F4}");
        o.WriteLine($"  fitting cases          {f.FittingCases:N0} of {f.Cases:N0} ({f.PercentFittingCases:F1}%)");
        o.WriteLine($"  tokens                 produced {f.Produced:N0}, consumed {f.Consumed:N0}, missing {f.Missing:N0}, remaining {f.Remaining:N0}");
        if (mapping is not null)
        {
            o.WriteLine($"  mapped events          {mapping.MappedEvents:N0} of {log.EventCount:N0}");
            foreach (var u in mapping.Unmapped.Take(10)) o.WriteLine($"    unmapped: {u.Activity} ({u.Events:N0} events)");
        }

        o.WriteLine();
        o.WriteLine("Deviations (cases):");
        foreach (var d in result.Deviations.Take(20)) o.WriteLine($"  {d.Cases,8:N0}  {Kind(d.Kind),-13} {d.Step}");
        foreach (var dimension in result.Breakdown.GroupBy(b => b.Dimension))
        {
            o.WriteLine();
            o.WriteLine($"By {dimension.Key}:");
            foreach (var b in dimension.OrderBy(b => b.Figures.LogFitness).Take(12))
            {
                o.WriteLine($"  {b.Key,-30} {b.Figures.Cases,8:N0} cases  fitness {b.Figures.LogFitness:F4}  fitting {b.Figures.PercentFittingCases,5:F1}%");
            }
        }

        if (!listCases) return;
        o.WriteLine();
        foreach (var c in result.PerCase) o.WriteLine($"  {c.Case,-20} p={c.Produced} c={c.Consumed} m={c.Missing} r={c.Remaining} f={c.Fitness:F4}{(c.Fits ? "" : "  (does not fit)")}");
    }
}
