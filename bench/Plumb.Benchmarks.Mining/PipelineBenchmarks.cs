namespace Plumb.Benchmarks.Mining;

using BenchmarkDotNet.Attributes;

/// <summary>CSV read + DFG + variants + token replay + every KPI on a generated log of about a million events.</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private byte[] _csv = [];

    [Params(230_000)]
    public int Cases { get; set; }

    [GlobalSetup]
    public void Setup() => _csv = IncidentWorkload.GenerateCsv(Cases);

    [Benchmark]
    public double ReadDiscoverReplayKpis() => IncidentWorkload.Run(_csv);
}
