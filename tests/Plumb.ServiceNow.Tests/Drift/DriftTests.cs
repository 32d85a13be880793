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

        var items = Drift(handbook, Baseline.OutOfBoxSnapshot());
        Assert.Equal([DriftCodes.TableUnknown, DriftCodes.FieldUnknown], items.Select(i => i.Code));
        Assert.Equal(DriftSide.Handbook, items[0].Change);
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
        handbook.Processes[0].Kpis.Add(new Kpi { Id = "rca", Name = "Root causes", Measure = "count cases where u_root_cause = known by month" });

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
    [InlineData("count cases where category = network and contact_type = phone by month", new[] { "category", "contact_type" })]
    [InlineData("average field:reassignment_count by group, service", new[] { "assignment_group", "business_service", "reassignment_count" })]
    [InlineData("share of incident.reopen_count > 0", new[] { "reopen_count" })]
    public void Measure_fields_are_found_in_grouping_filters_and_names(string measure, string[] fields) =>
        Assert.Equal(fields.Order(), MeasureFields.Extract(measure).Order());
}
