namespace Plumb.ServiceNow.Tests.Drift;

using Plumb.Handbook.Baseline;
using Plumb.ServiceNow.Drift;
using Plumb.ServiceNow.Snapshot;

/// <summary>
/// The shipped baseline against snapshots shaped like real instances (files under Fixtures/): an out-of-box instance
/// without demo data, the same with the demo incident SLAs, and an instance upgraded from before Helsinki that keeps
/// incident states in incident_state and has relabelled value 8.
/// </summary>
public sealed class InstanceShapeTests
{
    private static ConfigurationSnapshot Fixture(string name)
    {
        var load = SnapshotFolder.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
        Assert.True(load.Succeeded, string.Join("\n", load.Errors));
        return load.Snapshot!;
    }

    private static string Describe(DriftReport report) => string.Join("\n", report.Items.Select(i => $"{i.Code} {i.Subject}: {i.Message}"));

    [Fact]
    public void The_baseline_drifts_nothing_from_an_out_of_box_instance()
    {
        var report = DriftChecker.Check(BaselineLibrary.Load(), Fixture("out-of-box"));

        Assert.False(report.HasDrift, Describe(report));
        Assert.Empty(report.Drift);
    }

    [Fact]
    public void Against_an_out_of_box_instance_every_ticket_state_model_is_checked_and_what_is_not_is_said()
    {
        var report = DriftChecker.Check(BaselineLibrary.Load(), Fixture("out-of-box"));
        var notes = string.Join("\n", report.Notes.Select(n => n.Message));

        // The task tables' states were compared (no note names them); configuration the pull does not read is named.
        foreach (var field in new[] { "incident.state", "problem.state", "change_request.state", "sc_req_item.state" }) Assert.DoesNotContain(field, notes);
        Assert.Contains("kb_knowledge.workflow_state", notes);
        Assert.Contains("the snapshot has no sys_user_group rows, so groups were not checked", notes);
        Assert.Contains("the snapshot has no contract_sla rows", notes);
        Assert.DoesNotContain(report.Notes, n => n.Subject.StartsWith("table ", StringComparison.Ordinal));
    }

    [Fact]
    public void With_the_demo_SLAs_the_P1_threshold_of_the_baseline_is_the_one_difference()
    {
        var snapshot = Fixture("out-of-box");
        snapshot.Slas.AddRange(OutOfBox.IncidentSlas.Select(s =>
            new SlaDefinition("id-" + s.Priority, s.Name, "incident", s.Duration, "resolution", StartCondition: $"active=true^priority={s.Priority}^EQ")));

        var report = DriftChecker.Check(BaselineLibrary.Load(), snapshot);

        var item = Assert.Single(report.Drift);
        Assert.Equal(DriftCodes.SlaTargetDiffers, item.Code);
        Assert.Equal("incident/kpi p1-within-4h", item.Subject);
        Assert.Equal("processes/incident.yaml", item.Document);
        Assert.EndsWith(".measure", item.Path);
        Assert.Contains("'Priority 1 resolution (8 hour)' 8 h", item.Message);
        Assert.DoesNotContain(report.Items, i => i.Subject.Contains("kpi major-restore-time", StringComparison.Ordinal));
    }

    [Fact]
    public void A_legacy_instance_is_named_with_every_unmapped_state_and_every_changed_label()
    {
        var report = DriftChecker.Check(BaselineLibrary.Load(), Fixture("legacy"));
        var incident = report.Drift.Where(i => i.Subject.StartsWith("incident.", StringComparison.Ordinal)).ToList();

        var legacy = Assert.Single(incident, i => i.Code == DriftCodes.StateFieldLegacy);
        Assert.Contains("keeps incident states in incident_state", legacy.Message);
        Assert.Equal(["4", "5"], incident.Where(i => i.Code == DriftCodes.StateUndocumented).Select(i => i.Message.Split(" = ")[1].Split(' ')[0]));
        var relabelled = incident.Where(i => i.Code == DriftCodes.StateRelabelled).ToDictionary(i => i.Subject, i => i.Message);
        Assert.Equal(["incident.incident_state = 2", "incident.incident_state = 3", "incident.incident_state = 8"], relabelled.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("which the instance labels 'Awaiting Vendor'; out of box that value is 'Canceled'", relabelled["incident.incident_state = 8"]);
        // Nothing else differs from the out-of-box instance.
        Assert.Equal(incident.Count, report.Drift.Count());
    }
}
