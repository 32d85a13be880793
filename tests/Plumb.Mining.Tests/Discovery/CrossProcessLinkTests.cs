namespace Plumb.Mining.Tests.Discovery;

using Plumb.Mining.Discovery;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

/// <summary>Flow across processes counts links to records outside the log, and times those inside it (BPI Challenge 2014 shapes).</summary>
public sealed class CrossProcessLinkTests
{
    [Fact]
    public void Links_to_records_outside_the_log_count_and_time_is_given_where_both_are_known()
    {
        // Given Detail_Incident_Activity rows whose incidents name a related change (one in the log, one not, one unknown "?"),
        // and the Detail_Change row of the one that is
        var incidents = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(
            "Incident ID;DateStamp;IncidentActivity_Type;Assignment Group;Related Change\n" +
            "IM0000001;07-01-2013 08:00:00;Open;TEAM1;C00000001\n" +
            "IM0000002;07-01-2013 09:00:00;Open;TEAM1;C00000099\n" +
            "IM0000003;13-01-2013 10:00:00;Open;TEAM2;?\n" +
            "IM0000004;14-01-2013 10:00:00;Open;TEAM2;\n"), new CsvLogOptions { Table = "incident" }));
        var changes = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(
            "Change ID;Change Type;Actual Start\nC00000001;Change Component;08-01-2013 20:00:00\nC00000002;Change Component;15-01-2013 20:00:00\n"),
            new CsvLogOptions { Activity = "Change Type", Timestamp = "Actual Start", Table = "change_request" }));

        // When
        var link = CrossProcessFlow.Discover(EventLogMerge.Merge([incidents, changes])).Single();

        // Then two of the four incidents are linked to a change (50 %), one of them to a change in the log, 36 hours later
        Assert.Equal(("incident", "change_request", "Related Change"), (link.FromTable, link.ToTable, link.Field));
        Assert.Equal((2, 4, 0.5, 1), (link.Links, link.SourceCases, link.Share, link.Resolved));
        Assert.Equal(36.0, link.MedianHours);
    }

    [Fact]
    public void A_link_none_of_whose_records_is_in_the_log_has_no_time()
    {
        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(
            "number,activity,timestamp,problem_id\nINC0000001,New,2024-01-01T00:00:00Z,PRB0000007\n")));

        var link = CrossProcessFlow.Discover(log).Single();

        Assert.Equal(("incident", "problem", 1, 1.0, 0), (link.FromTable, link.ToTable, link.Links, link.Share, link.Resolved));
        Assert.Null(link.MedianHours);
    }
}
