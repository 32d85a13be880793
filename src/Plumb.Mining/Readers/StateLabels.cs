namespace Plumb.Mining.Readers;

/// <summary>
/// Names for the out-of-box ServiceNow task state values, so state changes read as activities ("In Progress") while the raw
/// value ("2") stays available to step mappings; a display value in an export is turned back into its raw value.
/// </summary>
public static class StateLabels
{
    private static readonly Dictionary<string, string> Incident = new(StringComparer.Ordinal)
    {
        ["1"] = "New", ["2"] = "In Progress", ["3"] = "On Hold", ["6"] = "Resolved", ["7"] = "Closed", ["8"] = "Canceled",
    };

    private static readonly Dictionary<string, string> ByLabel =
        Incident.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The activity name for a state value: the out-of-box label where known, else the value itself.</summary>
    public static string LabelOf(string value) => Incident.TryGetValue(value, out var label) ? label : value;

    /// <summary>The raw value for a display label where known ("Resolved" → "6"), else the text itself.</summary>
    public static string ValueOf(string text) => ByLabel.TryGetValue(text.Trim(), out var value) ? value : text.Trim();

    /// <summary>True for states that end the work (resolved, closed, canceled), used to detect reopening.</summary>
    public static bool IsFinal(string value) => value is "6" or "7" or "8";
}
