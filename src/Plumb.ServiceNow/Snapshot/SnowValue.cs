namespace Plumb.ServiceNow.Snapshot;

/// <summary>One field of a ServiceNow record: the stored value and, when the export carried it, the display value.</summary>
public readonly record struct SnowValue(string Value, string? DisplayValue = null)
{
    /// <summary>The display value when there is one, else the stored value.</summary>
    public string Shown => string.IsNullOrEmpty(DisplayValue) ? Value : DisplayValue;
}
