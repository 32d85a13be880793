namespace Plumb.Editor.Tests.Bpmn;

using Plumb.Editor.Bpmn;
using Plumb.Handbook.Model;
using Plumb.Handbook.Samples;

public sealed class ProcedureBpmnTests
{
    [Fact]
    public void A_procedure_written_for_the_modeler_and_read_back_is_unchanged()
    {
        var handbook = ExampleHandbook.Create("Acme");
        var procedure = handbook.FindProcess("incident")!.Procedures[0];

        var (read, newRoles) = ProcedureBpmnReader.Apply(handbook, procedure, ProcedureBpmnWriter.Write(handbook, procedure));

        Assert.Empty(newRoles);
        Assert.Equal(procedure.Steps.Select(s => (s.Id, s.Name, s.Next, s.Raci.Responsible.FirstOrDefault())),
            read.Steps.Select(s => (s.Id, s.Name, s.Next, s.Raci.Responsible.FirstOrDefault())));
    }

    [Fact]
    public void A_diagram_from_another_modeler_becomes_steps_with_lanes_as_new_roles()
    {
        // Given the BPMN MIWG reference model A.4.0 (two lanes, drawn in another tool)
        var xml = File.ReadAllText(Path.Combine(RepositoryRoot(), "../shared/data/bpmn-miwg/Reference/A.4.0.bpmn"));
        var handbook = ExampleHandbook.Create("Acme");

        // When it is applied to an empty procedure
        var (read, newRoles) = ProcedureBpmnReader.Apply(handbook, new Procedure { Id = "imported", Name = "Imported" }, xml);

        // Then its tasks are steps and its lanes are roles that are not yet in place
        Assert.NotEmpty(read.Steps);
        Assert.Contains(read.Steps, s => s.Name.StartsWith("Task ", StringComparison.Ordinal));
        Assert.All(read.Steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Name)));
        Assert.Contains(newRoles, r => r.Name == "Lane 1" && !r.InPlace);
        Assert.All(read.Steps, s => Assert.Single(s.Raci.Responsible));
    }

    [Fact]
    public void A_diagram_with_a_document_type_declaration_is_refused()
    {
        const string xml = """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><definitions>&e;</definitions>""";
        var handbook = ExampleHandbook.Create("Acme");

        Assert.ThrowsAny<System.Xml.XmlException>(() => ProcedureBpmnReader.Apply(handbook, new Procedure(), xml));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Plumb.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Plumb.slnx not found above the test's folder");
    }
}
