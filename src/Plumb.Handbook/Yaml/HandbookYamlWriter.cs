namespace Plumb.Handbook.Yaml;

using Plumb.Handbook.Model;

/// <summary>Writes the model back as <c>handbook.yaml</c> and <c>processes/ID.yaml</c>, pointing editors at the JSON Schema.</summary>
public static partial class HandbookYamlWriter
{
    /// <summary>The first line of a handbook document: tells YAML-aware editors where the schema is.</summary>
    public const string HandbookSchemaLine = "# yaml-language-server: $schema=schema/handbook.schema.json";

    /// <summary>The first line of a process document.</summary>
    public const string ProcessSchemaLine = "# yaml-language-server: $schema=../schema/process.schema.json";

    /// <summary>Writes the handbook document (context, roles, records).</summary>
    public static void WriteHandbook(Handbook handbook, TextWriter writer)
    {
        writer.Write(HandbookSchemaLine + "\n");
        var y = new YamlOut(writer);
        y.BeginDocument();
        y.BeginMap();
        y.Field("plumb", 1d);
        y.Field("name", handbook.Name);
        y.Field("description", handbook.Description);
        WriteStatements(y, "drivers", handbook.Drivers);
        WriteStatements(y, "painPoints", handbook.PainPoints);
        y.Items("roles", handbook.Roles, r =>
        {
            y.Field("id", r.Id);
            y.Field("name", r.Name);
            y.Field("description", r.Description);
            y.Field("inPlace", r.InPlace);
            y.List("holders", r.Holders, flow: true);
            y.List("groups", r.Groups, flow: true);
        });
        y.Items("records", handbook.Records, r =>
        {
            y.Field("id", r.Id);
            y.Field("name", r.Name);
            y.Field("description", r.Description);
            y.Field("table", r.Table);
        });
        y.EndMap();
        y.EndDocument();
    }

    /// <summary>Writes one process document.</summary>
    public static void WriteProcess(Process process, TextWriter writer)
    {
        writer.Write(ProcessSchemaLine + "\n");
        var y = new YamlOut(writer);
        y.BeginDocument();
        y.BeginMap();
        y.Field("id", process.Id);
        y.Field("name", process.Name);
        y.Field("owner", process.Owner);
        y.Field("status", Words.Of(Words.ProcessStatuses, process.Status));
        y.Field("version", process.Version);
        y.Field("mission", process.Mission);
        y.Field("purpose", process.Purpose);
        y.Field("scope", process.Scope);
        y.List("objectives", process.Objectives, flow: false);
        y.List("principles", process.Principles, flow: false);
        WriteStatements(y, "csfs", process.Csfs);
        y.List("triggers", process.Triggers, flow: false);
        y.List("drivers", process.Drivers, flow: true);
        y.List("painPoints", process.PainPoints, flow: true);
        WriteFlows(y, "inputs", "from", process.Inputs);
        WriteFlows(y, "outputs", "to", process.Outputs);
        y.Items("kpis", process.Kpis, k =>
        {
            y.Field("id", k.Id);
            y.Field("name", k.Name);
            y.Field("definition", k.Definition);
            y.Field("measure", k.Measure);
            y.Field("unit", k.Unit);
            y.Field("target", k.Target);
            y.Field("direction", Words.Of(Words.KpiDirections, k.Direction));
            y.Field("csf", k.Csf);
        });
        y.Items("procedures", process.Procedures, p => WriteProcedure(y, p));
        WriteFindings(y, process.Findings);
        y.Items("changeLog", process.ChangeLog, c =>
        {
            y.Field("version", c.Version);
            y.Field("date", c.Date);
            y.Field("text", c.Text);
            y.List("findings", c.Findings, flow: true);
        });
        y.EndMap();
        y.EndDocument();
    }

    /// <summary>The handbook document as a string.</summary>
    public static string HandbookToString(Handbook handbook)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        WriteHandbook(handbook, writer);
        return writer.ToString();
    }

    /// <summary>The process document as a string.</summary>
    public static string ProcessToString(Process process)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        WriteProcess(process, writer);
        return writer.ToString();
    }

    private static void WriteStatements(YamlOut y, string key, List<Statement> statements) =>
        y.Items(key, statements, s =>
        {
            y.Field("id", s.Id);
            y.Field("text", s.Text);
        });

    private static void WriteFlows(YamlOut y, string key, string partyKey, List<DataFlow> flows) =>
        y.Items(key, flows, f =>
        {
            y.Field("record", f.Record);
            y.Field(partyKey, f.Party);
            y.Field("note", f.Note);
        });

    private static void WriteFindings(YamlOut y, List<Finding> findings) =>
        y.Items("findings", findings, f =>
        {
            y.Field("id", f.Id);
            y.Field("text", f.Text);
            y.Field("severity", Words.Of(Words.FindingSeverities, f.Severity));
            y.Field("plannedUpdate", f.PlannedUpdate);
            y.Field("owner", f.Owner);
            y.Field("status", Words.Of(Words.FindingStatuses, f.Status));
        });
}
