namespace Plumb.Mining.Tests.Kpis;

using System.Globalization;
using Plumb.Handbook.Baseline;
using Plumb.Handbook.Model;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Kpis;
using Plumb.Mining.Readers;

/// <summary>
/// KPIs on real-shaped logs: not measurable (with the reason) when the events they depend on are absent, and measured from
/// the record's own fields (reassignment and reopen counts, open and resolve times) where the log has them.
/// </summary>
public sealed class HonestKpiTests
{
    private static readonly Process Incident = BaselineLibrary.Load().FindProcess("incident")!;

    private static EventLog Csv(string text) => SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(text)));

    private static KpiResult Kpi(EventLog log, string id) => KpiEvaluation.Evaluate(log, Incident).Single(k => k.Id == id);

    [Fact]
    public void Kpis_over_absent_events_are_not_measurable_and_never_a_green_zero_or_hundred()
    {
        // Given an activity log without a group column, without assignment events and without any way to see a reopening
        var log = Csv("case,activity,timestamp\n1,Incident logged,2024-01-01T08:00:00Z\n1,Incident resolved,2024-01-01T09:00:00Z\n" +
            "2,Incident logged,2024-01-02T08:00:00Z\n2,Incident resolved,2024-01-02T12:00:00Z\n");

        // Then
        Assert.Contains("no assignment group column", Kpi(log, "reassignment-rate").NotMeasurable);
        Assert.Contains("step 'assign'", Kpi(log, "first-line-resolution").NotMeasurable);
        Assert.Contains("no reopen events", Kpi(log, "reopen-rate").NotMeasurable);
        foreach (var id in new[] { "reassignment-rate", "first-line-resolution", "reopen-rate" })
        {
            Assert.Null(Kpi(log, id).Overall);
        }

        // The time to resolve depends on events the log has: measured.
        Assert.Null(Kpi(log, "mttr").NotMeasurable);
        Assert.Equal(2.5, Kpi(log, "mttr").Overall!.Value!.Value, 9);
    }

    [Fact]
    public void A_kpi_whose_slice_has_no_case_is_not_measurable_naming_the_values_the_log_has()
    {
        // Given incidents whose priorities are words (as BPI Challenge 2013's impact), so no case has priority 1
        var log = Csv("case,activity,timestamp,priority\n" +
            "1,Incident logged,2024-01-01T08:00:00Z,Major\n1,Incident resolved,2024-01-01T09:00:00Z,Major\n" +
            "2,Incident logged,2024-01-02T08:00:00Z,Low\n2,Incident resolved,2024-01-02T20:00:00Z,Low\n" +
            "3,Incident logged,2024-01-03T08:00:00Z,Low\n3,Incident resolved,2024-01-03T09:00:00Z,Low\n");

        // When the KPIs are evaluated
        var p1 = Kpi(log, "p1-within-4h");

        // Then the share of P1 incidents resolved in 4 hours is no figure: not measurable, naming the priorities there are
        Assert.Null(p1.Overall);
        Assert.Equal("no case has priority = 1; the log's priority values are Low, Major", p1.NotMeasurable);

        // A figure over the cases there are still stands.
        Assert.Null(Kpi(log, "mttr").NotMeasurable);
        Assert.Equal(1, Kpi(log, "mttr").Overall!.Value!.Value, 9);
    }

    [Theory]
    [InlineData("ratio where has step:resolve of priority = 9", "no case has priority = 9; the log's priority values are 2")]
    [InlineData("p90 duration from start to step:resolve where priority = 9", "no case has priority = 9; the log's priority values are 2")]
    [InlineData("median duration from step:resolve to step:log", "no case has both step:resolve and step:log")]
    public void Every_kind_of_measure_over_no_case_says_why(string measure, string reason)
    {
        // Given a log where every case is resolved after it is logged, at priority 2
        var log = Csv("case,activity,timestamp,priority\n1,Incident logged,2024-01-01T08:00:00Z,2\n1,Incident resolved,2024-01-01T09:00:00Z,2\n");
        var evaluator = new MeasureEvaluator(log, Incident);
        var parsed = Plumb.Handbook.Measures.MeasureParser.Parse(measure).Value!;

        // When the measure is evaluated over all cases
        var overall = evaluator.Overall(parsed);

        // Then there is no value, and the reason names the filter or the ends that no case has
        Assert.Null(overall.Value);
        Assert.Equal(reason, evaluator.Empty(parsed, overall));
    }

    [Fact]
    public void A_count_of_zero_over_cases_is_a_figure()
    {
        var log = Csv("case,activity,timestamp,priority\n1,Incident logged,2024-01-01T08:00:00Z,2\n1,Incident resolved,2024-01-01T09:00:00Z,2\n");
        var evaluator = new MeasureEvaluator(log, Incident);
        var parsed = Plumb.Handbook.Measures.MeasureParser.Parse("count where priority = 1").Value!;

        var overall = evaluator.Overall(parsed);

        Assert.Equal(0, overall.Value);
        Assert.Null(evaluator.Empty(parsed, overall));
    }

    [Fact]
    public void A_state_field_with_final_states_makes_a_reopen_rate_of_zero_measurable()
    {
        var log = Csv("number,incident_state,assignment_group,sys_updated_on\nINC1,New,SD,2024-01-01T08:00:00Z\nINC1,Resolved,SD,2024-01-01T09:00:00Z\n");

        var reopen = Kpi(log, "reopen-rate");

        Assert.Null(reopen.NotMeasurable);
        Assert.Equal(0, reopen.Overall!.Value);
    }

    // Detail_Incident of the BPI Challenge 2014 shape: one row per incident with the tool's own counts and times.
    private const string Bpic2014Incidents =
        "Incident ID;Status;Priority;# Reassignments;Open Time;Reopen Time;Resolved Time;Close Time;reopen_count\n" +
        "IM0000004;Closed;4;0;05-02-2012 13:32:10;;30-09-2013 16:00:00;30-09-2013 16:00:00;0\n" +
        "IM0000005;Closed;3;2;13-03-2012 11:03:00;;14-03-2012 11:03:00;15-03-2012 09:00:00;0\n" +
        "IM0000006;Closed;3;5;29-03-2012 15:14:00;12-04-2012 08:00:00;30-03-2012 09:14:00;13-04-2012 09:00:00;1\n" +
        "IM0000007;Closed;2;1;17-07-2012 10:00:00;;17-07-2012 14:30:00;18-07-2012 10:00:00;0\n" +
        "IM0000008;Closed;4;3;10-08-2012 09:00:00;;12-08-2012 21:00:00;13-08-2012 09:00:00;2\n";

    [Fact]
    public void Reopen_reassignment_and_resolution_are_measured_from_record_fields_and_match_independent_counts()
    {
        // Given the incidents read as a log (an event per record at its close time; the record fields become case attributes)
        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(Bpic2014Incidents),
            new CsvLogOptions { Activity = "Status", Timestamp = "Close Time" }));
        var evaluator = new MeasureEvaluator(log, Incident);
        double Measure(string text) => evaluator.Overall(Plumb.Handbook.Measures.MeasureParser.Parse(text).Value!).Value!.Value;

        // Independent counts on the same rows
        var rows = Bpic2014Incidents.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => r.Split(';')).ToList();
        var moreThanOne = 100.0 * rows.Count(r => int.Parse(r[3], CultureInfo.InvariantCulture) > 1) / rows.Count;
        var reopened = 100.0 * rows.Count(r => int.Parse(r[8], CultureInfo.InvariantCulture) > 0) / rows.Count;
        static DateTime At(string s) => DateTime.ParseExact(s, "dd-MM-yyyy HH:mm:ss", CultureInfo.InvariantCulture);
        var hours = rows.Select(r => (At(r[6]) - At(r[4])).TotalHours).Order().ToList();
        var median = hours[hours.Count / 2];

        // Then the KPIs agree within 1 %
        Assert.Equal(moreThanOne, Measure("ratio where reassignments > 1"), moreThanOne * 0.01);
        Assert.Equal(reopened, Measure("ratio where reopened = 1"), reopened * 0.01);
        Assert.Equal(median, Measure("median duration from field:open_time to field:resolved_time"), median * 0.01);
        Assert.Null(evaluator.Unavailable(Plumb.Handbook.Measures.MeasureParser.Parse("ratio where reassignments > 1").Value!));
    }

    [Fact]
    public void Read_as_one_row_per_record_the_incidents_give_the_same_figures_and_their_resolution_as_a_step()
    {
        // Given the same incidents read without --activity or --timestamp: their events come from the open, resolve, close dates
        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(Bpic2014Incidents)));
        var asRecords = new MeasureEvaluator(log, Incident);
        var asOneEvent = new MeasureEvaluator(SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(Bpic2014Incidents),
            new CsvLogOptions { Activity = "Status", Timestamp = "Close Time" })), Incident);
        double Measure(MeasureEvaluator e, string text) => e.Overall(Plumb.Handbook.Measures.MeasureParser.Parse(text).Value!).Value!.Value;

        // Then the record-field KPIs agree, and the time to resolve measured to the resolve step is the fields' median
        foreach (var measure in new[] { "ratio where reassignments > 1", "ratio where reopened = 1", "median duration from field:open_time to field:resolved_time" })
        {
            Assert.Equal(Measure(asOneEvent, measure), Measure(asRecords, measure), 9);
        }

        Assert.Equal(Measure(asRecords, "median duration from field:open_time to field:resolved_time"), Measure(asRecords, "median duration from start to step:resolve"), 6);
    }

    [Fact]
    public void A_date_field_the_log_lacks_makes_the_measure_not_measurable()
    {
        var log = Csv("case,activity,timestamp\n1,Incident logged,2024-01-01T08:00:00Z\n");
        var evaluator = new MeasureEvaluator(log, Incident);

        var reason = evaluator.Unavailable(Plumb.Handbook.Measures.MeasureParser.Parse("median duration from field:opened_at to field:resolved_at").Value!);

        Assert.Equal("the log has no date in field 'opened_at'", reason);
    }

    [Fact]
    public void A_kpi_over_a_step_the_tool_cannot_show_is_not_measurable_naming_the_step()
    {
        // Given a log generated from the baseline, where the assign step is seen in every case
        var book = BaselineLibrary.Load();
        var incident = book.FindProcess("incident")!;
        var log = Plumb.Mining.Generation.LogGenerator.Generate(book, incident.Procedures[0], new Plumb.Mining.Generation.GeneratorOptions { Cases = 200, Seed = 5 }).Log;
        Assert.Null(KpiEvaluation.Evaluate(log, incident).Single(k => k.Id == "first-line-resolution").NotMeasurable);

        // When the handbook says the tool cannot show that step
        incident.Procedures[0].FindStep("assign")!.Tool!.Observable = false;

        // Then first-line resolution is no figure: the reason names the step, whatever events seem to show it
        var kpi = KpiEvaluation.Evaluate(log, incident).Single(k => k.Id == "first-line-resolution");
        Assert.Null(kpi.Overall);
        Assert.Contains("step 'assign' is marked as not observable", kpi.NotMeasurable);
    }
}
