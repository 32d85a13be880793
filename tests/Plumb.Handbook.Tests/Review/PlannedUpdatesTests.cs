namespace Plumb.Handbook.Tests.Review;

using Plumb.Handbook.Baseline;
using Plumb.Handbook.Model;
using Plumb.Handbook.Review;
using Plumb.Handbook.Yaml;

public sealed class PlannedUpdatesTests
{
    [Fact]
    public void Marking_a_planned_update_done_moves_the_version_and_writes_the_change_log()
    {
        var handbook = WithFinding(out var finding);

        var result = PlannedUpdates.MarkDone(handbook, "F-12", "2026-03-01");

        Assert.True(result.Succeeded, result.Error);
        var incident = handbook.FindProcess("incident")!;
        Assert.Equal(("1.0", "1.1"), (result.PreviousVersion, incident.Version));
        Assert.Equal(FindingStatus.Done, finding.Status);
        var entry = Assert.Single(incident.ChangeLog);
        Assert.Equal(("1.1", "2026-03-01", "F-12"), (entry.Version, entry.Date, Assert.Single(entry.Findings)));
        Assert.Equal(
            "Log from the e-mail with one click. (step 'Log the incident' of procedure 'Log, resolve and close an incident' (Incident Management))",
            entry.Text);
    }

    [Fact]
    public void The_change_log_survives_a_YAML_round_trip()
    {
        var handbook = WithFinding(out _);
        PlannedUpdates.MarkDone(handbook, "F-12", "2026-03-01", "Logging from e-mail added.");
        var yaml = HandbookYamlWriter.ProcessToString(handbook.FindProcess("incident")!);

        var read = HandbookYamlReader.ReadProcess(yaml, "processes/incident.yaml");

        Assert.Empty(read.Errors);
        var entry = Assert.Single(read.Value!.ChangeLog);
        Assert.Equal(("1.1", "2026-03-01", "Logging from e-mail added.", "F-12"), (entry.Version, entry.Date, entry.Text, entry.Findings[0]));
        Assert.Equal(yaml, HandbookYamlWriter.ProcessToString(read.Value));
    }

    [Theory]
    [InlineData("F12", "no finding 'F12' in the handbook (did you mean 'F-12'?)")]
    [InlineData("F-13", "finding 'F-13' has no planned update; record what was changed with a note")]
    public void Marking_fails_with_a_reason_and_changes_nothing(string id, string error)
    {
        var handbook = WithFinding(out _);
        handbook.FindProcess("incident")!.Findings.Add(new Finding { Id = "F-13", Text = "Nobody owns the CI data." });

        var result = PlannedUpdates.MarkDone(handbook, id, "2026-03-01");

        Assert.Equal(error, result.Error);
        Assert.Equal("1.0", handbook.FindProcess("incident")!.Version);
        Assert.Empty(handbook.FindProcess("incident")!.ChangeLog);
    }

    [Fact]
    public void A_finding_already_done_cannot_be_done_again()
    {
        var handbook = WithFinding(out _);
        PlannedUpdates.MarkDone(handbook, "F-12", null);
        Assert.Equal("finding 'F-12' is already done", PlannedUpdates.MarkDone(handbook, "F-12", null).Error);
    }

    [Theory]
    [InlineData("1.0", "1.1")]
    [InlineData("0.9", "0.10")]
    [InlineData("2", "2.1")]
    [InlineData("1.2.3", "1.2.4")]
    [InlineData("draft", "draft.1")]
    [InlineData("", "0.1")]
    public void The_next_version_moves_the_last_number(string version, string next) =>
        Assert.Equal(next, PlannedUpdates.NextVersion(version));

    private static Handbook WithFinding(out Finding finding)
    {
        var handbook = BaselineLibrary.Load();
        finding = new Finding
        {
            Id = "F-12",
            Text = "Agents retype e-mails.",
            PlannedUpdate = "Log from the e-mail with one click.",
            Status = FindingStatus.Planned,
        };
        handbook.FindProcess("incident")!.FindProcedure("handle-incident")!.FindStep("log")!.Findings.Add(finding);
        return handbook;
    }
}
