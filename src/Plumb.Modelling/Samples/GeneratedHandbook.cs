namespace Plumb.Modelling.Samples;

using Plumb.Handbook.Model;
using Plumb.Handbook.Samples;

/// <summary>
/// Procedures of any size with decisions, loops back, parallel branches with joins, calls and data flows, generated from a
/// fixed seed, so tests and benchmarks exercise the modelling on more than the small example.
/// </summary>
public static class GeneratedHandbook
{
    /// <summary>The example handbook plus a process <c>generated</c> with one procedure per requested size.</summary>
    public static Handbook Create(params int[] sizes)
    {
        var handbook = ExampleHandbook.Create("Generated");
        handbook.Roles.Add(new Role { Id = "resolver", Name = "Resolver Group", Groups = ["Network"] });
        handbook.Records.Add(new Record { Id = "rfc", Name = "Request for change", Table = "change_request" });
        var process = new Process { Id = "generated", Name = "Generated Process", Owner = "incident-manager" };
        foreach (var size in sizes) process.Procedures.Add(Procedure($"p{size}", size, seed: size));
        handbook.Processes.Add(process);
        return handbook;
    }

    /// <summary>A procedure of <paramref name="steps"/> steps; the same seed always gives the same procedure.</summary>
    public static Procedure Procedure(string id, int steps, int seed = 1)
    {
        var random = new Random(seed);
        string[] roles = ["service-desk-agent", "resolver", "incident-manager", "caller"];
        var procedure = new Procedure
        {
            Id = id, Name = $"Generated procedure of {steps} steps", Purpose = "Exercise the layout.",
            Trigger = "Work arrives", Outcome = "Work is done",
        };
        for (var i = 1; i <= steps; i++)
        {
            procedure.Steps.Add(new Step
            {
                Id = $"s{i}",
                Name = $"Step {i} {Words[random.Next(Words.Length)]}",
                Kind = (StepKind)random.Next(3),
                Instruction = $"Do the work of step {i}.",
                Raci = new Raci { Responsible = [roles[random.Next(roles.Length)]], Accountable = ["incident-manager"] },
            });
        }

        for (var i = 0; i < steps; i++)
        {
            var step = procedure.Steps[i];
            var left = steps - i - 1;
            if (i % 9 == 4 && left >= 4)
            {
                // Parallel split into the next two steps, joined again two steps later.
                step.Decision = new Decision { Kind = DecisionKind.Parallel, Branches = [new() { Goto = $"s{i + 2}" }, new() { Goto = $"s{i + 3}" }] };
                procedure.Steps[i + 1].Next = $"s{i + 4}";
                procedure.Steps[i + 3].Join = JoinKind.All;
                i += 3;
                continue;
            }

            if (i % 7 == 2 && left >= 3)
            {
                var branches = new List<Branch> { new() { When = "Done", Goto = $"s{i + 2}" }, new() { When = "Skip ahead", Goto = $"s{i + 4}" } };
                if (i >= 3) branches.Add(new Branch { When = "Rework needed", Goto = $"s{i - 1}" });
                step.Decision = new Decision { Question = $"Outcome of step {i + 1}?", Branches = branches };
            }
            else if (i % 13 == 6)
            {
                step.Call = "incident/handle-incident";
            }

            if (i % 5 == 1) step.Inputs.Add(new DataFlow { Record = "incident-record", Party = "caller" });
            if (i % 6 == 3) step.Outputs.Add(new DataFlow { Record = random.Next(2) == 0 ? "rfc" : "incident-record" });
        }

        return procedure;
    }

    private static readonly string[] Words = ["check", "record the details", "assign", "review and approve the proposal", "notify", "verify"];
}
