namespace Plumb.Modelling.Tests.Bpmn;

using System.Text;
using Plumb.Handbook.Diagnostics;
using Plumb.Modelling.Bpmn;

/// <summary>BPMN as other tools write it, and BPMN written to cost more than its size.</summary>
public sealed class BpmnInputTests
{
    // The shape GenMyModel exports: every element prefixed, and references written as QNames with the bpmn2 prefix.
    private const string PrefixedReferences = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
            xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="_Bln0" targetNamespace="http://www.genmymodel.com/bpmn2">
          <bpmn2:process id="_Bln1" name="Handle an incident">
            <bpmn2:startEvent id="_BlnStart" name="Reported"><bpmn2:outgoing>bpmn2:_BlnF1</bpmn2:outgoing></bpmn2:startEvent>
            <bpmn2:task id="_BlnLog" name="Log the incident">
              <bpmn2:incoming>bpmn2:_BlnF1</bpmn2:incoming><bpmn2:outgoing>bpmn2:_BlnF2</bpmn2:outgoing>
            </bpmn2:task>
            <bpmn2:exclusiveGateway id="_BlnGate" name="Known error?" default="bpmn2:_BlnF3">
              <bpmn2:incoming>bpmn2:_BlnF2</bpmn2:incoming><bpmn2:outgoing>bpmn2:_BlnF3</bpmn2:outgoing>
            </bpmn2:exclusiveGateway>
            <bpmn2:endEvent id="_BlnEnd" name="Resolved"><bpmn2:incoming>bpmn2:_BlnF3</bpmn2:incoming></bpmn2:endEvent>
            <bpmn2:sequenceFlow id="_BlnF1" sourceRef="bpmn2:_BlnStart" targetRef="bpmn2:_BlnLog"/>
            <bpmn2:sequenceFlow id="_BlnF2" sourceRef="bpmn2:_BlnLog" targetRef="bpmn2:_BlnGate"/>
            <bpmn2:sequenceFlow id="_BlnF3" sourceRef="bpmn2:_BlnGate" targetRef="bpmn2:_BlnEnd"/>
          </bpmn2:process>
          <bpmndi:BPMNDiagram id="_BlnD">
            <bpmndi:BPMNPlane id="_BlnP" bpmnElement="bpmn2:_Bln1">
              <bpmndi:BPMNShape id="_BlnS1" bpmnElement="bpmn2:_BlnLog"><dc:Bounds x="100" y="100" width="100" height="80"/></bpmndi:BPMNShape>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn2:definitions>
        """;

    [Fact]
    public void Prefixed_QName_references_resolve_to_the_elements_they_name()
    {
        var result = BpmnReader.Read(PrefixedReferences, "genmymodel.bpmn");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == BpmnErrors.DanglingReference);
        var process = Assert.Single(result.Definitions!.RootElements);
        var flows = process.Children.Where(c => c.Kind == "sequenceFlow").ToList();
        Assert.Equal(["_BlnStart", "_BlnLog", "_BlnGate"], flows.Select(f => f.Attribute("sourceRef")));
        Assert.Equal(["_BlnLog", "_BlnGate", "_BlnEnd"], flows.Select(f => f.Attribute("targetRef")));
        Assert.Equal("_BlnF3", process.Children.Single(c => c.Kind == "exclusiveGateway").Attribute("default"));
        Assert.Equal("_BlnLog", Assert.Single(result.Definitions.Diagrams).Shapes.Single().Element);
    }

    [Fact]
    public void A_file_nested_100000_deep_is_refused_at_the_limit()
    {
        var xml = new StringBuilder("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\">");
        for (var i = 0; i < 100_000; i++) xml.Append("<subProcess>");
        for (var i = 0; i < 100_000; i++) xml.Append("</subProcess>");
        xml.Append("</process></definitions>");

        var result = BpmnReader.Read(xml.ToString(), "deep.bpmn");

        Assert.Null(result.Definitions);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(BpmnErrors.TooLarge, error.Code);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains($"nested more than {BpmnReader.MaxDepth} levels", error.Message);
    }

    [Fact]
    public void An_over_long_attribute_is_refused_with_its_name()
    {
        var xml = $"<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\" name=\"{new string('x', BpmnReader.MaxAttributeLength + 1)}\"/></definitions>";

        var result = BpmnReader.Read(xml, "long.bpmn");

        Assert.Null(result.Definitions);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(BpmnErrors.TooLarge, error.Code);
        Assert.Contains("attribute 'name'", error.Message);
    }

    [Fact]
    public void An_over_long_text_is_refused()
    {
        var xml = $"<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\"><documentation>{new string('x', BpmnReader.MaxTextLength + 1)}</documentation></process></definitions>";

        var error = Assert.Single(BpmnReader.Read(xml, "text.bpmn").Diagnostics);
        Assert.Equal(BpmnErrors.TooLarge, error.Code);
    }
}
