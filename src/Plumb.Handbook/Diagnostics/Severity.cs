namespace Plumb.Handbook.Diagnostics;

/// <summary>How much a problem matters: errors make <c>plumb check</c> fail, warnings and hints do not.</summary>
public enum Severity
{
    /// <summary>A suggestion that would make the handbook better.</summary>
    Hint,

    /// <summary>Something that is probably wrong or incomplete.</summary>
    Warning,

    /// <summary>Something that is wrong and must be fixed.</summary>
    Error,
}
