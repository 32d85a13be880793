namespace Plumb.Handbook.Yaml;

using Plumb.Handbook.Model;

public static partial class HandbookYamlWriter
{
    private static void WriteProcedure(YamlOut y, Procedure p)
    {
        y.Field("id", p.Id);
        y.Field("name", p.Name);
        y.Field("purpose", p.Purpose);
        y.Field("trigger", p.Trigger);
        y.Field("outcome", p.Outcome);
        y.Items("steps", p.Steps, s => WriteStep(y, s));
        WriteFindings(y, p.Findings);
    }

    private static void WriteStep(YamlOut y, Step s)
    {
        y.Field("id", s.Id);
        y.Field("name", s.Name);
        if (s.Kind != StepKind.User) y.Field("kind", Words.Of(Words.StepKinds, s.Kind));
        y.List("activities", s.Activities, flow: false);
        y.Field("instruction", s.Instruction);
        var raci = s.Raci;
        if (raci.Assignments().Any())
        {
            y.Key("raci");
            y.BeginMap();
            y.List("responsible", raci.Responsible, flow: true);
            if (raci.Accountable.Count == 1) y.Field("accountable", raci.Accountable[0]);
            else y.List("accountable", raci.Accountable, flow: true);
            y.List("consulted", raci.Consulted, flow: true);
            y.List("informed", raci.Informed, flow: true);
            y.EndMap();
        }

        WriteFlows(y, "inputs", "from", s.Inputs);
        WriteFlows(y, "outputs", "to", s.Outputs);
        y.Field("next", s.Next);
        if (s.Decision is { } decision)
        {
            y.Key("decision");
            y.BeginMap();
            y.Field("question", decision.Question);
            if (decision.Kind != DecisionKind.Exclusive) y.Field("kind", Words.Of(Words.DecisionKinds, decision.Kind));
            y.Items("branches", decision.Branches, b =>
            {
                y.Field("when", b.When);
                y.Field("goto", b.Goto);
            });
            y.EndMap();
        }

        if (s.Join != JoinKind.Any) y.Field("join", Words.Of(Words.JoinKinds, s.Join));
        y.Field("call", s.Call);
        if (s.Tool is { } tool)
        {
            y.Key("tool");
            y.BeginMap();
            y.Field("table", tool.Table);
            y.Field("field", tool.Field);
            y.List("states", tool.States, flow: true);
            y.List("groups", tool.Groups, flow: true);
            y.List("activities", tool.Activities, flow: true);
            if (!tool.Observable) y.Field("observable", false);
            if (tool.When is { } when)
            {
                y.Key("when");
                y.BeginMap();
                y.Field("attribute", when.Attribute);
                y.List("values", when.Values, flow: true);
                y.EndMap();
            }

            y.EndMap();
        }

        if (s.Review is { } review)
        {
            y.Key("review");
            y.BeginMap();
            y.Field("necessary", review.Necessary);
            y.Field("efficient", review.Efficient);
            y.Field("roleInPlace", review.RoleInPlace);
            y.Field("notes", review.Notes);
            y.EndMap();
        }

        WriteFindings(y, s.Findings);
    }
}
