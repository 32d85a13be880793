namespace Plumb.Cli.Commands;

using System.CommandLine;
using System.Text.Json;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Kpis;

public static class KpiCommand
{
    public static Command Create(CliContext context)
    {
        var log = LogOptions.LogOption();
        var period = new Option<string>("--period") { Description = "The period of the trend: day, week, month, quarter or year.", DefaultValueFactory = _ => "month" };
        period.AcceptOnlyFromAmong("day", "week", "month", "quarter", "year");
        var format = CommonOptions.Format("text", "json");
        var process = new ProcessOptions(required: true);
        var logOptions = new LogOptions();
        var command = new Command("kpi",
            "Evaluate the process's KPI measures on a log, overall, per period and per group, against their targets " +
            "(green: met; amber: missed by at most 10% of the target; red: beyond). Exit 1 when a KPI is red.")
        {
            log, period, format,
        };
        process.AddTo(command);
        logOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var (selected, _) = process.Resolve(parse, context)!.Value;
            logOptions.KeepFieldsOf(selected);
            var eventLog = logOptions.Open(parse, parse.GetValue(log)!, context, CaseAttributeSelection.ForProcess(selected));
            var results = KpiEvaluation.Evaluate(eventLog, selected, parse.GetValue(period)!);
            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(JsonSerializer.Serialize(new { process = selected.Id, kpis = results }, JsonOutput.Options));
            }
            else
            {
                foreach (var k in results) Write(context.Out, k);
            }

            return results.Any(r => r.Overall?.Status == RagStatus.Red) ? ExitCodes.Found : results.Any(r => r.Error is not null) ? ExitCodes.BadInput : ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(TextWriter o, KpiResult k)
    {
        var target = k.Target is { } t ? $"target {(k.Direction == Plumb.Handbook.Model.KpiDirection.Lower ? "<=" : ">=")} {t:G4} {k.Unit}" : "no target";
        o.WriteLine($"{k.Id}: {k.Name}  [{k.Measure}]");
        if (k.NotMeasurable is { } reason)
        {
            o.WriteLine($"  not measurable: {reason}");
            o.WriteLine();
            return;
        }

        if (k.Error is not null)
        {
            o.WriteLine($"  cannot evaluate: {k.Error}");
            o.WriteLine();
            return;
        }

        o.WriteLine($"  overall   {Cell(k.Overall!)}   ({target})");
        foreach (var (title, cells) in new[] { ("by measure", k.ByMeasure), ("by period", k.ByPeriod), ("by group", k.ByGroup) })
        {
            if (cells.Count == 0) continue;
            o.WriteLine($"  {title}:");
            foreach (var c in cells.Take(24)) o.WriteLine($"    {c.Key,-28} {Cell(c)}");
        }

        o.WriteLine();
    }

    private static string Cell(KpiCell c) =>
        $"{(c.Value is { } v ? v.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) : "-"),10} {Status(c.Status),-6} ({c.Cases:N0} cases)";

    private static string Status(RagStatus? status) => status switch
    {
        RagStatus.Green => "green",
        RagStatus.Amber => "amber",
        RagStatus.Red => "RED",
        _ => "",
    };
}
