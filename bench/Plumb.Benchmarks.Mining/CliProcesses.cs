namespace Plumb.Benchmarks.Mining;

using System.Diagnostics;
using System.Globalization;

/// <summary>
/// Runs the CLI as users do, one cold process per command, on a generated receipt-shaped log: wall time, CPU time (user + sys)
/// and peak resident memory (by <c>/usr/bin/time</c>, which waits for the process itself) per command, with the machine's load
/// beside them, for the log as CSV, XES or ServiceNow JSON (<see cref="ReceiptFormats"/>). <c>plumb analyze</c> is the whole pipeline: read, DFG, variants, replay on the documented procedure, KPIs.
/// </summary>
public static class CliProcesses
{
    /// <summary>
    /// Generates the log (in each of <paramref name="formats"/>: csv, xes, snow-json) and net in <paramref name="folder"/>, runs
    /// each command <paramref name="runs"/> times per format and prints the figures; MB/s is of the format's own file.
    /// </summary>
    public static void Run(string plumb, int events, int runs, string folder, IReadOnlyList<string> formats)
    {
        var files = ReceiptFormats.Files(folder, events);
        var net = Path.Combine(folder, "receipt-main-path.pnml");
        File.WriteAllText(net, ReceiptWorkload.MainPathPnml());
        var handbook = Path.Combine(folder, "receipt-handbook");
        ReceiptWorkload.WriteHandbook(handbook);
        Console.WriteLine($"plumb: {plumb}; {events:N0} events; load average {Load()}");
        foreach (var format in formats)
        {
            var (log, more) = files.TryGetValue(format, out var f) ? f : throw new ArgumentException($"unknown format '{format}': use {string.Join(", ", files.Keys)}", nameof(formats));
            RunFormat(plumb, log, more, format, events, runs, net, handbook, Path.Combine(folder, "receipt-report.json"));
        }
    }

    private static void RunFormat(string plumb, string log, string[] more, string format, int events, int runs, string net, string handbook, string report)
    {
        var size = ReceiptFormats.Size(log, more);
        Console.WriteLine($"log: {log} ({size / 1e6:F0} MB, {format}); load average {Load()}");
        string[][] commands =
        [
            ["log", "stats", log, .. more],
            ["discover", "--log", log, .. more],
            ["conform", "--log", log, "--pnml", net, .. more],
            ["analyze", "--log", log, "--handbook", handbook, "--process", "receipt", "-o", report, .. more],
        ];
        double total = 0, totalCpu = 0;

        // Bytes an event are of the events the log holds, which log stats (run first) prints: the ServiceNow JSON's group
        // changes add Assigned and Reassigned events to the generated ones (1M receipt events: 1.66M).
        var logEvents = events;
        foreach (var command in commands)
        {
            var walls = new List<double>();
            var cpus = new List<double>();
            long peak = 0;
            for (var i = 0; i < runs; i++)
            {
                var (wall, peakKb, cpu, output) = Measure(plumb, command);
                if (command[0] == "log" && EventsIn(output) is { } read) logEvents = read;
                walls.Add(wall);
                cpus.Add(cpu);
                peak = Math.Max(peak, peakKb);
            }

            walls.Sort();
            cpus.Sort();
            var name = string.Join(' ', command.TakeWhile(a => a != log && a != "--log"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  plumb {name,-10} wall min {walls[0],5:F2} s  median {walls[walls.Count / 2],5:F2} s  CPU min {cpus[0],5:F2} s  peak RSS {peak / 1024.0,6:F0} MB ({peak * 1024.0 / logEvents,4:F0} bytes/event of {logEvents:N0})  read {size / 1e6 / walls[0],5:F0} MB/s end to end  load {Load()}"));
            if (name is "discover" or "conform")
            {
                total += walls[0];
                totalCpu += cpus[0];
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  discover + conform: {total:F2} s wall, {totalCpu:F2} s CPU (PM4Py 2.7 load + DFG + variants + replay: 22 s on the issue's 1M-event receipt log, {22 / total:F1}x)"));
    }

    // The events line of plumb log stats ("  events  1,658,158"), or null.
    private static int? EventsIn(string statsOutput) =>
        statsOutput.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("events ", StringComparison.Ordinal)) is { } line
        && int.TryParse(line["events ".Length..].Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static (double Wall, long PeakKb, double Cpu, string Output) Measure(string plumb, string[] command)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-f", "PLUMB-BENCH %e %M %U %S", "dotnet", plumb }.Concat(command)) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var printed = output.Result;
        var line = error.Split('\n').LastOrDefault(l => l.StartsWith("PLUMB-BENCH ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"plumb {string.Join(' ', command)} gave no figures: {error}");
        var parts = line.Split(' ');
        // Exit 1 is a finding (conform: cases that do not fit), not a failure.
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"plumb {string.Join(' ', command)} failed ({process.ExitCode}): {error}");
        }

        return (double.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture),
            double.Parse(parts[3], CultureInfo.InvariantCulture) + double.Parse(parts[4], CultureInfo.InvariantCulture), printed);
    }

    private static string Load() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
