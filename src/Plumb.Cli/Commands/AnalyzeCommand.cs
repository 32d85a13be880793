namespace Plumb.Cli.Commands;

using System.CommandLine;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;
using Plumb.Mining.Reporting;

public static class AnalyzeCommand
{
    public static Command Create(CliContext context)
    {
        var log = LogOptions.LogOption();
        var output = new Option<string>("--output", "-o") { Description = "The report to write: report.html (one self-contained page) or report.json (every figure).", Required = true };
        var period = new Option<string>("--period") { Description = "The period of KPI trends: day, week, month, quarter or year.", DefaultValueFactory = _ => "month" };
        period.AcceptOnlyFromAmong("day", "week", "month", "quarter", "year");
        var process = new ProcessOptions(required: true);
        var logOptions = new LogOptions();
        var command = new Command("analyze",
            "Analyse a log against a handbook process: KPI tiles and trends, the process map of practice beside the documented model, " +
            "variants, conformance hot spots. Writes HTML or JSON.")
        {
            log, output, period,
        };
        process.AddTo(command);
        logOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var (selected, procedure) = process.Resolve(parse, context)!.Value;
            var path = parse.GetValue(output)!;
            var json = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            if (!json && !path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"{path}: the report is written as .html or .json");
            }

            logOptions.KeepFieldsOf(selected);
            var eventLog = logOptions.Open(parse, parse.GetValue(log)!, context, CaseAttributeSelection.ForProcess(selected));

            // The reader's garbage is collected by now, but the GC keeps the pages it freed for the small objects to come, while
            // the stages' per-case arrays are large objects that take pages of their own: given back before the stages, they
            // no longer add up (bench/results/xes-json-readers.md; CSV 1M events 83 -> 80 MB, XES and JSON peak in their reads).
            // A small log's pages are few next to the runtime's own.
            if (eventLog.EventCount >= ReadMemory.Large) ReadMemory.GiveBack();
            var report = AnalysisReport.Build(eventLog, selected, procedure, parse.GetValue(period)!, new ProgressLines<string>(m => context.Error.WriteLine($"plumb: {m} ...")));
            var temp = path + ".tmp";
            if (json)
            {
                // Straight to the file as UTF-8: the per-case figures of a million-event log are ~70 MB of JSON, which as one
                // string (UTF-16, plus its builder's growth) tripled the command's peak memory.
                using var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                ReportJson.Serialize(file, report);
            }
            else
            {
                using var writer = new StreamWriter(temp, false, new System.Text.UTF8Encoding(false));
                HtmlReport.Write(report, writer);
            }

            File.Move(temp, path, overwrite: true);
            var f = report.Conformance.Overall;
            if (report.Mapping.Warning is { } warning) context.Error.WriteLine($"plumb: warning: {warning}");
            var measurable = report.Kpis.Count(k => k.NotMeasurable is null && k.Error is null);
            if (report.Conformance.NotMeasurable is { } why) context.Error.WriteLine($"plumb: warning: conformance {why}");
            var fitness = report.Conformance.Measurable ? $"log fitness {f.LogFitness:F4}" : "log fitness not measurable";
            context.Out.WriteLine($"{path}: {report.Summary.Cases:N0} cases, {report.Mapping.Describe()}, {fitness}, "
                + $"{measurable} of {report.Kpis.Count} KPI(s) measurable, {report.Variants.Count} variants shown");
            return ExitCodes.Ok;
        });
        return command;
    }
}
