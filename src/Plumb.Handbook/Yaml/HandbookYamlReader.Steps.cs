namespace Plumb.Handbook.Yaml;

using Plumb.Handbook.Model;

public static partial class HandbookYamlReader
{
    private static Step ReadStep(MapReader m)
    {
        var step = new Step
        {
            Id = m.RequiredString("id"),
            Name = m.RequiredString("name"),
            Kind = m.Enum("kind", StepKind.User, Words.StepKinds),
            Activities = m.Strings("activities"),
            Instruction = m.String("instruction"),
            Raci = ReadRaci(m.Map("raci", "the RACI of a step")),
            Inputs = Flows(m, "inputs", "from"),
            Outputs = Flows(m, "outputs", "to"),
            Next = m.String("next"),
            Decision = ReadDecision(m.Map("decision", "a decision")),
            Join = m.Enum("join", JoinKind.Any, Words.JoinKinds),
            Call = m.String("call"),
            Tool = ReadTool(m.Map("tool", "a tool mapping")),
            Review = ReadReview(m.Map("review", "a review verdict")),
            Findings = Findings(m),
        };
        m.Done();
        return step;
    }

    private static Raci ReadRaci(MapReader? m)
    {
        if (m is null) return new Raci();
        var raci = new Raci
        {
            Responsible = m.Strings("responsible"),
            Accountable = m.Strings("accountable"),
            Consulted = m.Strings("consulted"),
            Informed = m.Strings("informed"),
        };
        m.Done();
        return raci;
    }

    private static Decision? ReadDecision(MapReader? m)
    {
        if (m is null) return null;
        var decision = new Decision
        {
            Question = m.String("question"),
            Kind = m.Enum("kind", DecisionKind.Exclusive, Words.DecisionKinds),
            Branches = [.. m.Maps("branches", "a branch").Select(b =>
            {
                var branch = new Branch { When = b.String("when"), Goto = b.RequiredString("goto") };
                b.Done();
                return branch;
            })],
        };
        m.Done();
        return decision;
    }

    private static ToolMapping? ReadTool(MapReader? m)
    {
        if (m is null) return null;
        var tool = new ToolMapping
        {
            Table = m.String("table"),
            Field = m.String("field"),
            States = m.Strings("states"),
            Groups = m.Strings("groups"),
            Activities = m.Strings("activities"),
            Observable = m.Bool("observable") ?? true,
            When = ReadCondition(m.Map("when", "the condition of the tool mapping")),
        };
        m.Done();
        return tool;
    }

    private static ToolCondition? ReadCondition(MapReader? m)
    {
        if (m is null) return null;
        var condition = new ToolCondition { Attribute = m.String("attribute") ?? "", Values = m.Strings("values") };
        m.Done();
        return condition;
    }

    private static ReviewVerdict? ReadReview(MapReader? m)
    {
        if (m is null) return null;
        var review = new ReviewVerdict
        {
            Necessary = m.Bool("necessary"),
            Efficient = m.Bool("efficient"),
            RoleInPlace = m.Bool("roleInPlace"),
            Notes = m.String("notes"),
        };
        m.Done();
        return review;
    }
}
