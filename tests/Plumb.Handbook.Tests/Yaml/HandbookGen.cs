namespace Plumb.Handbook.Tests.Yaml;

using CsCheck;
using Plumb.Handbook.Model;

/// <summary>
/// Generators of whole handbooks for round-trip properties. Text fields draw on characters that YAML treats
/// specially (quotes, colons, hashes, dashes, line breaks, leading and trailing spaces, non-ASCII) and on words
/// that would read back as other types (true, null, 12), so the writer's quoting is exercised.
/// </summary>
internal static class HandbookGen
{
    private static readonly Gen<string> Id = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"], 1, 12];

    private static readonly Gen<string> Text = Gen.Frequency(
        (6, Gen.String[Gen.Char["abc XYZ:#-'\"\n\t{}[],&*!|>%@`éß中"], 0, 30]),
        (2, Gen.OneOfConst("true", "null", "~", "12", "1.5e3", "yes", "- item", "key: value", "# not a comment", " lead", "trail ", "smile 🙂",
            "two\nlines", "line\n", "\n", "---", "0x1F", ".inf", "-")),
        (2, Gen.String[Gen.Char["abcdefghij "], 1, 20]));

    private static readonly Gen<string?> OptionalText = Gen.Frequency((1, Gen.Const(default(string?))), (2, Text.Select(t => (string?)t)));

    private static readonly Gen<List<string>> Texts = Text.List[0, 3];

    private static readonly Gen<List<string>> Ids = Id.List[0, 3];

    private static readonly Gen<bool?> OptionalBool = Gen.OneOfConst<bool?>(null, true, false);

    private static readonly Gen<Statement> Statement = Gen.Select(Id, Text, (id, text) => new Statement { Id = id, Text = text });

    private static readonly Gen<DataFlow> Flow = Gen.Select(Id, Id.Null(), OptionalText,
        (record, party, note) => new DataFlow { Record = record, Party = party, Note = note });

    private static readonly Gen<Finding> Finding = Gen.Select(Id, Text, Gen.Enum<FindingSeverity>(), OptionalText, Id.Null(), Gen.Enum<FindingStatus>(),
        (id, text, severity, planned, owner, status) => new Finding
        {
            Id = id, Text = text, Severity = severity, PlannedUpdate = planned, Owner = owner, Status = status,
        });

    private static readonly Gen<Raci> Raci = Gen.Select(Ids, Ids, Ids, Ids,
        (r, a, c, i) => new Raci { Responsible = r, Accountable = a, Consulted = c, Informed = i });

    private static readonly Gen<Decision?> Decision = Gen.Frequency(
        (2, Gen.Const(default(Decision?))),
        (1, Gen.Select(OptionalText, Gen.Enum<DecisionKind>(), Gen.Select(Id.Null(), Id, (w, g) => new Branch { When = w, Goto = g }).List[0, 3],
            (q, kind, branches) => (Decision?)new Decision { Question = q, Kind = kind, Branches = branches })));

    private static readonly Gen<ToolCondition?> Condition = Gen.Frequency(
        (2, Gen.Const(default(ToolCondition?))),
        (1, Gen.Select(Text, Texts, (attribute, values) => (ToolCondition?)new ToolCondition { Attribute = attribute, Values = values })));

    private static readonly Gen<ToolMapping?> Tool = Gen.Frequency(
        (1, Gen.Const(default(ToolMapping?))),
        (1, Gen.Select(Gen.Select(Id.Null(), Id.Null(), Ids, Texts, Texts), Gen.Bool, Condition,
            (t, observable, when) => (ToolMapping?)new ToolMapping
            {
                Table = t.Item1, Field = t.Item2, States = t.Item3, Groups = t.Item4, Activities = t.Item5, Observable = observable, When = when,
            })));

    private static readonly Gen<ReviewVerdict?> Review = Gen.Frequency(
        (2, Gen.Const(default(ReviewVerdict?))),
        (1, Gen.Select(OptionalBool, OptionalBool, OptionalBool, OptionalText,
            (n, e, r, notes) => (ReviewVerdict?)new ReviewVerdict { Necessary = n, Efficient = e, RoleInPlace = r, Notes = notes })));

    private static readonly Gen<Step> Step = Gen.Select(
        Gen.Select(Id, Text, Gen.Enum<StepKind>(), Texts, OptionalText, Raci),
        Gen.Select(Flow.List[0, 2], Flow.List[0, 2], Id.Null(), Decision, Gen.Enum<JoinKind>(), Id.Null()),
        Gen.Select(Tool, Review, Finding.List[0, 1]),
        (a, b, c) => new Step
        {
            Id = a.Item1, Name = a.Item2, Kind = a.Item3, Activities = a.Item4, Instruction = a.Item5, Raci = a.Item6,
            Inputs = b.Item1, Outputs = b.Item2, Next = b.Item3, Decision = b.Item4, Join = b.Item5, Call = b.Item6,
            Tool = c.Item1, Review = c.Item2, Findings = c.Item3,
        });

    private static readonly Gen<Procedure> Procedure = Gen.Select(Id, Text, OptionalText, OptionalText, OptionalText, Step.List[0, 4], Finding.List[0, 1],
        (id, name, purpose, trigger, outcome, steps, findings) => new Procedure
        {
            Id = id, Name = name, Purpose = purpose, Trigger = trigger, Outcome = outcome, Steps = steps, Findings = findings,
        });

    private static readonly Gen<double?> Target = Gen.Frequency(
        (1, Gen.Const(default(double?))),
        (2, Gen.Double[-1e9, 1e9].Select(d => (double?)d)),
        (1, Gen.Int[0, 100].Select(i => (double?)i)));

    private static readonly Gen<Kpi> Kpi = Gen.Select(
        Gen.Select(Id, Text, OptionalText, OptionalText, OptionalText),
        Gen.Select(Target, Gen.Enum<KpiDirection>(), Id.Null()),
        (a, b) => new Kpi
        {
            Id = a.Item1, Name = a.Item2, Definition = a.Item3, Measure = a.Item4, Unit = a.Item5,
            Target = b.Item1, Direction = b.Item2, Csf = b.Item3,
        });

    /// <summary>A process with every field drawn.</summary>
    public static readonly Gen<Process> Process = Gen.Select(
        Gen.Select(Id, Text, Id.Null(), Gen.Enum<ProcessStatus>(), Id, OptionalText, OptionalText, OptionalText),
        Gen.Select(Texts, Texts, Statement.List[0, 2], Texts, Ids, Ids),
        Gen.Select(Flow.List[0, 2], Flow.List[0, 2], Kpi.List[0, 2], Procedure.List[0, 2], Finding.List[0, 2]),
        (a, b, c) => new Process
        {
            Id = a.Item1, Name = a.Item2, Owner = a.Item3, Status = a.Item4, Version = a.Item5,
            Mission = a.Item6, Purpose = a.Item7, Scope = a.Item8,
            Objectives = b.Item1, Principles = b.Item2, Csfs = b.Item3, Triggers = b.Item4, Drivers = b.Item5, PainPoints = b.Item6,
            Inputs = c.Item1, Outputs = c.Item2, Kpis = c.Item3, Procedures = c.Item4, Findings = c.Item5,
        });

    private static readonly Gen<Role> Role = Gen.Select(Id, Text, OptionalText, Gen.Bool, Texts, Texts,
        (id, name, description, inPlace, holders, groups) => new Role
        {
            Id = id, Name = name, Description = description, InPlace = inPlace, Holders = holders, Groups = groups,
        });

    private static readonly Gen<Record> Record = Gen.Select(Id, Text, OptionalText, Id.Null(),
        (id, name, description, table) => new Record { Id = id, Name = name, Description = description, Table = table });

    /// <summary>A handbook document (without processes, which live in their own documents).</summary>
    public static readonly Gen<Handbook> Handbook = Gen.Select(Text, OptionalText, Statement.List[0, 2], Statement.List[0, 2], Role.List[0, 3],
        Record.List[0, 3],
        (name, description, drivers, painPoints, roles, records) => new Handbook
        {
            Name = name, Description = description, Drivers = drivers, PainPoints = painPoints, Roles = roles, Records = records,
        });
}
