namespace Plumb.Server.Tests.Alignment;

using System.Text;
using Plumb.Mining.Readers;
using Plumb.Server.Alignment;
using Plumb.Server.History;
using Plumb.Server.Tests.Support;
using Plumb.ServiceNow.Drift;
using Plumb.ServiceNow.Snapshot;

/// <summary>One computation of a source's data against a handbook version, with a configuration: drift as <c>plumb drift</c> finds it, and new drift as news.</summary>
public sealed class ResultsComputationTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static ConfigurationSnapshot Configuration(Plumb.Handbook.Model.Handbook handbook, GeneratorOptions options)
    {
        using var folder = new TempDirectory();
        SnapshotGenerator.Write(handbook, folder.Path, options with { TicketsPerTable = 0 });
        var load = SnapshotFolder.Load(folder.Path);
        Assert.True(load.Succeeded, string.Join("; ", load.Errors.Select(e => e.ToString())));
        return load.Snapshot!;
    }

    private static TicketData Data(ConfigurationSnapshot configuration, long revision)
    {
        var log = EventLogFormat.Read(EventLogFormat.Csv, new MemoryStream(Encoding.UTF8.GetBytes(TicketLogs.Csv(new DateTime(2026, 1, 1), 2))), Encoding.UTF8,
            new CsvLogOptions()).Log!;
        return new TicketData(new TicketDataInfo("connection/acme", $"acme sync {revision}", revision, At, log.CaseCount, log.EventCount), log, configuration);
    }

    private static List<StoredResult> Stored(ComputedResults computed) => computed.Results.Select((r, i) => new StoredResult(i + 1, r.Key, r.At, r.Data, r.Figures, r.Error)).ToList();

    [Fact]
    public void Drift_is_what_the_drift_checker_finds_and_drift_that_appears_later_is_news()
    {
        var handbook = TicketLogs.Handbook();
        var clean = Configuration(handbook, new GeneratorOptions());
        var first = ResultsComputation.Compute(handbook, 1, Data(clean, 1), [], At);
        var drift = first.Results.Single(r => r.Key.Kind == ResultKinds.Drift);
        Assert.Equal(DriftChecker.Check(handbook, clean).Items, DriftFigures.FromJson(drift.Figures!).Items);
        Assert.Empty(first.News);
        Assert.Equal(("connection/acme", 1L, 1L), (drift.Key.Source, drift.Key.HandbookVersion, drift.Key.Revision));

        var drifted = Configuration(handbook, new GeneratorOptions { MissingState = true, ExtraGroup = true });
        var second = ResultsComputation.Compute(handbook, 1, Data(drifted, 2), Stored(first), At.AddHours(1));
        var expected = DriftChecker.Check(handbook, drifted);
        Assert.Equal(expected.Items, DriftFigures.FromJson(second.Results.Single(r => r.Key.Kind == ResultKinds.Drift).Figures!).Items);
        var known = DriftChecker.Check(handbook, clean).Drift.Select(d => (d.Code, d.Subject)).ToHashSet();
        var appeared = expected.Drift.Where(d => !known.Contains((d.Code, d.Subject))).ToList();
        Assert.NotEmpty(appeared);
        Assert.Equal(appeared.Select(d => $"{d.Code} {d.Subject}"), second.News.Select(n => n.Subject));
        Assert.All(second.News, n => Assert.Equal(("drift", 2L), (n.Kind, n.Revision)));
        // A missing state belongs to the process whose step maps it; an unclaimed group to the handbook as a whole.
        Assert.Contains(second.News, n => n.Process == "incident");
        Assert.Contains(second.News, n => n.Process == "");
    }

    [Fact]
    public void An_upload_concerns_only_the_processes_of_its_tables_and_runs_are_recorded()
    {
        var handbook = TicketLogs.Handbook();
        var computed = ResultsComputation.Compute(handbook, 3, Data(Configuration(handbook, new GeneratorOptions()), 1) with { Configuration = null }, [], At);
        Assert.Equal(["incident"], computed.Results.Where(r => r.Key.Kind == ResultKinds.Analysis).Select(r => r.Key.Process).Distinct());
        Assert.DoesNotContain(computed.Results, r => r.Key.Kind == ResultKinds.Drift); // no configuration: no drift, not "no drift"
        var run = Assert.Single(computed.Results, r => r.Key.Kind == ResultKinds.Run);
        Assert.Equal((3L, "1 process(es) with data"), (run.Key.HandbookVersion, run.Figures));
    }

    [Fact]
    public void Figures_of_a_procedure_no_event_shows_keep_why_they_are_not_measurable()
    {
        // Given records whose activities no step of the incident procedure names
        var handbook = TicketLogs.Handbook();
        var process = handbook.FindProcess("incident")!;
        var log = EventLogFormat.Read(EventLogFormat.Csv, new MemoryStream(Encoding.UTF8.GetBytes(
            "number,activity,timestamp\nINC1,Ticket opened,2026-01-01T08:00:00Z\nINC1,Ticket done,2026-01-01T09:00:00Z\n")), Encoding.UTF8, new CsvLogOptions()).Log!;

        // When the figures are stored and read back
        var figures = ProcessFigures.FromJson(ProcessFigures.Of(Plumb.Mining.Reporting.AnalysisReport.Build(log, process, process.Procedures[0])).ToJson());

        // Then they say why, so the results pages show that instead of a fitness of 1
        Assert.StartsWith("not measurable: no event of the log maps onto procedure", figures.NotMeasurable, StringComparison.Ordinal);
        Assert.Null(figures.Fitness);
    }
}
