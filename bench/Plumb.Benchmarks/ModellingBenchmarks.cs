namespace Plumb.Benchmarks;

using BenchmarkDotNet.Attributes;
using Plumb.Handbook.Model;
using Plumb.Modelling.Bpmn;
using Plumb.Modelling.Samples;

// Targets (issue 4): layout and BPMN writing of a 300-step procedure under 50 ms; reading every MIWG model under 1 s.
[MemoryDiagnoser]
public class ModellingBenchmarks
{
    private Handbook _handbook = null!;
    private Process _process = null!;
    private List<(string Name, string Text)> _miwg = [];

    [GlobalSetup]
    public void Setup()
    {
        _handbook = GeneratedHandbook.Create(300);
        _process = _handbook.FindProcess("generated")!;
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Plumb.slnx"))) root = root.Parent;
        var miwg = Path.Combine(root?.FullName ?? ".", "tests", "data", "bpmn-miwg");
        _miwg = Directory.Exists(miwg)
            ? [.. Directory.EnumerateFiles(miwg, "*.bpmn", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f)))]
            : [];
    }

    [Benchmark(Description = "layout + BPMN write, 300-step procedure")]
    public int LayoutAndWrite300Steps() => BpmnWriter.ToXml(ProcedureModeller.Model(_handbook, _process)).Length;

    [Benchmark(Description = "read every MIWG model")]
    public int ReadAllMiwgModels()
    {
        var elements = 0;
        foreach (var (name, text) in _miwg)
            elements += BpmnReader.Read(text, name, new BpmnReadOptions { Lenient = true }).Definitions?.RootElements.Count ?? 0;
        return elements;
    }
}
