namespace Plumb.ServiceNow.Tests.Drift;

using Plumb.Handbook.Model;
using Plumb.Handbook.Samples;
using Plumb.ServiceNow.Drift;
using Plumb.ServiceNow.Snapshot;

public sealed class DriftTests
{
    private static List<DriftItem> Drift(Handbook handbook, ConfigurationSnapshot snapshot) => DriftChecker.Check(handbook, snapshot).Drift.ToList();

    [Fact]
    public void The_baseline_handbook_agrees_with_an_out_of_box_instance()
    {
        var report = DriftChecker.Check(Baseline.IncidentHandbook(), Baseline.OutOfBoxSnapshot());

        Assert.False(report.HasDrift, string.Join("\n", report.Items.Select(i => i.Message)));
        // The reassignment KPI has no time target, so no SLA is compared; nothing else is left unchecked.
        Assert.Empty(report.Notes);
    }

    [Fact]
    public void A_state_the_instance_lacks_is_reported_once_with_both_fixes()
    {
        var snapshot = Baseline.OutOfBoxSnapshot();
        snapshot.Choices.RemoveAll(c => c.Table == "incident" && c.Element == "state" && c.Value == "3");
        var handbook = Baseline.IncidentHandbook();
        handbook.Processes[0].Procedures[0].Steps.Add(new Step { Id = "wait-again", Name = "Wait again", Tool = new ToolMapping { Table = "incident", States = ["3"] } });

        var item = Assert.Single(Drift(handbook, snapshot));
        Assert.Equal(DriftCodes.StateMissing, item.Code);
        Assert.Equal("processes/incident.yaml", item.Document);
        Assert.Equal("procedures[0].steps[2].tool.states[0]", item.Path);
        Assert.Contains("incident/handle/wait, incident/handle/wait-again", item.Message);
        Assert.Contains("add choice 3 to incident.state in the instance, or correct tool.states", item.Fix);
    }

    [Fact]
    public void An_inactive_mapped_state_and_an_undocumented_state_are_reported()
    {
        var snapshot = Baseline.OutOfBoxSnapshot();
        var canceled = snapshot.Choices.FindIndex(c => c.Table == "incident" && c.Element == "state" && c.Value == "8");
        snapshot.Choices[canceled] = snapshot.Choices[canceled] with { Inactive = true };
        snapshot.Choices.Add(new ChoiceEntry("incident", "state", "9", "Awaiting Vendor"));

        var items = Drift(Baseline.IncidentHandbook(), snapshot);
        Assert.Equal([DriftCodes.StateInactive, DriftCodes.StateUndocumented], items.Select(i => i.Code));
        Assert.Contains("incident.state = 9 (Awaiting Vendor)", items[1].Message);
    }

    [Fact]
    public void Choices_of_a_table_without_its_own_fall_back_to_task()
    {
        var handbook = Baseline.IncidentHandbook();
        handbook.Processes[0].Procedures[0].Steps.Add(new Step { Id = "fulfil", Name = "Fulfil", Tool = new ToolMapping { Table = "sc_req_item", States = ["2", "42"] } });
        var snapshot = Baseline.OutOfBoxSnapshot();

        var items = Drift(handbook, snapshot);
        var missing = Assert.Single(items, i => i.Code == DriftCodes.StateMissing);
        Assert.Contains("sc_req_item.state = 42", missing.Message);
        Assert.Equal(5, items.Count(i => i.Code == DriftCodes.StateUndocumented && i.Subject == "sc_req_item.state"));
    }

    [Fact]
    public void Tool_mappings_that_point_nowhere_are_reported_once_per_table_and_field()
    {
        var handbook = Baseline.IncidentHandbook();
        var steps = handbook.Processes[0].Procedures[0].Steps;
        steps.Add(new Step { Id = "a", Name = "A", Tool = new ToolMapping { Table = "u_major_incident", States = ["1"] } });
        steps.Add(new Step { Id = "b", Name = "B", Tool = new ToolMapping { Table = "u_major_incident", States = ["2"] } });
        steps.Add(new Step { Id = "c", Name = "C", Tool = new ToolMapping { Table = "incident", Field = "u_phase", States = [] } });

        var snapshot = Baseline.OutOfBoxSnapshot();
        snapshot.Tables.UnionWith(["task", "incident", "problem", "change_request", "sc_req_item", "sc_task"]);
        snapshot.TableListComplete = true;

        var items = Drift(handbook, snapshot);
        Assert.Equal([DriftCodes.TableUnknown, DriftCodes.FieldUnknown], items.Select(i => i.Code));
        Assert.Equal(DriftSide.Handbook, items[0].Change);
    }

    [Fact]
    public void A_table_the_snapshot_cannot_see_is_unknown_and_its_checks_are_skipped_with_a_note()
    {
        var handbook = Baseline.IncidentHandbook();
        handbook.Processes[0].Procedures[0].Steps.Add(new Step { Id = "a", Name = "A", Tool = new ToolMapping { Table = "u_major_incident", States = ["1"] } });
        var snapshot = Baseline.OutOfBoxSnapshot(); // no sys_db_object rows: the table list was not read

        var report = DriftChecker.Check(handbook, snapshot);

        Assert.False(report.HasDrift, string.Join("\n", report.Drift.Select(i => i.Message)));
        var note = Assert.Single(report.Notes, n => n.Subject == "table u_major_incident");
        Assert.Contains("cannot tell whether the instance has table 'u_major_incident' (the snapshot has no sys_db_object rows", note.Message);
        Assert.Contains("step incident/handle/a was not checked", note.Message);
    }

    [Fact]
    public void A_mapping_that_names_only_a_table_does_not_claim_a_state_field()
    {
        var handbook = Baseline.IncidentHandbook();
        handbook.Processes[0].Procedures[0].Steps.Add(new Step { Id = "ci", Name = "Check the CI", Tool = new ToolMapping { Table = "cmdb_ci" } });
        var snapshot = Baseline.OutOfBoxSnapshot();
        snapshot.Tables.UnionWith(["task", "incident", "cmdb_ci"]);
        snapshot.TableListComplete = true;
        snapshot.Dictionary.Add(new DictionaryEntry("cmdb_ci", "install_status", "Status", "integer"));

        Assert.Empty(Drift(handbook, snapshot));
    }

    [Fact]
    public void A_relabelled_state_is_named_with_both_labels()
    {
        var snapshot = Baseline.OutOfBoxSnapshot();
        var canceled = snapshot.Choices.FindIndex(c => c.Table == "incident" && c.Element == "state" && c.Value == "8");
        snapshot.Choices[canceled] = snapshot.Choices[canceled] with { Label = "Awaiting Vendor" };

        var item = Assert.Single(Drift(Baseline.IncidentHandbook(), snapshot));
        Assert.Equal(DriftCodes.StateRelabelled, item.Code);
        Assert.Equal("step incident/handle/cancel map(s) incident.state = 8, which the instance labels 'Awaiting Vendor'; out of box that value is 'Canceled'", item.Message);
        Assert.Equal("procedures[0].steps[5].tool.states[0]", item.Path);
    }

    [Fact]
    public void Labels_that_differ_only_in_case_or_spelling_of_cancelled_are_the_same()
    {
        var snapshot = Baseline.OutOfBoxSnapshot();
        var canceled = snapshot.Choices.FindIndex(c => c.Table == "incident" && c.Element == "state" && c.Value == "8");
        snapshot.Choices[canceled] = snapshot.Choices[canceled] with { Label = "CANCELLED" };

        Assert.Empty(Drift(Baseline.IncidentHandbook(), snapshot));
    }

    [Fact]
    public void An_SLA_of_another_process_is_not_compared_with_a_KPI()
    {
        var snapshot = Baseline.OutOfBoxSnapshot();
        // A problem SLA with a 4-hour priority 1 resolution: the incident KPI "p1-resolution" (8 h) must not be measured by it.
        snapshot.Slas.Add(new SlaDefinition("p1", "Problem P1 fix (4 hour)", "problem", TimeSpan.FromHours(4), "resolution", StartCondition: "priority=1^EQ"));
        var handbook = Baseline.IncidentHandbook();
        handbook.Records.Add(new Record { Id = "problem-record", Name = "Problem record", Table = "problem" });
        handbook.Processes[0].Outputs.Add(new DataFlow { Record = "problem-record", Party = "problem" });

        Assert.Empty(Drift(handbook, snapshot));
    }

    [Fact]
    public void A_threshold_inside_a_ratio_measure_is_compared_with_the_SLA()
    {
        var handbook = Baseline.IncidentHandbook();
        handbook.Processes[0].Kpis.Add(new Kpi
        {
            Id = "p1-within-4h", Name = "Priority 1 resolved within 4 hours", Unit = "%", Target = 90,
            Measure = "ratio where duration from start to step:resolve <= 4h of priority = 1",
        });

        var item = Assert.Single(Drift(handbook, Baseline.OutOfBoxSnapshot()));
        Assert.Equal(DriftCodes.SlaTargetDiffers, item.Code);
        Assert.Equal("KPI 'p1-within-4h' counts cases within 4 h (its measure), but no matching SLA definition has that duration ('Priority 1 resolution (8 hour)' 8 h)", item.Message);
        Assert.Equal("set the duration of SLA 'Priority 1 resolution (8 hour)' to 4 h in the instance, or change the threshold in the measure of KPI 'p1-within-4h' to 8h", item.Fix);
        Assert.Equal("kpis[2].measure", item.Path);
    }

    [Fact]
    public void Groups_are_checked_both_ways()
    {
        var handbook = Baseline.IncidentHandbook();
        handbook.Roles[0].Groups.Add("Service Desk Tier 2");
        handbook.Roles[3].Groups.Remove("CAB Approval");
        var snapshot = Baseline.OutOfBoxSnapshot();

        var items = Drift(handbook, snapshot);
        Assert.Equal([DriftCodes.GroupMissing, DriftCodes.GroupUnclaimed], items.Select(i => i.Code));
        Assert.Equal("roles[0].groups[1]", items[0].Path);
        Assert.Contains("'CAB Approval'", items[1].Message);
    }

    [Fact]
    public void An_SLA_that_disagrees_with_the_KPI_target_names_both_numbers()
    {
        var snapshot = Baseline.OutOfBoxSnapshot();
        var p1 = snapshot.Slas.FindIndex(s => s.Name.StartsWith("Priority 1", StringComparison.Ordinal));
        snapshot.Slas[p1] = snapshot.Slas[p1] with { Duration = TimeSpan.FromHours(4) };

        var item = Assert.Single(Drift(Baseline.IncidentHandbook(), snapshot));
        Assert.Equal(DriftCodes.SlaTargetDiffers, item.Code);
        Assert.Equal("KPI 'p1-resolution' targets 8 h, but no matching SLA definition has that duration ('Priority 1 resolution (8 hour)' 4 h)", item.Message);
        Assert.Contains("or change the target of KPI 'p1-resolution' to 4 hours", item.Fix);
    }

    [Fact]
    public void A_KPI_needing_a_field_the_instance_lacks_is_reported()
    {
        var handbook = Baseline.IncidentHandbook();
        handbook.Processes[0].Kpis.Add(new Kpi { Id = "rca", Name = "Root causes", Measure = "count where u_root_cause = known by period(month)" });

        var item = Assert.Single(Drift(handbook, Baseline.OutOfBoxSnapshot()));
        Assert.Equal(DriftCodes.KpiFieldMissing, item.Code);
        Assert.Contains("needs field 'u_root_cause'", item.Message);
    }

    [Fact]
    public void A_snapshot_without_configuration_says_what_it_could_not_check()
    {
        var report = DriftChecker.Check(Baseline.IncidentHandbook(), new ConfigurationSnapshot());

        Assert.False(report.HasDrift);
        Assert.Equal(3, report.Notes.Count());
    }

    [Theory]
    [InlineData("missing-state", DriftCodes.StateMissing)]
    [InlineData("extra-group", DriftCodes.GroupUnclaimed)]
    [InlineData("sla", DriftCodes.SlaTargetDiffers)]
    public void Each_drift_the_generator_injects_is_reported_exactly_once(string drift, string code)
    {
        using var folder = new TempFolder();
        var handbook = ExampleHandbook.Create("Example");
        var injected = SnapshotGenerator.Write(handbook, folder.Combine("snap"), new GeneratorOptions
        {
            MissingState = drift == "missing-state", ExtraGroup = drift == "extra-group", SlaDiffers = drift == "sla", TicketsPerTable = 3,
        });

        Assert.Single(injected);
        var load = SnapshotFolder.Load(folder.Combine("snap"));
        Assert.Equal(code, Assert.Single(DriftChecker.Check(handbook, load.Snapshot!).Drift).Code);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void A_generated_snapshot_without_drifts_agrees_with_its_handbook(int seed)
    {
        using var folder = new TempFolder();
        var handbook = ExampleHandbook.Create("Example");
        SnapshotGenerator.Write(handbook, folder.Path, new GeneratorOptions { Seed = seed, TicketsPerTable = 5 });

        var report = DriftChecker.Check(handbook, SnapshotFolder.Load(folder.Path).Snapshot!);
        Assert.Empty(report.Items);
    }

    [Theory]
    [InlineData("median duration from start to step:resolve by priority", new[] { "priority" })]
    [InlineData("count where category = network and contact_type = phone by period(month)", new[] { "category", "contact_type" })]
    [InlineData("median duration from start to field:resolved_at by group, service", new[] { "assignment_group", "business_service", "resolved_at" })]
    [InlineData("ratio where incident.reopen_count > 0", new[] { "reopen_count" })]
    public void Measure_fields_are_found_in_grouping_filters_and_names(string measure, string[] fields) =>
        Assert.Equal(fields.Order(), MeasureFields.Extract(measure).Order());

    // https://plumb.dev/issues/14: the fields were found a second time with regexes, which missed a field after 'of', 'not'
    // or '(' and took a word after 'by' inside a quoted activity name for a field.
    [Theory]
    [InlineData("ratio where duration from start to step:resolve <= 4h of priority = 1", new[] { "priority" })]
    [InlineData("count where not category = network", new[] { "category" })]
    [InlineData("count where (impact = 1 or urgency = 1) and has \"Resolved by vendor\"", new[] { "impact", "urgency" })]
    [InlineData("ratio where reassignments > 1 of channel in (phone, email)", new[] { "contact_type" })]
    public void Measure_fields_are_read_from_the_parsed_measure(string measure, string[] fields) =>
        Assert.Equal(fields, MeasureFields.Extract(measure));

    [Theory]
    [InlineData("average field:reassignment_count by group, service")]
    [InlineData("share of incident.reopen_count > 0")]
    public void A_measure_that_does_not_parse_names_no_field(string measure) => Assert.Empty(MeasureFields.Extract(measure));
}
