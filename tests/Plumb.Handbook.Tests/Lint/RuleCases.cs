namespace Plumb.Handbook.Tests.Lint;

using static Plumb.Handbook.Tests.Lint.LintKit;

/// <summary>
/// For every lint rule, a mistake that it must report (at an exact place) and a near miss it must accept. Each side is
/// the clean <see cref="LintKit"/> handbook with a few edits.
/// </summary>
internal static class RuleCases
{
    public static readonly RuleCase[] All =
    [
        new("PLB101", "unknown-role",
            Fail: [P("responsible: agent\n", "responsible: agnet\n")], At: "processes/incident.yaml:29:24",
            Pass: [P("responsible: agent\n", "responsible: caller\n")]),
        new("PLB102", "unknown-record",
            Fail: [P("record: incident-record\n            from", "record: incident-ticket\n            from")], At: "processes/incident.yaml:32:21",
            Pass: [P("record: incident-record\n            from", "record: problem-record\n            from")]),
        new("PLB103", "unknown-party",
            Fail: [P("from: caller", "from: calller")], At: "processes/incident.yaml:33:19",
            Pass: [P("from: caller", "from: resolve")]),
        new("PLB104", "unknown-step",
            Fail: [P("        inputs:\n", "        next: resolv\n        inputs:\n")], At: "processes/incident.yaml:31:15",
            Pass: [P("        inputs:\n", "        next: resolve\n        inputs:\n")]),
        new("PLB105", "unknown-call",
            Fail: [P("        inputs:\n", "        call: problem/investigate\n        inputs:\n")], At: "processes/incident.yaml:31:15",
            Pass: [P("        inputs:\n", "        call: escalate\n        inputs:\n"), Append(EscalateProcedure)]),
        new("PLB106", "unknown-csf",
            Fail: [P("csf: csf-fast", "csf: csf-quick")], At: "processes/incident.yaml:18:10",
            Pass: [P("csf: csf-fast", "csf: 'csf-fast'")]),
        new("PLB107", "unknown-driver-or-pain-point",
            Fail: [P("drivers: [D1]", "drivers: [D1, D2]")], At: "processes/incident.yaml:7:15",
            Pass: [P("painPoints: [P1]", "painPoints: P1")]),
        new("PLB108", "missing-responsible",
            Fail: [P("          responsible: agent\n", "")], At: "processes/incident.yaml:28:9",
            Pass: [P("responsible: agent\n", "responsible: [agent, caller]\n")]),
        new("PLB109", "one-accountable",
            Fail: [P("accountable: manager\n        inputs", "accountable: [manager, agent]\n        inputs")], At: "processes/incident.yaml:30:24",
            Pass: [P("accountable: manager\n        inputs", "accountable: [manager]\n        inputs")]),
        new("PLB110", "responsible-not-in-place",
            Fail: [P("responsible: agent\n", "responsible: analyst\n")], At: "processes/incident.yaml:29:24",
            Pass: [P("responsible: agent\n", "responsible: agent\n          consulted: analyst\n")]),
        new("PLB111", "input-not-produced",
            Fail: [P("record: incident-record\n            from: caller", "record: problem-record")], At: "processes/incident.yaml:32:13",
            Pass: [P("record: incident-record\n            from: caller", "record: incident-record")]),
        new("PLB112", "output-not-consumed",
            Fail: [P("record: incident-record\n            to: caller", "record: problem-record")], At: "processes/incident.yaml:41:13",
            Pass: [P("record: incident-record\n            to: caller", "record: incident-record")]),
        new("PLB113", "unreachable-step",
            Fail: [P("        inputs:\n", "        next: end\n        inputs:\n")], At: "processes/incident.yaml:35:9",
            Pass: [P("        inputs:\n", "        next: resolve\n        inputs:\n")]),
        new("PLB114", "no-path-to-end",
            Fail: [P("        outputs:\n", "        next: log\n        outputs:\n")], At: "processes/incident.yaml:20:5",
            Pass: [P("        outputs:\n", Decision("exclusive", ("reopened", "log"), ("otherwise", "end")) + "        outputs:\n")]),
        new("PLB115", "invalid-measure",
            Fail: [P("median duration from", "median duraton from")], At: "processes/incident.yaml:15:14",
            Pass: [P("median duration from start to step:resolve", "p90 duration from step:log to last step:resolve by priority")]),
        new("PLB116", "branch-without-condition",
            Fail: [P("        outputs:\n", Decision("exclusive", ("fixed", "end"), (null, "log")) + "        outputs:\n")], At: "processes/incident.yaml:46:15",
            Pass: [P("        outputs:\n", Decision("parallel", (null, "end"), (null, "log")) + "        outputs:\n")]),
        new("PLB117", "parallel-single-branch",
            Fail: [P("        outputs:\n", Decision("parallel", (null, "end")) + "        outputs:\n")], At: "processes/incident.yaml:40:9",
            Pass: [P("        outputs:\n", Decision("exclusive", ("fixed", "end")) + "        outputs:\n")]),
        new("PLB118", "duplicate-id",
            Fail: [H("  - id: problem-record", "  - id: incident-record")], At: "handbook.yaml:24:9",
            Pass: [H("  - id: problem-record", "  - id: Incident-record")]),
        new("PLB119", "kpi-without-target",
            Fail: [P("    target: 8\n", "")], At: "processes/incident.yaml:13:5",
            Pass: [P("    target: 8\n", "    target: 0\n")]),
        new("PLB120", "decision-without-branches",
            Fail: [P("        outputs:\n", "        decision:\n          question: Fixed?\n        outputs:\n")], At: "processes/incident.yaml:40:9",
            Pass: [P("        outputs:\n", Decision("exclusive", ("fixed", "end"), ("not fixed", "log")) + "        outputs:\n")]),
        new("PLB121", "kpi-without-measure",
            Fail: [P("    measure: median duration from start to step:resolve\n", "")], At: "processes/incident.yaml:13:5",
            Pass: [P("    measure: median duration from start to step:resolve\n", "    measure: count\n")]),
        new("PLB122", "csf-without-kpi",
            Fail: [P("kpis:\n", "  - id: csf-trusted\n    text: Reports are trusted.\nkpis:\n")], At: "processes/incident.yaml:12:5",
            Pass: [P("    text: Services are restored quickly.\n", "    text: Services are restored quickly.\n  - id: csf-trusted\n    text: Reports are trusted.\n"),
                P("    csf: csf-fast\n", "    csf: csf-fast\n  - id: reopened\n    name: Reopened\n    measure: ratio where visits state:1 > 1\n    target: 5\n    direction: lower\n    csf: csf-trusted\n")]),
        new("PLB123", "missing-purpose",
            Fail: [P("    purpose: Take a disruption to restored service.\n", "")], At: "processes/incident.yaml:20:5",
            Pass: [P("    purpose: Take a disruption to restored service.\n", "    purpose: |\n      Take a disruption\n      to restored service.\n")]),
        new("PLB124", "missing-trigger",
            Fail: [P("    trigger: A disruption is reported.\n", "")], At: "processes/incident.yaml:20:5",
            Pass: [P("triggers:\n  - A user reports a disruption.\n", "triggers: A user reports a disruption.\n")]),
        new("PLB125", "missing-instruction",
            Fail: [P("        instruction: Create the incident record.\n", "")], At: "processes/incident.yaml:25:9",
            Pass: [P("        instruction: Create the incident record.\n", "        call: escalate\n"), Append(EscalateProcedure)]),
        new("PLB126", "process-without-owner",
            Fail: [P("owner: manager\n", "")], At: "processes/incident.yaml:1:1",
            Pass: [P("owner: manager\n", "owner: agent\n")]),
        new("PLB127", "role-without-holders",
            Fail: [H("    holders: [All staff]\n", "")], At: "handbook.yaml:15:5",
            Pass: [H("    holders: [All staff]\n", "    inPlace: false\n")]),
        new("PLB128", "step-to-itself",
            Fail: [P("        outputs:\n", "        next: resolve\n        outputs:\n")], At: "processes/incident.yaml:40:15",
            Pass: [P("        outputs:\n", "        next: end\n        outputs:\n")]),
        new("PLB129", "finding-without-owner",
            Fail: [Append("findings:\n  - id: F1\n    text: Resolution is slow at night.\n")], At: "processes/incident.yaml:44:5",
            Pass: [Append("findings:\n  - id: F1\n    text: Resolution is slow at night.\n    status: done\n")]),
        new("PLB130", "empty-procedure",
            Fail: [Append("  - id: escalate\n    name: Escalate\n    purpose: Get help.\n    trigger: Stuck.\n")], At: "processes/incident.yaml:43:5",
            Pass: [Append(EscalateProcedure)]),
        new("PLB131", "invalid-id",
            Fail: [H("  - id: analyst", "  - id: ../../../x/role-dir")], At: "handbook.yaml:18:9",
            Pass: [H("  - id: analyst", "  - id: Analyst.2_b")]),
    ];

    /// <summary>An edit of the process document.</summary>
    private static Edit P(string old, string replacement) => new(false, old, replacement);

    /// <summary>An edit of the handbook document.</summary>
    private static Edit H(string old, string replacement) => new(true, old, replacement);

    /// <summary>Text added at the end of the process document.</summary>
    private static Edit Append(string text) => new(false, null, text);

    /// <summary>A decision block for the resolve step.</summary>
    private static string Decision(string kind, params (string? When, string Goto)[] branches) =>
        $"        decision:\n          question: Is it fixed?\n          kind: {kind}\n          branches:\n"
        + string.Concat(branches.Select(b => b.When is null
            ? $"            - goto: {b.Goto}\n"
            : $"            - when: {b.When}\n              goto: {b.Goto}\n"));
}

/// <summary>One change to the clean handbook: replace text (exactly once) or, with no old text, append.</summary>
internal sealed record Edit(bool InHandbook, string? Old, string Replacement);

/// <summary>A rule with a mistake it reports at <see cref="At"/> and a near miss it accepts.</summary>
internal sealed record RuleCase(string Code, string Name, Edit[] Fail, string At, Edit[] Pass)
{
    public (string Handbook, string Process) Apply(Edit[] edits)
    {
        var handbook = LintKit.Handbook;
        var process = LintKit.Process;
        foreach (var edit in edits)
        {
            if (edit.InHandbook) handbook = handbook.Edit(edit.Old!, edit.Replacement);
            else process = edit.Old is null ? process + edit.Replacement : process.Edit(edit.Old, edit.Replacement);
        }

        return (handbook, process);
    }
}
