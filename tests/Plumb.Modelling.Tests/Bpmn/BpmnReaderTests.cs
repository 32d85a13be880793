namespace Plumb.Modelling.Tests.Bpmn;

using Plumb.Handbook.Diagnostics;
using Plumb.Modelling.Bpmn;

public class BpmnReaderTests
{
    // Models the round trip is known not to keep whole, with the reason; empty while every reference model passes.
    private static readonly Dictionary<string, string> KnownRoundTripFailures = new(StringComparer.Ordinal);

    public static TheoryData<string> MiwgModels()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TestData.Miwg, "*.bpmn", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(TestData.Miwg, file));
        return data;
    }

    public static TheoryData<string> ReferenceModels()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestData.Miwg, "Reference"), "*.bpmn").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(MiwgModels))]
    public void Every_MIWG_model_of_every_tool_is_read_without_error(string model)
    {
        // Some tools export orphan flows, repeated ids or their own elements in the BPMN namespace: lenient reading drops them with a warning.
        var result = BpmnReader.Read(File.ReadAllText(Path.Combine(TestData.Miwg, model)), model, new BpmnReadOptions { Lenient = true });

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        Assert.NotEmpty(result.Definitions!.RootElements);
    }

    [Theory]
    [MemberData(nameof(ReferenceModels))]
    public void Every_MIWG_reference_model_is_read_strictly_without_a_warning(string model)
    {
        var result = BpmnReader.Read(File.ReadAllText(Path.Combine(TestData.Miwg, "Reference", model)), model);

        Assert.True(result.Succeeded && result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
    }

    [Theory]
    [MemberData(nameof(ReferenceModels))]
    public void Reading_then_writing_a_MIWG_reference_model_keeps_its_elements_and_flows(string model)
    {
        Assert.SkipWhen(KnownRoundTripFailures.ContainsKey(model), KnownRoundTripFailures.GetValueOrDefault(model) ?? "");
        var first = BpmnReader.Read(File.ReadAllText(Path.Combine(TestData.Miwg, "Reference", model)), model).Definitions!;

        var written = BpmnWriter.ToXml(first);
        var second = BpmnReader.Read(written, model);

        Assert.True(second.Succeeded, string.Join("\n", second.Diagnostics.Select(d => d.Format())));
        Assert.Equal(Semantics(first), Semantics(second.Definitions!));
        Assert.Equal(Diagram(first), Diagram(second.Definitions!));
        Assert.Empty(BpmnSchema.Validate(written));
    }

    [Fact]
    public void A_DTD_is_refused_and_never_fetched()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE definitions [ <!ENTITY x SYSTEM "http://127.0.0.1:9/secret"> ]>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&x;</definitions>
            """;

        var result = BpmnReader.Read(xml, "evil.bpmn");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(BpmnErrors.DtdRefused, error.Code);
        Assert.True(error.At!.Value.Line is 1 or 2, error.Format());
        Assert.Null(result.Definitions);
    }

    [Fact]
    public void Malformed_XML_is_reported_at_its_line()
    {
        var result = BpmnReader.Read("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<process id=\"p\">\n</definitions>", "bad.bpmn");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(BpmnErrors.MalformedXml, error.Code);
        Assert.Equal(3, error.At!.Value.Line);
        Assert.StartsWith("bad.bpmn:3:", error.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_element_and_a_dangling_flow_are_errors_with_their_lines()
    {
        const string xml = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
              <process id="p">
                <usertask id="a" />
                <task id="b" />
                <sequenceFlow id="f" sourceRef="b" targetRef="nowhere" />
              </process>
            </definitions>
            """;

        var result = BpmnReader.Read(xml, "odd.bpmn");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == BpmnErrors.UnknownElement && d.At!.Value.Line == 3 && d.Message.Contains("userTask", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == BpmnErrors.DanglingReference && d.At!.Value.Line == 5 && d.Message.Contains("nowhere", StringComparison.Ordinal));
        Assert.All(result.Diagnostics, d => Assert.Equal(Severity.Error, d.Severity));
    }

    private static List<string> Semantics(BpmnDefinitions definitions) =>
        definitions.AllElements()
            .Select(e => $"{e.Kind}|{e.Id}|{e.Name}|{string.Join(",", e.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"))}|{e.Text}")
            .ToList();

    private static List<string> Diagram(BpmnDefinitions definitions) =>
        definitions.Diagrams.SelectMany(d => d.Shapes.Select(s => $"{s.Element} {s.Bounds} {s.Label}")
            .Concat(d.Edges.Select(e => $"{e.Element} {string.Join(" ", e.Waypoints)}"))).ToList();
}
