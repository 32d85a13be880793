using BenchmarkDotNet.Running;

// `-- memory` runs the ServiceNow pull once and prints its peak working set (BenchmarkDotNet reports allocations, not peaks).
if (args.Length > 0 && args[0] == "memory")
{
    return await Plumb.Benchmarks.SnowPullBenchmarks.MeasurePeakAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
}

BenchmarkSwitcher.FromAssembly(typeof(Plumb.Benchmarks.SnowPullBenchmarks).Assembly).Run(args);
return 0;
