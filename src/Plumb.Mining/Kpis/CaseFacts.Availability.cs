namespace Plumb.Mining.Kpis;

using System.Globalization;
using Plumb.Handbook.Measures;
using Plumb.Mining.Readers;

/// <summary>
/// Whether the log holds what a measure depends on. A KPI over events that are absent is not measurable (the report shows it
/// grey with the reason) rather than a confident 0 % or 100 %: no group column, no reassignment rate; no event mapped to a step,
/// nothing measured about that step; no way to see a reopening, no reopen rate.
/// </summary>
internal sealed partial class CaseFacts
{
    /// <summary>Record fields that hold the tool's count of reassignments (ServiceNow, BPI Challenge 2014).</summary>
    internal static readonly string[] ReassignmentFields = ["reassignment_count", "# Reassignments"];

    /// <summary>Record fields that hold the tool's count of reopenings.</summary>
    internal static readonly string[] ReopenFields = ["reopen_count"];

    /// <summary>Why the measure cannot be measured on this log (naming what is missing), or null when it can.</summary>
    public string? Unavailable(Measure measure)
    {
        foreach (var target in MeasureTargets.Of(measure).Distinct())
        {
            var reason = target.Kind switch
            {
                // The tool cannot show the step (tool: { observable: false }): the few events that seem to are no count of it.
                TargetKind.Step when FindStep(target.Value) is { Tool.Observable: false } =>
                    $"step '{target.Value}' is marked as not observable in the tool (tool: {{ observable: false }}), so the log cannot show which cases reached it",
                TargetKind.Step => Matches(target).HasAnySet() ? null
                    : $"no event of the log maps to step '{target.Value}' (map it with plumb map or the step's tool mapping)",
                TargetKind.Activity when target.Value == StateChangeDeriver.Reopened => CanSeeReopening() ? null : NoReopening,
                TargetKind.Activity => log.ActivityNames.Find(target.Value) >= 0 ? null : $"the log has no '{target.Value}' event",
                TargetKind.State => log.States is not null || Matches(target).HasAnySet() ? null
                    : $"the log has no state field and no event named after state '{target.Value}'",
                TargetKind.Field => FieldTimes(target.Value).Any(t => t != long.MinValue) ? null
                    : $"the log has no date in field '{target.Value}'",
                _ => null,
            };
            if (reason is not null) return reason;
        }

        foreach (var field in MeasureTargets.FieldsOf(measure).Distinct(StringComparer.Ordinal))
        {
            var reason = field switch
            {
                "events" => null,
                "reassignments" or "groups" when field == "reassignments" && HasRecordField(ReassignmentFields) => null,
                "reassignments" or "groups" => HasGroups() ? null : "the log has no assignment group column (nor a reassignment_count field)",
                "reopened" => CanSeeReopening() ? null : NoReopening,
                "group" or "assignment_group" => HasGroups() ? null : "the log has no assignment group column",
                "priority" => Enumerable.Range(0, log.CaseCount).Any(c => EventLogs.CaseDimensions.PriorityOf(log, c) is not null) ? null
                    : "the log has no priority",
                _ => log.FindAttribute(field) is not null ? null : $"the log has no field '{field}'",
            };
            if (reason is not null) return reason;
        }

        return null;
    }

    private const string NoReopening = "the log has no reopen events, no state field to see a reopening, and no reopen_count field";

    private bool HasGroups() => log.Groups is { } groups && groups.Any(g => g >= 0);

    private bool HasRecordField(string[] names) => names.Any(n => log.FindAttribute(n) is not null);

    // A reopening can be seen from a Reopened event, from a state field that shows tickets leaving a final state, or from the
    // record's count or time of reopening.
    // A state field only shows a reopening when some of its values are final states of the table (a BPI Challenge "Status" of
    // Accepted, Queued, Completed is not ServiceNow's and cannot show one).
    private bool CanSeeReopening() =>
        log.ActivityNames.Find(StateChangeDeriver.Reopened) >= 0 || (log.States is not null && log.StateValues.Values.Any(Choices.IsFinal))
        || HasRecordField(ReopenFields) || log.FindAttribute("Reopen Time") is not null;

    /// <summary>The whole number a record field of the case holds (the first of the names that the log has), or null.</summary>
    private int? RecordCount(int c, string[] names)
    {
        foreach (var name in names)
        {
            if (log.FindAttribute(name)?.ValueOf(c) is { } text
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return (int)value;
        }

        return null;
    }
}
