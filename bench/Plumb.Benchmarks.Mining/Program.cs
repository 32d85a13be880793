using System.Diagnostics;
using BenchmarkDotNet.Running;
using Plumb.Benchmarks.Mining;
using Plumb.Mining.Readers;

// "--cli [events] [runs] [plumb.dll] [formats]" runs the CLI (as ./plumb publishes it to artifacts/plumb, else the build, or the
// one given) as cold processes on a receipt-shaped log, in each format given (csv, xes, snow-json, comma-separated; default csv).
if (args.Length > 0 && args[0] == "--cli")
{
    var root = AppContext.BaseDirectory;
    while (!File.Exists(Path.Combine(root, "Plumb.slnx"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("run from inside the repository");
    // The CLI as ./plumb runs it: published ReadyToRun when it was, else the plain build.
    var published = Path.Combine(root, "artifacts", "plumb", "plumb.dll");
    var plumb = args.Length > 3 && args[3] != "-" ? Path.GetFullPath(args[3])
        : File.Exists(published) ? published : Path.Combine(root, "artifacts", "bin", "Plumb.Cli", "release", "plumb.dll");
    CliProcesses.Run(plumb,
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_003_509,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3,
        Path.Combine(Path.GetTempPath(), "plumb-bench"),
        args.Length > 4 ? args[4].Split(',') : [EventLogFormat.Csv]);
    return;
}

// "--read FILE|csv|xes|snow-json|snow-instance|all [runs] [parts] [events]" reads a log in this process as the CLI reads it (every case
// attribute kept; CSV in parts on every core unless parts is given): wall and CPU time, peak RSS, allocation and what the log
// keeps. A format name reads the receipt-shaped log of that format (generated when missing); "all" reads the three and checks
// that the XES and JSON logs hold the CSV's cases and events.
if (args.Length > 1 && args[0] == "--read")
{
    var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
    var parts = args.Length > 3 && args[3] != "-" ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
    var events = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 1_003_509;
    var named = ReceiptFormats.All.Any(f => f.Format == args[1]) || args[1] == "all";
    var files = named ? ReceiptFormats.Files(Path.Combine(Path.GetTempPath(), "plumb-bench"), events)
        .Where(f => args[1] == "all" || f.Key == args[1]).Select(f => (f.Key, f.Value.File, f.Value.More)).ToList()
        : [(EventLogFormat.FromName(args[1]) ?? EventLogFormat.Csv, args[1], [])];
    Plumb.Mining.EventLogs.EventLog? csvLog = null;
    foreach (var (format, file, more) in files)
    {
        var size = ReceiptFormats.Size(file, more);
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            var baseline = GC.GetTotalMemory(true);
            var before = GC.GetTotalAllocatedBytes(true);
            ResetPeakRss();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            Plumb.Mining.EventLogs.EventLog log;
            if (format == EventLogFormat.Csv)
            {
                using var stream = File.OpenRead(file);
                log = CsvEventLogReader.Read(stream, System.Text.Encoding.UTF8, new CsvLogOptions { ReadParts = parts }).Log!;
            }
            else
            {
                log = ReceiptFormats.Read(format, file);
            }

            watch.Stop();
            var cpuS = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var peak = PeakRssMb();
            var allocated = GC.GetTotalAllocatedBytes(true) - before;
            var retained = GC.GetTotalMemory(true) - baseline;
            Console.WriteLine(System.FormattableString.Invariant(
                $"{format,-9} {log.EventCount:N0} events, {size / 1e6:F0} MB: {watch.Elapsed.TotalMilliseconds,5:F0} ms wall ({size / 1e6 / watch.Elapsed.TotalSeconds,3:F0} MB/s), {cpuS * 1000,5:F0} ms CPU ({size / 1e6 / cpuS,3:F0} MB per CPU second), peak RSS {peak:F0} MB, ")
                + System.FormattableString.Invariant($"{allocated / 1e6:F0} MB allocated, {retained / 1e6:F0} MB kept ({retained / (double)log.EventCount:F0} bytes/event); load {Load()}"));
            if (i < runs - 1) continue;
            if (format == EventLogFormat.Csv) csvLog = log;
            else if (csvLog is not null) Console.WriteLine($"{format,-9} against CSV: {ReceiptFormats.Compare(csvLog, log, format) ?? "the same cases and events"}");
        }
    }

    return;
}

// "--readers [events]" times each reader a few times in this process on the log in memory (CPU time: on a shared machine wall
// time is the load's).
if (args.Length > 0 && args[0] == "--readers")
{
    var readers = new ReaderBenchmarks { Events = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_003_509 };
    readers.Setup();
    var sizes = readers.Sizes;
    foreach (var (name, read, size) in new (string, Func<int>, int)[] { ("CSV", readers.Csv, sizes.Csv), ("XES", readers.Xes, sizes.Xes), ("ServiceNow JSON", readers.SnowJson, sizes.Json) })
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var events = read();
            watch.Stop();
            var cpuS = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(System.FormattableString.Invariant(
                $"{name,-16} {events:N0} events: {watch.Elapsed.TotalMilliseconds,6:F0} ms wall ({size / 1e6 / watch.Elapsed.TotalSeconds,4:F0} MB/s), {cpuS * 1000,6:F0} ms CPU ({size / 1e6 / cpuS,4:F0} MB per CPU second); load {Load()}"));
        }
    }

    return;
}

// "--analyze-stages FILE HANDBOOK PROCESS" times the stages of plumb analyze one after another.
if (args.Length > 3 && args[0] == "--analyze-stages")
{
    Breakdown.RunAnalyze(args[1], args[2], args[3]);
    return;
}

if (args.Length > 0 && args[0] == "--breakdown")
{
    Breakdown.Run(IncidentWorkload.GenerateCsv(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 230_000));
    return;
}

// "--quick" measures one warm run with a stopwatch and the allocation counter (seconds instead of BenchmarkDotNet's minutes).
if (args.Length > 0 && args[0] == "--quick")
{
    var cases = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 230_000;
    var csv = IncidentWorkload.GenerateCsv(cases);
    var events = 0;
    {
        var log = CsvEventLogReader.Read(new MemoryStream(csv), System.Text.Encoding.UTF8).Log!;
        events = log.EventCount;
        Console.WriteLine($"log: {log.CaseCount:N0} cases, {log.EventCount:N0} events, {csv.Length / 1e6:F1} MB of CSV");
    }

    IncidentWorkload.Run(csv, Console.WriteLine);
    {
        // What stays in memory: the log and every result, after a full collection.
        GC.Collect();
        var baseline = GC.GetTotalMemory(true);
        var kept = IncidentWorkload.RunKeeping(csv);
        var retained = GC.GetTotalMemory(true) - baseline;
        Console.WriteLine($"retained after the run: {retained / 1e6:F1} MB ({retained / (double)kept:F0} bytes/event)");
    }

    for (var i = 0; i < 2; i++)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        IncidentWorkload.Run(csv, args.Contains("--stages") ? Console.WriteLine : null);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(true) - before;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine($"run {i + 1}: {watch.Elapsed.TotalMilliseconds:F0} ms wall, {cpuMs:F0} ms CPU, {allocated / 1e6:F1} MB allocated ({allocated / (double)events:F0} bytes/event)");
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args);

// The peak resident set is reset before each read (Linux: "5" into clear_refs), so each run reports its own.
static void ResetPeakRss()
{
    try
    {
        File.WriteAllText("/proc/self/clear_refs", "5");
    }
    catch (IOException)
    {
    }
    catch (UnauthorizedAccessException)
    {
    }
}

static double PeakRssMb() =>
    File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) is { } line
        ? long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0 : 0;

static string Load() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
