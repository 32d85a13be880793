namespace Plumb.Handbook.Model;

/// <summary>One line of a process's change log: the version it produced, when, what changed and the findings it settled.</summary>
public sealed class ChangeLogEntry
{
    /// <summary>The process version this change produced, e.g. <c>1.3</c>.</summary>
    public string Version { get; set; } = "";

    /// <summary>The day of the change as <c>yyyy-MM-dd</c>, if recorded.</summary>
    public string? Date { get; set; }

    /// <summary>What changed, in plain words.</summary>
    public string Text { get; set; } = "";

    /// <summary>Ids of the findings whose planned updates this change carried out.</summary>
    public List<string> Findings { get; set; } = [];
}
