namespace Plumb.Cli.Commands;

using System.CommandLine;
using Plumb.Handbook.Model;
using Plumb.Handbook.Samples;
using Plumb.Mining.Generation;
using Plumb.Mining.Writers;

public static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("generate", "Generate data for tests, demos and benchmarks.");
        command.Subcommands.Add(Log(context));
        return command;
    }

    private static Command Log(CliContext context)
    {
        var handbook = new Option<string?>("--handbook") { Description = "The handbook folder (default: the example handbook of 'plumb init')." };
        var process = new Option<string>("--process") { Description = "The process to simulate.", DefaultValueFactory = _ => "incident" };
        var procedure = new Option<string?>("--procedure") { Description = "The procedure (default: the first of the process)." };
        var cases = new Option<int>("--cases") { Description = "Number of cases.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same log).", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--output", "-o") { Description = "The file to write.", Required = true };
        var format = new Option<string?>("--log-format") { Description = "csv, xes or snow-json (default: from the file extension, else csv)." };
        format.AcceptOnlyFromAmong("csv", "xes", "snow-json");
        var skip = new Option<double>("--skip-rate") { Description = "Chance a case skips one of its steps.", DefaultValueFactory = _ => new GeneratorOptions().SkipRate };
        var reassign = new Option<double>("--reassign-rate") { Description = "Chance a case bounces to another group and back during a step (not a deviation of the order).", DefaultValueFactory = _ => new GeneratorOptions().ReassignRate };
        var reopen = new Option<double>("--reopen-rate") { Description = "Chance a case is reopened and resolved again.", DefaultValueFactory = _ => new GeneratorOptions().ReopenRate };
        var swap = new Option<double>("--swap-rate") { Description = "Chance a case does two consecutive steps out of order.", DefaultValueFactory = _ => new GeneratorOptions().SwapRate };
        var perDay = new Option<double>("--cases-per-day") { Description = "Cases opened per day.", DefaultValueFactory = _ => 40 };
        var command = new Command("log", "Simulate ticket histories from a handbook procedure, with deviations, as CSV, XES or ServiceNow JSON.")
        {
            handbook, process, procedure, cases, seed, output, format, skip, reassign, reopen, swap, perDay,
        };
        command.SetAction(parse =>
        {
            Handbook book;
            if (parse.GetValue(handbook) is { } dir)
            {
                var (loaded, _) = HandbookLoader.Open(dir, context);
                book = loaded ?? throw new UsageException($"{dir}: the handbook could not be read");
            }
            else
            {
                book = ExampleHandbook.Create("Example");
            }

            var id = parse.GetValue(process)!;
            var proc = book.FindProcess(id) ?? throw new UsageException($"no process '{id}' in the handbook (processes: {string.Join(", ", book.Processes.Select(p => p.Id))})");
            var procedureId = parse.GetValue(procedure);
            var chosen = (procedureId is null ? proc.Procedures.FirstOrDefault() : proc.Procedures.Find(p => p.Id == procedureId))
                ?? throw new UsageException($"no procedure '{procedureId ?? "(first)"}' in process '{id}'");
            var n = parse.GetValue(cases);
            if (n <= 0) throw new UsageException("--cases must be positive");
            var options = new GeneratorOptions
            {
                Cases = n, Seed = parse.GetValue(seed), SkipRate = parse.GetValue(skip), ReassignRate = parse.GetValue(reassign),
                ReopenRate = parse.GetValue(reopen), SwapRate = parse.GetValue(swap), CasesPerDay = parse.GetValue(perDay),
            };
            var path = parse.GetValue(output)!;
            var kind = parse.GetValue(format) ?? (path.EndsWith(".xes", StringComparison.OrdinalIgnoreCase) ? "xes"
                : path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "snow-json" : "csv");
            context.Error.WriteLine($"plumb: simulating {n:N0} cases of {proc.Id}/{chosen.Id} ...");
            var generated = LogGenerator.Generate(book, chosen, options);
            var temp = path + ".tmp";
            using (var stream = File.Create(temp))
            {
                switch (kind)
                {
                    case "xes": XesLogWriter.Write(generated.Log, stream); break;
                    case "snow-json": SnowJsonWriter.Write(generated.Log, stream); break;
                    default:
                        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16)) CsvLogWriter.Write(generated.Log, writer);
                        break;
                }
            }

            File.Move(temp, path, overwrite: true);
            var injected = generated.Injected.GroupBy(d => d.Kind).Select(g => $"{g.Count():N0} {g.Key}");
            context.Out.WriteLine($"{path}: {generated.Log.CaseCount:N0} cases, {generated.Log.EventCount:N0} events ({kind}); injected: {string.Join(", ", injected)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
