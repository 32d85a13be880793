namespace Plumb.Benchmarks.Handbook;

using BenchmarkDotNet.Attributes;
using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Folder;
using Plumb.Handbook.Lint;

/// <summary>
/// <c>plumb check</c> of a 200-process handbook (600 procedures, 4 800 steps) kept as a folder: read every file with
/// positions, run every lint rule and locate each problem. Target: well under one second.
/// </summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private string _directory = "";

    [Params(200)]
    public int Processes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"plumb-bench-{Processes}-{Environment.ProcessId}");
        HandbookFolder.Save(SyntheticHandbook.Create(Processes, seed: 20261125), _directory);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Description = "load + lint")]
    public int LoadAndLint()
    {
        var load = HandbookFolder.Load(_directory);
        if (load.Handbook is null) throw new InvalidOperationException(load.Errors[0].Format());
        return Linter.Check(load.Handbook).Select(load.Locate).Count(d => d.Severity == Severity.Error);
    }

    /// <summary>The loaded handbook, for timing rules one by one.</summary>
    public Plumb.Handbook.Model.Handbook LoadOnly() => HandbookFolder.Load(_directory).Handbook!;

    [Benchmark(Description = "load only")]
    public int Load() => HandbookFolder.Load(_directory).Handbook!.Processes.Count;
}
