namespace Plumb.Benchmarks.Handbook;

using Plumb.Handbook.Model;

/// <summary>
/// A large, realistic handbook from a fixed seed: every process with KPIs, CSFs, data flows to other processes,
/// procedures with decisions, calls and tool mappings. Same seed, same handbook.
/// </summary>
public static class SyntheticHandbook
{
    public static Handbook Create(int processes, int seed)
    {
        var random = new Random(seed);
        var handbook = new Handbook
        {
            Name = $"Synthetic handbook ({processes} processes)",
            Drivers = [.. Enumerable.Range(1, 10).Select(i => new Statement { Id = $"D{i}", Text = $"Driver {i} of the organisation." })],
            PainPoints = [.. Enumerable.Range(1, 10).Select(i => new Statement { Id = $"P{i}", Text = $"Pain point {i} felt today." })],
            Roles = [.. Enumerable.Range(1, 40).Select(i => new Role
            {
                Id = $"role-{i}", Name = $"Role {i}", Description = "A role of the service organisation.",
                InPlace = i % 13 != 0, Holders = [$"Team {i}"], Groups = [$"Group {i}"],
            })],
            Records = [.. Enumerable.Range(1, 60).Select(i => new Record { Id = $"record-{i}", Name = $"Record {i}", Table = $"u_table_{i}" })],
        };
        for (var p = 0; p < processes; p++) handbook.Processes.Add(Process(random, p, processes));
        return handbook;
    }

    private static Process Process(Random random, int index, int count)
    {
        var id = $"process-{index:D3}";
        var process = new Process
        {
            Id = id, Name = $"Process {index}", Owner = Role(random), Status = ProcessStatus.InReview, Version = "1.0",
            Mission = "Deliver the outcome the business needs.", Purpose = "Keep the service running.", Scope = "All services.",
            Objectives = ["Meet the agreed targets."], Principles = ["Log everything."],
            Csfs = [new Statement { Id = "csf-speed", Text = "Work is done quickly." }, new Statement { Id = "csf-quality", Text = "Work is done right." }],
            Triggers = ["A request arrives."], Drivers = [$"D{random.Next(1, 11)}"], PainPoints = [$"P{random.Next(1, 11)}"],
            Inputs = [new DataFlow { Record = Record(random), Party = $"process-{(index + count - 1) % count:D3}" }],
            Outputs = [new DataFlow { Record = Record(random), Party = $"process-{(index + 1) % count:D3}" }],
            Kpis =
            [
                new Kpi
                {
                    Id = "cycle-time", Name = "Median cycle time", Measure = "median duration from start to step:s1-6 by priority, period(month)",
                    Unit = "hours", Target = 8, Direction = KpiDirection.Lower, Csf = "csf-speed",
                },
                new Kpi
                {
                    Id = "rework", Name = "Rework rate", Measure = "ratio where visits step:s1-2 > 1 or reassignments > 2 of priority in (1, 2)",
                    Unit = "%", Target = 5, Direction = KpiDirection.Lower, Csf = "csf-quality",
                },
            ],
        };
        for (var r = 1; r <= 3; r++) process.Procedures.Add(Procedure(random, r, index, count));
        process.Findings.Add(new Finding { Id = $"F-{index}", Text = "Steps are skipped at night.", Owner = process.Owner });
        return process;
    }

    private static Procedure Procedure(Random random, int number, int processIndex, int count)
    {
        var steps = new List<Step>();
        for (var s = 1; s <= 8; s++)
        {
            var step = new Step
            {
                Id = $"s{number}-{s}", Name = $"Step {s} of procedure {number}", Instruction = "Do the work and record what was done.",
                Activities = ["Record", "Update"],
                Raci = new Raci { Responsible = [Role(random)], Accountable = [Role(random)], Consulted = [Role(random)], Informed = [Role(random)] },
                Tool = new ToolMapping { Table = "incident", States = [$"{s}"], Groups = [$"Group {s}"], Activities = [$"Activity {s}"] },
                Review = new ReviewVerdict { Necessary = true, Efficient = s % 3 != 0, RoleInPlace = true },
            };
            if (s == 1) step.Inputs.Add(new DataFlow { Record = Record(random), Party = $"role-{random.Next(1, 41)}" });
            if (s == 8) step.Outputs.Add(new DataFlow { Record = Record(random), Party = $"role-{random.Next(1, 41)}" });
            if (s == 3)
            {
                step.Decision = new Decision
                {
                    Question = "Is more work needed?",
                    Branches = [new Branch { When = "yes", Goto = $"s{number}-4" }, new Branch { When = "otherwise", Goto = $"s{number}-6" }],
                };
            }

            if (s == 5) step.Call = $"process-{(processIndex + 7) % count:D3}/p{number}";
            steps.Add(step);
        }

        return new Procedure
        {
            Id = $"p{number}", Name = $"Procedure {number}", Purpose = "Get the work done.", Trigger = "Work arrives.",
            Outcome = "The work is done.", Steps = steps,
        };
    }

    private static string Role(Random random) => $"role-{random.Next(1, 41)}";

    private static string Record(Random random) => $"record-{random.Next(1, 61)}";
}
