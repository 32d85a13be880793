namespace Plumb.Handbook.Model;

/// <summary>Role ids that are responsible, accountable, consulted and informed for a step.</summary>
public sealed class Raci
{
    /// <summary>Roles that do the work; at least one.</summary>
    public List<string> Responsible { get; set; } = [];

    /// <summary>The role that answers for the outcome; exactly one.</summary>
    public List<string> Accountable { get; set; } = [];

    /// <summary>Roles asked before or during the work.</summary>
    public List<string> Consulted { get; set; } = [];

    /// <summary>Roles told about the result.</summary>
    public List<string> Informed { get; set; } = [];

    /// <summary>Every role named, each with its letter.</summary>
    public IEnumerable<(string Role, char Letter)> Assignments()
    {
        foreach (var r in Responsible) yield return (r, 'R');
        foreach (var a in Accountable) yield return (a, 'A');
        foreach (var c in Consulted) yield return (c, 'C');
        foreach (var i in Informed) yield return (i, 'I');
    }
}
