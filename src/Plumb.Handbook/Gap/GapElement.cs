namespace Plumb.Handbook.Gap;

/// <summary>The kind of handbook element a gap is about.</summary>
public enum GapElement
{
    /// <summary>A process.</summary>
    Process,

    /// <summary>A procedure.</summary>
    Procedure,

    /// <summary>A step.</summary>
    Step,

    /// <summary>A role.</summary>
    Role,

    /// <summary>A KPI.</summary>
    Kpi,

    /// <summary>A critical success factor.</summary>
    Csf,

    /// <summary>A data flow in or out of a process.</summary>
    DataFlow,
}
