namespace Plumb.Server.History;

using Plumb.Mining.Readers;
using Plumb.Server.Handbooks;

/// <summary>
/// The fields besides state, group and priority that the current handbook's steps are mapped on (major_incident_state,
/// known_error, approval): a ServiceNow history read for results derives events from their audited changes, as <c>plumb analyze</c> does.
/// </summary>
public static class HandbookStepFields
{
    /// <summary>The fields, sorted; none without a handbook service.</summary>
    public static async Task<IReadOnlyList<string>> OfCurrentAsync(HandbookService? handbooks, CancellationToken cancellationToken)
    {
        if (handbooks is null) return [];
        var handbook = (await handbooks.GetCurrentAsync(cancellationToken)).Handbook;
        return SnowJsonEventLogReader.StepFieldsOf(handbook.Processes.SelectMany(p => p.Procedures).SelectMany(p => p.Steps)).Order(StringComparer.Ordinal).ToList();
    }
}
