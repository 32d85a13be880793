using System.Diagnostics;
using BenchmarkDotNet.Running;
using Plumb.Benchmarks.Mining;
using Plumb.Mining.Readers;

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
