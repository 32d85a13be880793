namespace Plumb.Mining.Tests.Readers;

using System.Text;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

/// <summary>
/// Assignment groups and users arrive as sys_ids in Table API JSON (reference objects without display values) and always in
/// sys_audit oldvalue/newvalue; they are named from display values, sys_user_group / sys_user records, or a separate export.
/// </summary>
public sealed class SnowReferenceTests
{
    private const string ServiceDesk = "d625dccec0a8016700a222a0f7900d06";
    private const string Network = "287ebd7da9fe198100f92cc8d1d2154e";
    private const string Beth = "46d44a23a9fe19810012d100cca80666";

    // As GET /api/now/table/incident returns it (default sysparm_display_value=false): references are {link, value}.
    private static readonly string Incident = $$$"""
        {"result":[{"sys_id":"9d385017c611228701d22104cc95c371","number":"INC0000001","opened_at":"2024-01-01 09:00:00","state":"2","priority":"3",
          "assignment_group":{"link":"https://dev.service-now.com/api/now/table/sys_user_group/{{{Network}}}","value":"{{{Network}}}"},
          "opened_by":{"link":"https://dev.service-now.com/api/now/table/sys_user/{{{Beth}}}","value":"{{{Beth}}}"}}]}
        """;

    private static readonly string Audit = $$$"""
        {"result":[
          {"sys_id":"a01","documentkey":"9d385017c611228701d22104cc95c371","tablename":"incident","fieldname":"assignment_group","oldvalue":"{{{ServiceDesk}}}","newvalue":"{{{Network}}}","sys_created_on":"2024-01-01 10:00:00","user":"beth.anglin"},
          {"sys_id":"a02","documentkey":"9d385017c611228701d22104cc95c371","tablename":"incident","fieldname":"state","oldvalue":"1","newvalue":"2","sys_created_on":"2024-01-01 10:05:00","user":"beth.anglin"}
        ]}
        """;

    private static readonly string Groups = $$$"""
        {"result":[{"sys_id":"{{{ServiceDesk}}}","name":"Service Desk","active":"true"},{"sys_id":"{{{Network}}}","name":"Network","active":"true"}]}
        """;

    private static MemoryStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    private static IEnumerable<string> GroupsOf(EventLog log) => log.Groups!.Select(g => log.GroupNames.NameOf(g) ?? "");

    [Fact]
    public void Group_sys_ids_in_records_and_audit_rows_are_named_from_a_groups_export()
    {
        var log = SharedData.Succeeded(SnowJsonEventLogReader.Read([Bytes(Incident), Bytes(Audit)], directories: [Bytes(Groups)]));

        Assert.Equal(["Service Desk", "Network", "Network"], GroupsOf(log));
        Assert.Equal(["New", "Reassigned", "In Progress"], log.CaseActivities(0).ToArray().Select(a => log.ActivityNames[a]));
        Assert.Equal("Network", log.FindAttribute("assignment_group")!.ValueOf(0));

        // The user is a sys_id nobody named: kept, and said so.
        var remark = Assert.Single(log.Notes.Remarks);
        Assert.Contains("1 user sys_id(s) have no name", remark);
        Assert.Contains(Beth, remark);
    }

    [Fact]
    public void Group_and_user_records_in_the_same_input_name_the_sys_ids()
    {
        // sys_user_group and sys_user rows exported into the same file, told apart by sys_class_name.
        var directory = $$$"""
            {"result":[{"sys_class_name":"sys_user_group","sys_id":"{{{ServiceDesk}}}","name":"Service Desk"},
                       {"sys_class_name":"sys_user_group","sys_id":"{{{Network}}}","name":"Network"},
                       {"sys_class_name":"sys_user","sys_id":"{{{Beth}}}","user_name":"beth.anglin","name":"Beth Anglin"}]}
            """;

        var log = SharedData.Succeeded(SnowJsonEventLogReader.Read([Bytes(Incident), Bytes(Audit), Bytes(directory)]));

        Assert.Equal(1, log.CaseCount);
        Assert.Equal(["Service Desk", "Network", "Network"], GroupsOf(log));
        Assert.Equal("Beth Anglin", log.ResourceNames[log.Resources![0]]);
        Assert.Empty(log.Notes.Remarks);
    }

    [Fact]
    public void Display_values_name_references_and_choices_keep_their_stored_value()
    {
        // sysparm_display_value=all: every field is {display_value, value}; the pair also names the audit rows' sys_ids.
        var records = $$$"""
            {"result":[{"sys_id":{"display_value":"9d385017c611228701d22104cc95c371","value":"9d385017c611228701d22104cc95c371"},
              "number":{"display_value":"INC0000001","value":"INC0000001"},
              "opened_at":{"display_value":"01/01/2024 01:00:00 AM","value":"2024-01-01 09:00:00"},
              "state":{"display_value":"In Progress","value":"2"},"priority":{"display_value":"3 - Moderate","value":"3"},
              "assignment_group":{"display_value":"Network","link":"https://dev.service-now.com/api/now/table/sys_user_group/{{{Network}}}","value":"{{{Network}}}"},
              "opened_by":{"display_value":"Beth Anglin","link":"https://dev.service-now.com/api/now/table/sys_user/{{{Beth}}}","value":"{{{Beth}}}"}}]}
            """;

        var log = SharedData.Succeeded(SnowJsonEventLogReader.Read([Bytes(records), Bytes(Audit)]));

        Assert.Equal(new DateTime(2024, 1, 1, 9, 0, 0, DateTimeKind.Utc).Ticks, log.Timestamps[0]);
        Assert.Equal("3", log.FindAttribute("priority")!.ValueOf(0));
        Assert.Equal("Beth Anglin", log.ResourceNames[log.Resources![0]]);

        // Service Desk appears only as a sys_id in the audit: counted, never shown silently.
        Assert.Equal([ServiceDesk, "Network", "Network"], GroupsOf(log));
        Assert.Contains("1 assignment group sys_id(s) have no name", Assert.Single(log.Notes.Remarks));
    }

    [Fact]
    public void A_sys_user_group_unload_names_groups()
    {
        // tests/data/servicenow/records/sys_user_group.xml: an XML unload of 13 groups (Asset Management = 92ebe670...).
        var audit = """
            {"result":[{"documentkey":"9d385017c611228701d22104cc95c371","fieldname":"assignment_group","oldvalue":"","newvalue":"92ebe6702d870d7f701c76f5f8d104f0","sys_created_on":"2024-01-01 09:30:00","user":"admin"}]}
            """;
        var records = """{"result":[{"sys_id":"9d385017c611228701d22104cc95c371","number":"INC0000001","opened_at":"2024-01-01 09:00:00","state":"1"}]}""";
        using var unload = File.OpenRead(Path.Combine(SharedData.Root, "servicenow", "records", "sys_user_group.xml"));

        var log = SharedData.Succeeded(SnowJsonEventLogReader.Read([Bytes(records), Bytes(audit)], directories: [unload]));

        Assert.Equal(["", "Asset Management"], GroupsOf(log));
        Assert.Equal(["New", "Assigned"], log.CaseActivities(0).ToArray().Select(a => log.ActivityNames[a]));
        Assert.Empty(log.Notes.Remarks);
    }
}
