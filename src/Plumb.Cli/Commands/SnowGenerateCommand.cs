namespace Plumb.Cli.Commands;

using System.CommandLine;
using Plumb.ServiceNow.Snapshot;

public static class SnowGenerateCommand
{
    public static Command Create(CliContext context)
    {
        var handbook = new Option<string>("--handbook") { Description = "The handbook folder the snapshot should match.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "The snapshot folder to write (new or empty).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed; the same seed gives the same snapshot.", DefaultValueFactory = _ => 1 };
        var tickets = new Option<int>("--tickets") { Description = "Tickets per mapped task table.", DefaultValueFactory = _ => 40 };
        var drift = new Option<string[]>("--drift")
        {
            Description = "Drifts to inject: missing-state, extra-group, sla (repeat or comma-separate).",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("generate",
            "Write a realistic snapshot folder for a handbook, as if pulled from an instance configured to match it, with ticket history " +
            "and the drifts asked for (for demos and tests; no instance needed).")
        {
            handbook, output, seed, tickets, drift,
        };
        command.SetAction(parse =>
        {
            var (book, _) = HandbookLoader.Open(parse.GetValue(handbook)!, context);
            if (book is null) return ExitCodes.BadInput;
            var options = Options(parse.GetValue(drift), parse.GetValue(seed), parse.GetValue(tickets));
            var directory = parse.GetValue(output)!;
            IReadOnlyList<string> injected;
            try
            {
                injected = SnapshotGenerator.Write(book, directory, options);
            }
            catch (IOException e)
            {
                throw new UsageException(e.Message);
            }

            context.Out.WriteLine($"Wrote a snapshot for '{book.Name}' to {directory} (seed {options.Seed}).");
            foreach (var line in injected) context.Out.WriteLine($"  injected {line}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The generator options of --seed, --tickets and --drift (shared with <c>plumb snow simulate</c>).</summary>
    internal static GeneratorOptions Options(string[]? drift, int seed, int tickets)
    {
        var drifts = (drift ?? []).SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var unknown = drifts.Except(["missing-state", "extra-group", "sla"]).ToList();
        if (unknown.Count > 0) throw new UsageException($"--drift {unknown[0]}: expected missing-state, extra-group or sla");
        if (tickets < 0) throw new UsageException("--tickets must not be negative");
        return new GeneratorOptions
        {
            Seed = seed, TicketsPerTable = tickets,
            MissingState = drifts.Contains("missing-state"), ExtraGroup = drifts.Contains("extra-group"), SlaDiffers = drifts.Contains("sla"),
        };
    }
}
