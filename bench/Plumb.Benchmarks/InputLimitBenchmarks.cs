namespace Plumb.Benchmarks;

using System.Text;
using BenchmarkDotNet.Attributes;
using Plumb.Handbook.Yaml;
using Plumb.Modelling.Bpmn;

// Targets (issue 19): hostile input is refused in well under a second, at a cost linear in the input up to the limit:
// a BPMN file nested 100,000 deep (61 s of CPU before the limit), a 30 MB attribute (2.8 GB before), a YAML value
// nested 100,000 deep (a stack overflow before).
[MemoryDiagnoser]
public class InputLimitBenchmarks
{
    private string _deepBpmn = "";
    private string _longAttribute = "";
    private string _deepYaml = "";

    [GlobalSetup]
    public void Setup()
    {
        var xml = new StringBuilder("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\">");
        xml.Insert(xml.Length, "<subProcess>", 100_000).Insert(xml.Length, "</subProcess>", 100_000).Append("</process></definitions>");
        _deepBpmn = xml.ToString();
        _longAttribute = $"<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\" name=\"{new string('x', 30_000_000)}\"/></definitions>";
        _deepYaml = "name: Deep\ndescription: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
    }

    [Benchmark(Description = "refuse BPMN nested 100,000 deep")]
    public int RefuseDeepBpmn() => BpmnReader.Read(_deepBpmn, "deep.bpmn").Diagnostics.Count;

    [Benchmark(Description = "refuse a 30 MB BPMN attribute")]
    public int RefuseLongAttribute() => BpmnReader.Read(_longAttribute, "long.bpmn").Diagnostics.Count;

    [Benchmark(Description = "refuse YAML nested 100,000 deep")]
    public int RefuseDeepYaml() => HandbookYamlReader.ReadHandbook(_deepYaml).Errors.Count;
}
