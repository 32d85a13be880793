namespace Plumb.ServiceNow.Drift;

/// <summary>Which side a drift item asks to change: the handbook, the instance, or whichever is wrong.</summary>
public enum DriftSide
{
    /// <summary>Change the handbook (documentation is behind the tool).</summary>
    Handbook,

    /// <summary>Change the instance (the tool is behind the documentation).</summary>
    Instance,

    /// <summary>Either side may be right; decide, then change the other.</summary>
    Either,
}
