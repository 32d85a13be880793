namespace Plumb.ServiceNow.Tests.Snapshot;

using System.Text;
using Plumb.ServiceNow.Snapshot;

public sealed class ReaderTests
{
    private static IReadOnlyList<SnowRecord> Xml(string path, List<SnapshotError> errors)
    {
        using var stream = File.OpenRead(path);
        return UnloadXmlReader.Read(stream, Path.GetFileName(path), errors);
    }

    [Fact]
    public void Table_API_JSON_nested_100000_deep_is_refused_with_a_clear_error()
    {
        var errors = new List<SnapshotError>();
        var json = "{\"result\":[" + new string('[', 100_000) + new string(']', 100_000) + "]}";

        var records = TableApiJsonReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "deep.json", "sys_choice", errors);

        Assert.Empty(records);
        var error = Assert.Single(errors);
        Assert.Equal($"deep.json:1: not valid JSON: values are nested more than {TableApiJsonReader.MaxDepth} levels deep; Table API records are 3 levels deep", error.ToString());
    }

    [Fact]
    public void A_sys_user_group_export_gives_every_group_with_its_line()
    {
        var errors = new List<SnapshotError>();
        var records = Xml(RepoPaths.TestData("servicenow", "records", "sys_user_group.xml"), errors);

        Assert.Empty(errors);
        Assert.Equal(13, records.Count);
        var cab = Assert.Single(records, r => r.Get("name") == "CAB Approval");
        Assert.Equal("4b426964a1fc0a094d9a1cbd2060263a", cab.Get("sys_id"));
        Assert.True(cab.Flag("active"));
        Assert.False(Assert.Single(records, r => r.Get("name") == "Mainframe").Flag("active"));
        Assert.True(cab.Line > 1);
    }

    [Fact]
    public void A_group_role_export_keeps_reference_display_values()
    {
        var errors = new List<SnapshotError>();
        var records = Xml(RepoPaths.TestData("servicenow", "records", "sys_group_has_role.xml"), errors);

        Assert.Empty(errors);
        var first = records[0];
        Assert.Equal("sys_group_has_role", first.Table);
        Assert.Equal("0a721a0fc15af3ee67c7243177671d92", first.Get("group"));
        Assert.Equal("Change Management", first.Shown("group"));
        Assert.Equal("change_manager", first.Shown("role"));
    }

    [Theory]
    [InlineData("sys_remote_update_set_Major_Incident_Notifications.xml", 3, "sysevent_email_template")]
    [InlineData("sys_remote_update_set_Access_Request.xml", 5, "item_option_new")]
    [InlineData("sys_remote_update_set_Incident_Form.xml", 4, "sys_ui_policy_action")]
    public void Update_sets_give_their_updates_and_the_records_inside_the_payloads(string file, int updates, string payloadTable)
    {
        var errors = new List<SnapshotError>();
        var records = Xml(RepoPaths.TestData("servicenow", "update-sets", file), errors);

        Assert.Empty(errors);
        Assert.Single(records, r => r.Table == "sys_remote_update_set");
        Assert.Equal(updates, records.Count(r => r.Table == "sys_update_xml"));
        Assert.Contains(records, r => r.Table == payloadTable);
    }

    [Fact]
    public void An_incident_from_the_Table_API_reads_references_as_values()
    {
        var errors = new List<SnapshotError>();
        using var stream = File.OpenRead(RepoPaths.TestData("servicenow", "records", "incident_INC0010042.json"));
        var record = Assert.Single(TableApiJsonReader.Read(stream, "incident_INC0010042.json", null, errors));

        Assert.Empty(errors);
        Assert.Equal("incident", record.Table);
        Assert.Equal("7", record.Get("state"));
        Assert.Equal("b85b604cf096a03a410705d029c604cb", record.Get("assignment_group"));
    }

    [Fact]
    public void The_records_folder_loads_as_a_snapshot()
    {
        var load = SnapshotFolder.Load(RepoPaths.TestData("servicenow", "records"));

        Assert.True(load.Succeeded, string.Join("; ", load.Errors));
        Assert.Contains(load.Snapshot!.Groups, g => g.Name == "Service Desk");
        Assert.Equal(1, load.Snapshot.TicketCounts["incident"]);
    }

    [Fact]
    public void A_document_type_declaration_is_refused()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE unload [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><unload><sys_user_group><name>&x;</name></sys_user_group></unload>";
        var errors = new List<SnapshotError>();
        var records = UnloadXmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "evil.xml", errors);

        Assert.Empty(records);
        var error = Assert.Single(errors);
        Assert.Contains("DTD", error.Message);
        Assert.Equal(1, error.Line);
    }

    [Theory]
    [InlineData("{\"result\":[{\"name\":\"incident\"", "not valid JSON")]
    [InlineData("[1,2]", "expected a JSON object")]
    [InlineData("{\"records\":5}", "must be a list of records")]
    [InlineData("{\"error\":{\"message\":\"Invalid table\",\"detail\":null},\"status\":\"failure\"}", "holds a Table API error, not records: Invalid table")]
    public void Broken_json_files_get_one_clear_error(string json, string expected)
    {
        var errors = new List<SnapshotError>();
        TableApiJsonReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "sys_choice.json", "sys_choice", errors);

        Assert.Contains(expected, Assert.Single(errors).ToString());
    }

    [Theory]
    [InlineData("1970-01-01 08:00:00", 8 * 60)]
    [InlineData("1970-01-03 00:30:00", 48 * 60 + 30)]
    [InlineData("2 Days 4 Hours", 52 * 60)]
    [InlineData("45 Minutes", 45)]
    public void Durations_read_in_stored_and_display_forms(string text, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), GlideDuration.Parse(text));

    [Theory]
    [InlineData("sys_choice.json", "sys_choice")]
    [InlineData("sys_user_group_export.xml", "sys_user_group")]
    [InlineData("incident_INC0000060.json", "incident")]
    [InlineData("notes.json", null)]
    public void Loose_export_files_are_matched_to_tables_by_name(string file, string? table) =>
        Assert.Equal(table, SnapshotFolder.TableFromFileName(file));
}
