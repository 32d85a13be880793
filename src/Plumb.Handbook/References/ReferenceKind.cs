namespace Plumb.Handbook.References;

/// <summary>The kind of thing a reference points at.</summary>
public enum ReferenceKind
{
    /// <summary>Nothing: the reference is broken.</summary>
    Unresolved,

    /// <summary>The end of the procedure.</summary>
    End,

    /// <summary>A step.</summary>
    Step,

    /// <summary>A procedure.</summary>
    Procedure,

    /// <summary>A process.</summary>
    Process,

    /// <summary>A role acting as a party outside the flow.</summary>
    Role,
}
