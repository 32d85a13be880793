namespace Plumb.Handbook.Model;

/// <summary>A short identified statement: a driver, a pain point or a critical success factor.</summary>
public sealed class Statement
{
    /// <summary>Stable id other parts of the handbook refer to.</summary>
    public string Id { get; set; } = "";

    /// <summary>The statement in plain words.</summary>
    public string Text { get; set; } = "";
}
