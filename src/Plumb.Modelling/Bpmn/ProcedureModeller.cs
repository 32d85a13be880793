namespace Plumb.Modelling.Bpmn;

using System.Reflection;
using Plumb.Handbook.Model;
using Plumb.Handbook.References;
using Plumb.Modelling.Layout;

/// <summary>
/// Turns procedures into BPMN 2.0: one collaboration and pool per procedure, a lane per responsible role, a task per step
/// (user, manual or service; a call activity when the step calls another procedure), gateways for decisions and joins,
/// start and end events from trigger and outcome, data objects from inputs and outputs, instructions as documentation,
/// and a complete laid-out diagram.
/// </summary>
public static partial class ProcedureModeller
{
    /// <summary>Every procedure of a process in one file.</summary>
    public static BpmnDefinitions Model(Handbook handbook, Process process) => Model(handbook, process, process.Procedures);

    /// <summary>The given procedures of a process in one file.</summary>
    public static BpmnDefinitions Model(Handbook handbook, Process process, IEnumerable<Procedure> procedures)
    {
        var definitions = new BpmnDefinitions
        {
            Id = $"Definitions_{BpmnIds.Clean(process.Id)}",
            TargetNamespace = $"urn:plumb:process:{BpmnIds.Clean(process.Id)}",
            Exporter = "Plumb",
            ExporterVersion = typeof(ProcedureModeller).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?.Split('+')[0] ?? "1.0",
        };
        foreach (var procedure in procedures) AddProcedure(definitions, handbook, process, procedure);
        return definitions;
    }

    private static void AddProcedure(BpmnDefinitions definitions, Handbook handbook, Process process, Procedure procedure)
    {
        var flow = new ProcedureFlow(handbook, process, procedure);
        flow.Build();
        var processId = BpmnIds.Process(process.Id, procedure.Id);
        var collaboration = new BpmnElement("collaboration", BpmnIds.Collaboration(process.Id, procedure.Id));
        collaboration.Add(new BpmnElement("participant", BpmnIds.Participant(process.Id, procedure.Id), procedure.Name).With("processRef", processId));
        var bpmnProcess = new BpmnElement("process", processId, procedure.Name).With("isExecutable", "false");
        if (!string.IsNullOrWhiteSpace(procedure.Purpose)) bpmnProcess.Add(Documentation(procedure.Purpose));
        var laneSet = bpmnProcess.Add(new BpmnElement("laneSet", $"LaneSet_{BpmnIds.Clean(procedure.Id)}"));
        for (var lane = 0; lane < flow.Lanes.Count; lane++)
        {
            var element = laneSet.Add(new BpmnElement("lane", flow.Lanes[lane].Id, flow.Lanes[lane].Name));
            foreach (var node in flow.Nodes.Where(n => n.Lane == lane)) element.Add(new BpmnElement("flowNodeRef") { Text = node.Id });
        }

        foreach (var record in flow.Records) bpmnProcess.Add(new BpmnElement("dataObject", record.Value).With("isCollection", "false"));
        foreach (var data in flow.Nodes.SelectMany(n => n.Data))
        {
            bpmnProcess.Add(new BpmnElement("dataObjectReference", data.Id, data.Label).With("dataObjectRef", flow.Records[data.Record]));
        }

        foreach (var node in flow.Nodes) bpmnProcess.Add(NodeElement(node, flow));
        foreach (var edge in flow.Flows) bpmnProcess.Add(FlowElement(edge));
        definitions.RootElements.Add(collaboration);
        definitions.RootElements.Add(bpmnProcess);
        definitions.Diagrams.Add(Diagram(flow, collaboration, LayeredLayout.Run(flow.ToLayoutGraph())));
    }

    private static BpmnElement NodeElement(FlowNode node, ProcedureFlow flow)
    {
        var element = new BpmnElement(node.Kind, node.Id, node.Name);
        if (!string.IsNullOrWhiteSpace(node.Documentation)) element.Add(Documentation(node.Documentation));
        foreach (var edge in flow.Flows.Where(f => f.To == node.Id)) element.Add(new BpmnElement("incoming") { Text = edge.Id });
        foreach (var edge in flow.Flows.Where(f => f.From == node.Id)) element.Add(new BpmnElement("outgoing") { Text = edge.Id });
        if (node.CalledElement is { } called) element.With("calledElement", called);
        if (node.DefaultFlow is { } defaultFlow) element.With("default", defaultFlow);
        var inputs = node.Data.Where(d => d.IsInput).ToList();
        var outputs = node.Data.Where(d => !d.IsInput).ToList();
        // bpmn-js convention: an input association targets a placeholder property of the activity.
        var placeholder = $"Property_{node.Id}";
        if (inputs.Count > 0) element.Add(new BpmnElement("property", placeholder, "__targetRef_placeholder"));
        foreach (var input in inputs)
        {
            var association = element.Add(new BpmnElement("dataInputAssociation", input.AssociationId));
            association.Add(new BpmnElement("sourceRef") { Text = input.Id });
            association.Add(new BpmnElement("targetRef") { Text = placeholder });
        }

        foreach (var output in outputs)
        {
            element.Add(new BpmnElement("dataOutputAssociation", output.AssociationId)).Add(new BpmnElement("targetRef") { Text = output.Id });
        }

        return element;
    }

    private static BpmnElement FlowElement(FlowEdge edge)
    {
        var element = new BpmnElement("sequenceFlow", edge.Id, edge.Name).With("sourceRef", edge.From).With("targetRef", edge.To);
        if (edge.Condition is { } condition)
        {
            element.Add(new BpmnElement("conditionExpression") { Text = condition }.With("xsi:type", "tFormalExpression"));
        }

        return element;
    }

    private static BpmnElement Documentation(string text) => new("documentation") { Text = text.Trim() };

    /// <summary>The procedure a call target (<c>process/procedure</c> or a sibling procedure id) names, if it resolves.</summary>
    public static (Process Process, Procedure Procedure)? CallTarget(Handbook handbook, Process process, string call)
    {
        var reference = Reference.Resolve(handbook, call, process, null);
        return reference is { Kind: ReferenceKind.Procedure, Process: { } p, Procedure: { } target } ? (p, target) : null;
    }
}
