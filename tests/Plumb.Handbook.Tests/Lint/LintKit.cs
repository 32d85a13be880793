namespace Plumb.Handbook.Tests.Lint;

using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Folder;
using Plumb.Handbook.Lint;
using Plumb.Handbook.Yaml;

/// <summary>Small handbooks written as YAML, read through the real reader, so diagnostics carry real lines and columns.</summary>
internal static class LintKit
{
    /// <summary>A clean handbook document: two roles in place with holders, one not in place, two records.</summary>
    public const string Handbook = """
        name: Test handbook
        drivers:
          - id: D1
            text: Users lose working time when services fail.
        painPoints:
          - id: P1
            text: Nobody trusts the reports.
        roles:
          - id: agent
            name: Service Desk Agent
            holders: [Service desk]
          - id: manager
            name: Incident Manager
            holders: [Service desk lead]
          - id: caller
            name: Caller
            holders: [All staff]
          - id: analyst
            name: Problem Analyst
            inPlace: false
        records:
          - id: incident-record
            name: Incident record
          - id: problem-record
            name: Problem record

        """;

    /// <summary>A clean process document that no rule reports anything on.</summary>
    public const string Process = """
        id: incident
        name: Incident Management
        owner: manager
        purpose: Restore normal service quickly.
        triggers:
          - A user reports a disruption.
        drivers: [D1]
        painPoints: [P1]
        csfs:
          - id: csf-fast
            text: Services are restored quickly.
        kpis:
          - id: mttr
            name: Median time to resolve
            measure: median duration from start to step:resolve
            target: 8
            direction: lower
            csf: csf-fast
        procedures:
          - id: handle
            name: Handle an incident
            purpose: Take a disruption to restored service.
            trigger: A disruption is reported.
            steps:
              - id: log
                name: Log the incident
                instruction: Create the incident record.
                raci:
                  responsible: agent
                  accountable: manager
                inputs:
                  - record: incident-record
                    from: caller
              - id: resolve
                name: Resolve the incident
                instruction: Apply a fix and set the incident to Resolved.
                raci:
                  responsible: [agent]
                  accountable: manager
                outputs:
                  - record: incident-record
                    to: caller

        """;

    /// <summary>A second, clean procedure to append to <see cref="Process"/>.</summary>
    public const string EscalateProcedure = """
          - id: escalate
            name: Escalate to an expert
            purpose: Get expert help.
            trigger: First-line support cannot resolve it.
            steps:
              - id: ask
                name: Ask an expert
                instruction: Call the expert on duty.
                raci: {responsible: agent, accountable: manager}

        """;

    /// <summary>Lints a handbook document and process documents, with every diagnostic located.</summary>
    public static IReadOnlyList<Diagnostic> Check(string handbookYaml, params string[] processYamls)
    {
        var read = HandbookYamlReader.ReadHandbook(handbookYaml);
        Assert.Empty(read.Errors);
        var handbook = read.Value!;
        var maps = new Dictionary<string, SourceMap>(StringComparer.Ordinal) { [HandbookFolder.HandbookFile] = read.Map };
        foreach (var text in processYamls)
        {
            var process = HandbookYamlReader.ReadProcess(text, "process.yaml");
            Assert.Empty(process.Errors);
            maps[HandbookFolder.ProcessDocument(process.Value!.Id)] = process.Map;
            handbook.Processes.Add(process.Value);
        }

        var load = new HandbookLoad(handbook, [], maps);
        return [.. Linter.Check(handbook).Select(load.Locate)];
    }

    /// <summary>Lints <see cref="Handbook"/> with one process document.</summary>
    public static IReadOnlyList<Diagnostic> Check(string processYaml) => Check(Handbook, processYaml);

    /// <summary>Replaces text that must occur exactly once, so a test can never edit nothing by mistake.</summary>
    public static string Edit(this string text, string old, string replacement)
    {
        var first = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(first >= 0, $"the text to edit does not contain: {old}");
        Assert.True(text.IndexOf(old, first + 1, StringComparison.Ordinal) < 0, $"the text to edit contains more than once: {old}");
        return text[..first] + replacement + text[(first + old.Length)..];
    }

    /// <summary>The diagnostic as <c>document:line:col</c>.</summary>
    public static string Where(this Diagnostic diagnostic) => $"{diagnostic.Document}:{diagnostic.At}";
}
