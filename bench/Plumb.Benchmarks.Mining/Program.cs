using System.Diagnostics;
using BenchmarkDotNet.Running;
using Plumb.Benchmarks.Mining;
using Plumb.Mining.Readers;

// "--cli [events] [runs] [plumb.dll]" runs the CLI (as ./plumb publishes it to artifacts/plumb, else the build, or the one given) as
// cold processes on a receipt-shaped log.
if (args.Length > 0 && args[0] == "--cli")
{
    var root = AppContext.BaseDirectory;
    while (!File.Exists(Path.Combine(root, "Plumb.slnx"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("run from inside the repository");
    // The CLI as ./plumb runs it: published ReadyToRun when it was, else the plain build.
    var published = Path.Combine(root, "artifacts", "plumb", "plumb.dll");
    var plumb = args.Length > 3 ? Path.GetFullPath(args[3])
        : File.Exists(published) ? published : Path.Combine(root, "artifacts", "bin", "Plumb.Cli", "release", "plumb.dll");
    CliProcesses.Run(plumb,
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_003_509,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3,
        Path.Combine(Path.GetTempPath(), "plumb-bench"));
    return;
}

// "--read FILE [runs] [parts]" reads a CSV log in this process (every case attribute kept; in parts on every core unless
// parts is given): wall and CPU time, allocation and what the log keeps.
if (args.Length > 1 && args[0] == "--read")
{
    var size = new FileInfo(args[1]).Length;
    for (var i = 0; i < (args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3); i++)
    {
        GC.Collect();
        var baseline = GC.GetTotalMemory(true);
        var before = GC.GetTotalAllocatedBytes(true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        using var stream = File.OpenRead(args[1]);
        var parts = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        var log = CsvEventLogReader.Read(stream, System.Text.Encoding.UTF8, new CsvLogOptions { ReadParts = parts }).Log!;
        watch.Stop();
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes(true) - before;
        var retained = GC.GetTotalMemory(true) - baseline;
        Console.WriteLine($"read {log.EventCount:N0} events: {watch.Elapsed.TotalMilliseconds:F0} ms wall ({size / 1e6 / watch.Elapsed.TotalSeconds:F0} MB/s), {cpuMs:F0} ms CPU, "
            + $"{allocated / 1e6:F0} MB allocated, {retained / 1e6:F0} MB kept ({retained / (double)log.EventCount:F0} bytes/event); load {File.ReadAllText("/proc/loadavg")[..14]}");
        GC.KeepAlive(log);
    }

    return;
}

// "--readers [events]" times each reader a few times in this process (CPU time: on a shared machine wall time is the load's).
if (args.Length > 0 && args[0] == "--readers")
{
    var readers = new ReaderBenchmarks { Events = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_003_509 };
    readers.Setup();
    var csvBytes = readers.CsvBytes;
    foreach (var (name, read) in new (string, Func<int>)[] { ("CSV", readers.Csv), ("XES", readers.Xes), ("ServiceNow JSON", readers.SnowJson) })
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var events = read();
            watch.Stop();
            var cpuS = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"{name,-16} {events:N0} events: {watch.Elapsed.TotalMilliseconds,6:F0} ms wall, {cpuS * 1000,6:F0} ms CPU ({csvBytes / 1e6 / cpuS,4:F0} MB of CSV per CPU second); load {File.ReadAllText("/proc/loadavg")[..14]}");
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
