namespace Plumb.Modelling.Tests.Import;

using Plumb.Handbook.Baseline;
using Plumb.Handbook.Model;
using Plumb.Handbook.Samples;
using Plumb.Modelling.Bpmn;
using Plumb.Modelling.Import;

public sealed class ProcedureFromBpmnTests
{
    private const string Incident = "incident";
    private const string Handle = "handle-incident";

    public static TheoryData<string, string, string> Procedures()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (name, handbook) in Handbooks())
        {
            foreach (var process in handbook.Processes)
            {
                foreach (var procedure in process.Procedures) data.Add(name, process.Id, procedure.Id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Procedures))]
    public void A_procedure_modelled_and_merged_back_unedited_is_unchanged(string handbookName, string processId, string procedureId)
    {
        var handbook = Handbooks().First(h => h.Name == handbookName).Handbook;
        var process = handbook.FindProcess(processId)!;
        var procedure = process.FindProcedure(procedureId)!;

        var merge = ProcedureFromBpmn.Merge(handbook, process, procedure, Written(handbook, process, procedure));

        Assert.Null(merge.Problem);
        Assert.Empty(merge.NewRoles);
        Assert.Empty(merge.Refusals);
        Assert.Equal(Flow(procedure), Flow(merge.Procedure));
        Assert.Equal(procedure.Steps.Select(s => (s.Instruction, s.Raci.Accountable.Count, s.Findings.Count, s.Tool?.Table)),
            merge.Procedure.Steps.Select(s => (s.Instruction, s.Raci.Accountable.Count, s.Findings.Count, s.Tool?.Table)));
    }

    [Fact]
    public void A_task_drawn_after_a_step_becomes_a_step_there_with_the_lane_as_responsible_and_the_accountable_of_the_procedure()
    {
        // Given the incident diagram with a new task between "resolve" and "close", drawn in the service desk lane
        var (handbook, process, procedure) = Example();
        var definitions = ProcedureModeller.Model(handbook, process, [procedure]);
        var bpmn = definitions.Processes.Single();
        var resolve = BpmnIds.Step(Handle, "resolve");
        var close = BpmnIds.Step(Handle, "close");
        bpmn.Children.RemoveAll(c => c.Kind == "sequenceFlow" && c.Attribute("sourceRef") == resolve && c.Attribute("targetRef") == close);
        bpmn.Add(new BpmnElement("userTask", "Activity_1x2y3z", "Check the fix with the caller"));
        bpmn.Add(Flow("Flow_a", resolve, "Activity_1x2y3z"));
        bpmn.Add(Flow("Flow_b", "Activity_1x2y3z", close));
        Lane(bpmn, BpmnIds.Lane(Handle, "service-desk-agent")).Add(new BpmnElement("flowNodeRef") { Text = "Activity_1x2y3z" });

        // When it is merged back
        var merged = ProcedureFromBpmn.Merge(handbook, process, procedure, RoundTrip(definitions)).Procedure;

        // Then the step sits between them, answers to the incident manager, and the steps around it keep their fields
        Assert.Equal(["log", "resolve", "check-the-fix-with-the-caller", "close"], merged.Steps.Select(s => s.Id));
        var added = merged.FindStep("check-the-fix-with-the-caller")!;
        Assert.Equal((StepKind.User, "service-desk-agent", "incident-manager"), (added.Kind, added.Raci.Responsible.Single(), added.Raci.Accountable.Single()));
        Assert.All(merged.Steps, s => Assert.Null(s.Next));
        Assert.Equal(procedure.FindStep("resolve")!.Instruction, merged.FindStep("resolve")!.Instruction);
        Assert.Equal(procedure.FindStep("close")!.Raci.Informed, merged.FindStep("close")!.Raci.Informed);
    }

    [Fact]
    public void A_task_moved_to_a_lane_of_a_new_name_is_handed_to_a_new_role_not_yet_in_place()
    {
        var (handbook, process, procedure) = Example();
        var definitions = ProcedureModeller.Model(handbook, process, [procedure]);
        var bpmn = definitions.Processes.Single();
        var laneSet = bpmn.ChildrenOf("laneSet").Single();
        var resolve = BpmnIds.Step(Handle, "resolve");
        foreach (var lane in laneSet.Children) lane.Children.RemoveAll(r => r.Text == resolve);
        laneSet.Add(new BpmnElement("lane", "Lane_0abc", "Resolver Group")).Add(new BpmnElement("flowNodeRef") { Text = resolve });

        var merge = ProcedureFromBpmn.Merge(handbook, process, procedure, RoundTrip(definitions));

        var role = Assert.Single(merge.NewRoles);
        Assert.Equal(("resolver-group", "Resolver Group", false), (role.Id, role.Name, role.InPlace));
        Assert.Equal("resolver-group", merge.Procedure.FindStep("resolve")!.Raci.Responsible[0]);
        Assert.Equal("service-desk-agent", merge.Procedure.FindStep("log")!.Raci.Responsible[0]);
    }

    [Fact]
    public void A_gateway_drawn_after_a_step_becomes_its_decision_and_a_removed_task_drops_its_step()
    {
        // Given "log" now asks whether the desk can fix it: yes goes to "resolve", no ends; and "close" is deleted
        var (handbook, process, procedure) = Example();
        var definitions = ProcedureModeller.Model(handbook, process, [procedure]);
        var bpmn = definitions.Processes.Single();
        var log = BpmnIds.Step(Handle, "log");
        var resolve = BpmnIds.Step(Handle, "resolve");
        var close = BpmnIds.Step(Handle, "close");
        bpmn.Children.RemoveAll(c => c.Id == close || (c.Kind == "sequenceFlow" && (c.Attribute("sourceRef") is { } s && (s == log || s == close)
            || c.Attribute("targetRef") == close)));
        var end = bpmn.Children.First(c => c.Kind == "endEvent").Id!;
        bpmn.Add(new BpmnElement("exclusiveGateway", "Gateway_0q", "Can the desk fix it?"));
        bpmn.Add(Flow("Flow_1", log, "Gateway_0q"));
        bpmn.Add(Flow("Flow_2", "Gateway_0q", resolve, "yes"));
        bpmn.Add(Flow("Flow_3", "Gateway_0q", end, "no"));
        bpmn.Add(Flow("Flow_4", resolve, end));
        foreach (var lane in bpmn.Descendants().Where(e => e.Kind == "lane")) lane.Children.RemoveAll(r => r.Text == close);

        var merged = ProcedureFromBpmn.Merge(handbook, process, procedure, RoundTrip(definitions)).Procedure;

        Assert.Equal(["log", "resolve"], merged.Steps.Select(s => s.Id));
        var decision = merged.FindStep("log")!.Decision!;
        Assert.Equal(("Can the desk fix it?", DecisionKind.Exclusive), (decision.Question, decision.Kind));
        Assert.Equal([("yes", "resolve"), ("no", Step.End)], decision.Branches.Select(b => (b.When!, b.Goto)));
    }

    // https://plumb.dev/issues/20: a flow from a deciding step to a new task turned the decision into a parallel split and dropped a branch.
    [Fact]
    public void A_flow_drawn_from_a_deciding_step_beside_its_gateway_is_refused_on_that_flow_and_the_decision_is_kept()
    {
        // Given "log" decides between "resolve" and "raise-change", and the user connects "log" straight to a new task
        var (handbook, process, procedure) = Deciding();
        var definitions = ProcedureModeller.Model(handbook, process, [procedure]);
        var bpmn = definitions.Processes.Single();
        bpmn.Add(new BpmnElement("userTask", "Activity_new", "Tell the caller"));
        bpmn.Add(Flow("Flow_new", BpmnIds.Step(Handle, "log"), "Activity_new"));
        bpmn.Add(Flow("Flow_on", "Activity_new", BpmnIds.Step(Handle, "close")));

        // When it is merged back
        var merge = ProcedureFromBpmn.Merge(handbook, process, procedure, RoundTrip(definitions));

        // Then the save is refused on the new flow, with the reason, and the decision and its branches are still there
        var refusal = Assert.Single(merge.Refusals);
        Assert.Equal("Flow_new", refusal.Element);
        Assert.Contains("'Log the incident' goes into the decision 'Can the desk fix it?' and also straight to 'Tell the caller'", refusal.Reason,
            StringComparison.Ordinal);
        var decision = merge.Procedure.FindStep("log")!.Decision!;
        Assert.Equal(DecisionKind.Exclusive, decision.Kind);
        Assert.Equal(["resolve", "raise-change"], decision.Branches.Select(b => b.Goto));
    }

    [Fact]
    public void A_branch_removed_so_that_a_drawn_step_can_no_longer_be_reached_is_refused_on_that_step()
    {
        var (handbook, process, procedure) = Deciding();
        var definitions = ProcedureModeller.Model(handbook, process, [procedure]);
        var bpmn = definitions.Processes.Single();
        var change = BpmnIds.Step(Handle, "raise-change");
        bpmn.Children.RemoveAll(c => c.Kind == "sequenceFlow" && c.Attribute("targetRef") == change);

        var merge = ProcedureFromBpmn.Merge(handbook, process, procedure, RoundTrip(definitions));

        var refusal = Assert.Single(merge.Refusals);
        Assert.Equal(change, refusal.Element);
        Assert.StartsWith("'Raise a change for the fix' would become unreachable", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_deleted_with_its_branch_is_dropped_without_refusal()
    {
        // Given the user deletes "raise-change" and every flow into and out of it
        var (handbook, process, procedure) = Deciding();
        var definitions = ProcedureModeller.Model(handbook, process, [procedure]);
        var bpmn = definitions.Processes.Single();
        var change = BpmnIds.Step(Handle, "raise-change");
        bpmn.Children.RemoveAll(c => c.Id == change || (c.Kind == "sequenceFlow" && (c.Attribute("targetRef") == change || c.Attribute("sourceRef") == change)));
        foreach (var lane in bpmn.Descendants().Where(e => e.Kind == "lane")) lane.Children.RemoveAll(r => r.Text == change);

        var merge = ProcedureFromBpmn.Merge(handbook, process, procedure, RoundTrip(definitions));

        Assert.Empty(merge.Refusals);
        Assert.Equal(["log", "resolve", "close"], merge.Procedure.Steps.Select(s => s.Id));
    }

    [Fact]
    public void A_diagram_from_another_modeler_becomes_steps_with_lanes_as_new_roles()
    {
        // Given the BPMN MIWG reference model A.4.0 (two lanes, drawn in another tool), merged into an empty procedure
        var (handbook, process, _) = Example();
        var read = BpmnReader.Read(File.ReadAllText(Path.Combine(TestData.Miwg, "Reference", "A.4.0.bpmn")), "A.4.0.bpmn");

        var merge = ProcedureFromBpmn.Merge(handbook, process, new Procedure { Id = "imported", Name = "Imported" }, read.Definitions!);

        Assert.Contains(merge.Procedure.Steps, s => s.Name.StartsWith("Task ", StringComparison.Ordinal));
        Assert.Contains(merge.NewRoles, r => r.Name == "Lane 1" && !r.InPlace);
        Assert.All(merge.Procedure.Steps, s => Assert.Single(s.Raci.Responsible));
    }

    [Fact]
    public void A_file_without_a_process_is_a_problem_not_an_exception()
    {
        var (handbook, process, procedure) = Example();

        var merge = ProcedureFromBpmn.Merge(handbook, process, procedure, new BpmnDefinitions());

        Assert.Equal("the diagram has no process", merge.Problem);
        Assert.Equal(procedure.Steps.Count, merge.Procedure.Steps.Count);
    }

    // The baseline library has decisions, joins and calls between processes, which the small handbooks lack.
    private static IEnumerable<(string Name, Handbook Handbook)> Handbooks() =>
        TestData.Handbooks().Append(("baseline", BaselineLibrary.Load()));

    private static (Handbook, Process, Procedure) Example()
    {
        var handbook = ExampleHandbook.Create("Acme");
        var process = handbook.FindProcess(Incident)!;
        return (handbook, process, process.FindProcedure(Handle)!);
    }

    // The example procedure where "log" decides: the desk fixes it ("resolve"), or a change is raised first ("raise-change").
    private static (Handbook, Process, Procedure) Deciding()
    {
        var (handbook, process, procedure) = Example();
        procedure.Steps.Insert(2, new Step
        {
            Id = "raise-change", Name = "Raise a change for the fix", Next = "close",
            Raci = new Raci { Responsible = ["incident-manager"], Accountable = ["incident-manager"] },
        });
        procedure.FindStep("resolve")!.Next = "close";
        procedure.FindStep("log")!.Decision = new Decision
        {
            Question = "Can the desk fix it?",
            Branches = [new Branch { When = "yes", Goto = "resolve" }, new Branch { When = "no", Goto = "raise-change" }],
        };
        return (handbook, process, procedure);
    }

    private static BpmnDefinitions Written(Handbook handbook, Process process, Procedure procedure) =>
        RoundTrip(ProcedureModeller.Model(handbook, process, [procedure]));

    // Through XML and back, as the browser's modeler sends it.
    private static BpmnDefinitions RoundTrip(BpmnDefinitions definitions)
    {
        var read = BpmnReader.Read(BpmnWriter.ToXml(definitions), "diagram.bpmn");
        Assert.True(read.Succeeded, string.Join("\n", read.Diagnostics.Select(d => d.Format())));
        return read.Definitions!;
    }

    private static BpmnElement Flow(string id, string from, string to, string? name = null) =>
        new BpmnElement("sequenceFlow", id, name).With("sourceRef", from).With("targetRef", to);

    private static BpmnElement Lane(BpmnElement bpmn, string id) => bpmn.Descendants().First(e => e.Kind == "lane" && e.Id == id);

    // What the diagram carries, with implied next steps spelled out so that equal flows compare equal.
    private static List<string> Flow(Procedure procedure) =>
    [
        .. procedure.Steps.Select((s, i) =>
        {
            var next = s.Next ?? (i + 1 < procedure.Steps.Count ? procedure.Steps[i + 1].Id : Step.End);
            var decision = s.Decision is { Branches.Count: > 1 } d
                ? $"{d.Kind} {d.Question}: {string.Join(", ", d.Branches.Select(b => $"{b.When}->{b.Goto}"))}"
                : s.Decision is { Branches.Count: 1 } single ? $"->{single.Branches[0].Goto}" : $"->{next}";
            return $"{s.Id} '{s.Name}' {s.Kind} [{s.Raci.Responsible.FirstOrDefault()}] join {s.Join} call {s.Call} {decision}";
        }),
    ];
}
