namespace Plumb.Cli.Demo;

/// <summary>Where the demo keeps its parts inside the workspace.</summary>
public sealed record DemoPaths(string Root)
{
    /// <summary>The ticket histories the demo generates: process id and number of cases.</summary>
    public static readonly (string Process, int Cases)[] Histories = [("incident", 4000), ("problem", 500), ("change", 800)];

    public string Handbook => Path.Combine(Root, "handbook");

    public string Snapshot => Path.Combine(Root, "servicenow-snapshot");

    public string History => Path.Combine(Root, "ticket-history");

    public string Reports => Path.Combine(Root, "reports");

    public string Database => Path.Combine(Root, "plumb.db");

    public string Log(string process) => Path.Combine(History, $"{process}.csv");

    public string Report(string file) => Path.Combine(Reports, file);
}
