namespace Plumb.Cli.Tests.Mining;

using System.Text.Json;

/// <summary><c>plumb log stats</c> on real and generated logs, in text and JSON, and on bad input.</summary>
public sealed class LogStatsCommandTests
{
    [Fact]
    public async Task Stats_of_the_running_example_count_6_cases_42_events_and_8_activities()
    {
        var result = await Cli.RunAsync("log", "stats", MiningCli.Shared("running-example.xes"));

        Assert.Equal(ExitCodes.Ok, result.Exit);
        Assert.Matches(@"cases\s+6\n", result.Out);
        Assert.Matches(@"events\s+42\n", result.Out);
        Assert.Matches(@"activities\s+8\n", result.Out);
        Assert.Matches(@"variants\s+6\n", result.Out);
    }

    [Fact]
    public async Task Stats_in_json_carry_the_counts_of_a_real_csv()
    {
        // receipt.csv.gz: 1,434 cases, 8,577 events, 27 activities, 116 variants (as the Mining tests establish).
        var result = await Cli.RunAsync("log", "stats", MiningCli.Shared("receipt.csv.gz"), "--format", "json");

        Assert.Equal(ExitCodes.Ok, result.Exit);
        var stats = JsonDocument.Parse(result.Out).RootElement.Get("stats");
        Assert.Equal(1434, stats.Get("cases").GetInt32());
        Assert.Equal(8577, stats.Get("events").GetInt32());
        Assert.Equal(27, stats.Get("activities").GetInt32());
        Assert.Equal(116, stats.Get("variants").GetInt32());
    }

    [Fact]
    public async Task Stats_of_a_generated_gzip_xes_log_match_the_generator()
    {
        using var folder = new TempFolder();
        var (_, csv) = await MiningCli.GenerateAsync(folder, 50);
        var (_, xes) = await MiningCli.GenerateAsync(folder, 50, "incidents.xes");

        var fromCsv = JsonDocument.Parse((await Cli.RunAsync("log", "stats", csv, "--format", "json")).Out).RootElement.Get("stats");
        var fromXes = JsonDocument.Parse((await Cli.RunAsync("log", "stats", xes, "--format", "json")).Out).RootElement.Get("stats");

        Assert.Equal(50, fromCsv.Get("cases").GetInt32());
        Assert.Equal(fromCsv.Get("events").GetInt32(), fromXes.Get("events").GetInt32());
        Assert.Equal(fromCsv.Get("variants").GetInt32(), fromXes.Get("variants").GetInt32());
    }

    [Fact]
    public async Task An_unparseable_timestamp_exits_2_naming_file_line_and_field()
    {
        using var folder = new TempFolder();
        var path = folder.Sub("bad.csv");
        await File.WriteAllTextAsync(path, "case,activity,timestamp\nA,New,2024-01-01T10:00:00Z\nA,Closed,yesterday\n", TestContext.Current.CancellationToken);

        var result = await Cli.RunAsync("log", "stats", path);

        MiningCli.AssertBadInput(result, path + ":3:", "timestamp", "'yesterday'");
    }

    [Fact]
    public async Task A_malformed_row_exits_2_unless_bad_rows_are_skipped()
    {
        using var folder = new TempFolder();
        var path = folder.Sub("short.csv");
        await File.WriteAllTextAsync(path, "case,activity,timestamp\nA,New,2024-01-01T10:00:00Z\nA\nA,Closed,2024-01-02T10:00:00Z\n", TestContext.Current.CancellationToken);

        MiningCli.AssertBadInput(await Cli.RunAsync("log", "stats", path), path + ":3:", "expected 3 fields, found 1");

        var skipped = await Cli.RunAsync("log", "stats", path, "--skip-bad-rows", "--format", "json");
        Assert.Equal(ExitCodes.Ok, skipped.Exit);
        Assert.Equal(2, JsonDocument.Parse(skipped.Out).RootElement.Get("stats").Get("events").GetInt32());
        Assert.Contains($"skipped {path}:3:", skipped.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsorted_and_duplicate_events_are_read_and_reported_on_stderr()
    {
        using var folder = new TempFolder();
        var path = folder.Sub("messy.csv");
        await File.WriteAllTextAsync(path,
            "case,activity,timestamp\nA,Closed,2024-01-02T10:00:00Z\nA,New,2024-01-01T10:00:00Z\nA,New,2024-01-01T10:00:00Z\n", TestContext.Current.CancellationToken);

        var result = await Cli.RunAsync("log", "stats", path, "--format", "json");

        Assert.Equal(ExitCodes.Ok, result.Exit);
        var stats = JsonDocument.Parse(result.Out).RootElement.Get("stats");
        Assert.Equal(1, stats.Get("unsortedCases").GetInt32());
        Assert.Equal(1, stats.Get("duplicateEvents").GetInt32());
        Assert.Contains("out of time order", result.Error, StringComparison.Ordinal);
        Assert.Contains("duplicate", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_and_a_missing_file_exit_2()
    {
        using var folder = new TempFolder();
        var empty = folder.Sub("empty.csv");
        await File.WriteAllTextAsync(empty, "", TestContext.Current.CancellationToken);

        MiningCli.AssertBadInput(await Cli.RunAsync("log", "stats", empty), empty, "empty");
        MiningCli.AssertBadInput(await Cli.RunAsync("log", "stats", folder.Sub("nowhere.csv")), "nowhere.csv: no such file");
    }

    [Fact]
    public async Task Unnamed_group_sys_ids_in_servicenow_json_are_noted_and_a_groups_export_names_them()
    {
        using var folder = new TempFolder();
        var records = folder.Sub("incidents.json");
        var audit = folder.Sub("audit.json");
        await File.WriteAllTextAsync(records, """
            {"result":[{"sys_id":"9d385017c611228701d22104cc95c371","number":"INC0000001","opened_at":"2024-01-01 09:00:00","state":"1",
              "assignment_group":{"link":"https://example.invalid/api/now/table/sys_user_group/92ebe6702d870d7f701c76f5f8d104f0","value":"92ebe6702d870d7f701c76f5f8d104f0"}}]}
            """, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(audit, """
            {"result":[{"documentkey":"9d385017c611228701d22104cc95c371","fieldname":"state","oldvalue":"1","newvalue":"2","sys_created_on":"2024-01-01 10:00:00","user":"admin"}]}
            """, TestContext.Current.CancellationToken);
        var groups = RepoPaths.TestData("servicenow", "records", "sys_user_group.xml");

        var unnamed = await Cli.RunAsync("log", "stats", records, "--audit", audit);
        var named = await Cli.RunAsync("log", "stats", records, "--audit", audit, "--groups", groups, "--format", "json");

        Assert.Equal(ExitCodes.Ok, unnamed.Exit);
        Assert.Contains("1 assignment group sys_id(s) have no name", unnamed.Out, StringComparison.Ordinal);
        Assert.Contains("1 assignment group sys_id(s) have no name", unnamed.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, named.Exit);
        Assert.Equal(0, JsonDocument.Parse(named.Out).RootElement.Get("stats").Get("remarks").GetArrayLength());
    }

    [Fact]
    public async Task The_bpi_2013_problem_log_reads_with_status_and_sub_status_as_its_activity_and_says_so()
    {
        var result = await Cli.RunAsync("log", "stats", MiningCli.Shared("bpic2013/VINST cases closed problems.csv.gz"), "--format", "json");

        Assert.True(result.Exit == ExitCodes.Ok, result.Error);
        Assert.Contains("activity 'Problem Status'+'Problem Sub Status'", result.Error, StringComparison.Ordinal);
        Assert.Contains("case 'Problem Number'", result.Error, StringComparison.Ordinal);
        var stats = JsonDocument.Parse(result.Out).RootElement.Get("stats");
        Assert.Equal(1487, stats.Get("cases").GetInt32());
        Assert.Equal(6660, stats.Get("events").GetInt32());
        Assert.Contains("Queued-Awaiting Assignment", stats.Get("topActivities").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_option_names_problem_states_of_a_csv_whose_case_ids_do_not_tell()
    {
        using var folder = new TempFolder();
        var path = folder.Sub("problems.csv");
        await File.WriteAllTextAsync(path, """
            id,sys_updated_on,state
            1,2024-03-01T08:00:00Z,101
            1,2024-03-02T08:00:00Z,103
            1,2024-03-03T08:00:00Z,107
            """, TestContext.Current.CancellationToken);

        var result = await Cli.RunAsync("log", "stats", path, "--case", "id", "--table", "problem", "--format", "json");

        Assert.True(result.Exit == ExitCodes.Ok, result.Error);
        var top = JsonDocument.Parse(result.Out).RootElement.Get("stats").Get("topActivities").GetRawText();
        Assert.Contains("Root Cause Analysis", top, StringComparison.Ordinal);
        Assert.DoesNotContain("103", top, StringComparison.Ordinal);
    }
}
