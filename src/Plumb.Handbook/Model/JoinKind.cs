namespace Plumb.Handbook.Model;

/// <summary>How several incoming paths meet before a step.</summary>
public enum JoinKind
{
    /// <summary>The step starts when any incoming path arrives (exclusive merge).</summary>
    Any,

    /// <summary>The step waits for every incoming path (parallel join).</summary>
    All,
}
