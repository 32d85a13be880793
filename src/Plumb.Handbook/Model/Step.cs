namespace Plumb.Handbook.Model;

/// <summary>
/// A logical grouping of activities in a procedure: who does it (RACI), what comes in and goes out,
/// the instruction anyone can follow, where it leads next, how it shows in the tool, and what the review found.
/// </summary>
public sealed class Step
{
    /// <summary>The id that ends a flow when used as a target of <see cref="Next"/> or a branch.</summary>
    public const string End = "end";

    /// <summary>Stable id, unique within the procedure.</summary>
    public string Id { get; set; } = "";

    /// <summary>Display name, an imperative such as "Log the incident".</summary>
    public string Name { get; set; } = "";

    /// <summary>How the step is carried out (by a person in the tool, by hand, by the system).</summary>
    public StepKind Kind { get; set; } = StepKind.User;

    /// <summary>The activities the step groups.</summary>
    public List<string> Activities { get; set; } = [];

    /// <summary>The work instruction, in Markdown.</summary>
    public string? Instruction { get; set; }

    /// <summary>Who is responsible, accountable, consulted and informed.</summary>
    public Raci Raci { get; set; } = new();

    /// <summary>Records the step needs, and where they come from.</summary>
    public List<DataFlow> Inputs { get; set; } = [];

    /// <summary>Records the step produces, and where they go.</summary>
    public List<DataFlow> Outputs { get; set; } = [];

    /// <summary>The step that follows, or <c>end</c>; when null the next step in the list follows.</summary>
    public string? Next { get; set; }

    /// <summary>A decision taken after the step; its branches replace <see cref="Next"/>.</summary>
    public Decision? Decision { get; set; }

    /// <summary>How incoming paths are joined before the step when more than one leads into it.</summary>
    public JoinKind Join { get; set; } = JoinKind.Any;

    /// <summary>A procedure of this or another process that this step hands over to (<c>process/procedure</c>).</summary>
    public string? Call { get; set; }

    /// <summary>How the step shows in the ITSM tool and in event logs.</summary>
    public ToolMapping? Tool { get; set; }

    /// <summary>What the procedure review concluded about the step.</summary>
    public ReviewVerdict? Review { get; set; }

    /// <summary>Findings recorded against the step.</summary>
    public List<Finding> Findings { get; set; } = [];
}
