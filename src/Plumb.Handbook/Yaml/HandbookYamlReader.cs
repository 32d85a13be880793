namespace Plumb.Handbook.Yaml;

using Plumb.Handbook.Model;

/// <summary>Reads <c>handbook.yaml</c> and <c>processes/ID.yaml</c> documents into the model, with positions.</summary>
public static partial class HandbookYamlReader
{
    /// <summary>Reads the handbook document (context, roles, records); processes are read separately.</summary>
    public static DocumentResult<Handbook> ReadHandbook(string text, string document = "handbook.yaml")
    {
        var binding = new YamlBinding(document);
        var root = YamlTree.Parse(text, document, binding.Errors);
        if (root is null) return new(null, binding.Errors, binding.Map);
        var mapping = binding.AsMapping(root, "", "the handbook file");
        if (mapping is null) return new(null, binding.Errors, binding.Map);

        var map = new MapReader(binding, mapping, "", "the handbook");
        var handbook = new Handbook
        {
            Name = map.RequiredString("name"),
            Description = map.String("description"),
            Drivers = Statements(map, "drivers", "a driver"),
            PainPoints = Statements(map, "painPoints", "a pain point"),
            Roles = [.. map.Maps("roles", "a role").Select(ReadRole)],
            Records = [.. map.Maps("records", "a record").Select(ReadRecord)],
        };
        map.Number("plumb");
        map.Done();
        return new(handbook, binding.Errors, binding.Map);
    }

    /// <summary>Reads one process document.</summary>
    public static DocumentResult<Process> ReadProcess(string text, string document)
    {
        var binding = new YamlBinding(document);
        var root = YamlTree.Parse(text, document, binding.Errors);
        if (root is null) return new(null, binding.Errors, binding.Map);
        var mapping = binding.AsMapping(root, "", "a process file");
        if (mapping is null) return new(null, binding.Errors, binding.Map);
        var process = ReadProcess(new MapReader(binding, mapping, "", "the process"));
        return new(process, binding.Errors, binding.Map);
    }

    private static List<Statement> Statements(MapReader map, string key, string what) =>
        [.. map.Maps(key, what).Select(m =>
        {
            var statement = new Statement { Id = m.RequiredString("id"), Text = m.RequiredString("text") };
            m.Done();
            return statement;
        })];

    private static Role ReadRole(MapReader m)
    {
        var role = new Role
        {
            Id = m.RequiredString("id"),
            Name = m.RequiredString("name"),
            Description = m.String("description"),
            InPlace = m.Bool("inPlace") ?? true,
            Holders = m.Strings("holders"),
            Groups = m.Strings("groups"),
        };
        m.Done();
        return role;
    }

    private static Record ReadRecord(MapReader m)
    {
        var record = new Record
        {
            Id = m.RequiredString("id"),
            Name = m.RequiredString("name"),
            Description = m.String("description"),
            Table = m.String("table"),
        };
        m.Done();
        return record;
    }

    private static Process ReadProcess(MapReader m)
    {
        var process = new Process
        {
            Id = m.RequiredString("id"),
            Name = m.RequiredString("name"),
            Owner = m.String("owner"),
            Status = m.Enum("status", ProcessStatus.Draft, Words.ProcessStatuses),
            Version = m.String("version") ?? "0.1",
            Mission = m.String("mission"),
            Purpose = m.String("purpose"),
            Scope = m.String("scope"),
            Objectives = m.Strings("objectives"),
            Principles = m.Strings("principles"),
            Csfs = Statements(m, "csfs", "a critical success factor"),
            Triggers = m.Strings("triggers"),
            Drivers = m.Strings("drivers"),
            PainPoints = m.Strings("painPoints"),
            Inputs = Flows(m, "inputs", "from"),
            Outputs = Flows(m, "outputs", "to"),
            Kpis = [.. m.Maps("kpis", "a KPI").Select(ReadKpi)],
            Procedures = [.. m.Maps("procedures", "a procedure").Select(ReadProcedure)],
            Findings = Findings(m),
            ChangeLog = [.. m.Maps("changeLog", "a change log entry").Select(ReadChange)],
        };
        m.Done();
        return process;
    }

    private static ChangeLogEntry ReadChange(MapReader m)
    {
        var entry = new ChangeLogEntry
        {
            Version = m.RequiredString("version"),
            Date = m.String("date"),
            Text = m.RequiredString("text"),
            Findings = m.Strings("findings"),
        };
        m.Done();
        return entry;
    }

    private static List<DataFlow> Flows(MapReader map, string key, string partyKey) =>
        [.. map.Maps(key, key == "inputs" ? "an input" : "an output").Select(m =>
        {
            var flow = new DataFlow { Record = m.RequiredString("record"), Party = m.String(partyKey), Note = m.String("note") };
            m.Done();
            return flow;
        })];

    private static Kpi ReadKpi(MapReader m)
    {
        var kpi = new Kpi
        {
            Id = m.RequiredString("id"),
            Name = m.RequiredString("name"),
            Definition = m.String("definition"),
            Measure = m.String("measure"),
            Unit = m.String("unit"),
            Target = m.Number("target"),
            Direction = m.Enum("direction", KpiDirection.Higher, Words.KpiDirections),
            Csf = m.String("csf"),
        };
        m.Done();
        return kpi;
    }

    private static Procedure ReadProcedure(MapReader m)
    {
        var procedure = new Procedure
        {
            Id = m.RequiredString("id"),
            Name = m.RequiredString("name"),
            Purpose = m.String("purpose"),
            Trigger = m.String("trigger"),
            Outcome = m.String("outcome"),
            Steps = [.. m.Maps("steps", "a step").Select(ReadStep)],
            Findings = Findings(m),
        };
        m.Done();
        return procedure;
    }

    private static List<Finding> Findings(MapReader map) =>
        [.. map.Maps("findings", "a finding").Select(m =>
        {
            var finding = new Finding
            {
                Id = m.RequiredString("id"),
                Text = m.RequiredString("text"),
                Severity = m.Enum("severity", FindingSeverity.Medium, Words.FindingSeverities),
                PlannedUpdate = m.String("plannedUpdate"),
                Owner = m.String("owner"),
                Status = m.Enum("status", FindingStatus.Open, Words.FindingStatuses),
            };
            m.Done();
            return finding;
        })];
}
