namespace Plumb.Modelling.Tests.Bpmn;

using System.Xml.Linq;
using Plumb.Handbook.Samples;
using Plumb.Modelling.Bpmn;

public class BpmnWriterTests
{
    public static TheoryData<string, string> Processes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, _, process) in TestData.Processes()) data.Add(name, process.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Processes))]
    public void Every_process_of_every_handbook_validates_against_the_OMG_schema(string handbook, string process)
    {
        var (_, book, selected) = TestData.Processes().Single(p => p.Name == handbook && p.Process.Id == process);

        var xml = BpmnWriter.ToXml(ProcedureModeller.Model(book, selected));

        Assert.Empty(BpmnSchema.Validate(xml));
    }

    [Fact]
    public void A_step_becomes_a_task_of_its_kind_with_a_stable_id_in_its_role_lane()
    {
        var handbook = ExampleHandbook.Create("Example");

        var xml = XDocument.Parse(BpmnWriter.ToXml(ProcedureModeller.Model(handbook, handbook.Processes[0])));

        XNamespace b = BpmnKinds.ModelNamespace;
        var task = xml.Descendants(b + "userTask").First(t => (string?)t.Attribute("id") == "Step_handle-incident_log");
        Assert.Equal("Log the incident", (string?)task.Attribute("name"));
        Assert.StartsWith("Create an incident record", task.Element(b + "documentation")!.Value, StringComparison.Ordinal);
        var lane = xml.Descendants(b + "lane").Single(l => l.Elements(b + "flowNodeRef").Any(r => r.Value == "Step_handle-incident_log"));
        Assert.Equal("Service Desk Agent", (string?)lane.Attribute("name"));
        Assert.Equal("A disruption is reported.", (string?)xml.Descendants(b + "startEvent").Single().Attribute("name"));
        Assert.NotEmpty(task.Elements(b + "dataInputAssociation"));
    }

    [Fact]
    public void A_decision_becomes_a_gateway_with_conditions_and_a_call_a_call_activity()
    {
        var handbook = Plumb.Modelling.Samples.GeneratedHandbook.Create(20);
        var process = handbook.FindProcess("generated")!;

        var xml = XDocument.Parse(BpmnWriter.ToXml(ProcedureModeller.Model(handbook, process)));

        XNamespace b = BpmnKinds.ModelNamespace;
        var gateway = xml.Descendants(b + "exclusiveGateway").First(g => g.Elements(b + "outgoing").Count() > 1);
        var outgoing = xml.Descendants(b + "sequenceFlow").Where(f => (string?)f.Attribute("sourceRef") == (string?)gateway.Attribute("id")).ToList();
        Assert.All(outgoing, f => Assert.True(f.Element(b + "conditionExpression") is not null || (string?)gateway.Attribute("default") == (string?)f.Attribute("id")));
        Assert.Contains(xml.Descendants(b + "parallelGateway"), g => g.Elements(b + "incoming").Count() > 1);
        var call = xml.Descendants(b + "callActivity").First();
        Assert.Equal("Process_incident_handle-incident", (string?)call.Attribute("calledElement"));
    }
}
