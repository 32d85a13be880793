namespace Plumb.ServiceNow.Drift;

/// <summary>The stable codes and kinds of drift items, documented in the drift command's help.</summary>
public static class DriftCodes
{
    /// <summary>A state the handbook maps that the instance has no choice for.</summary>
    public const string StateMissing = "SN001";

    /// <summary>A state the handbook maps whose choice is inactive in the instance.</summary>
    public const string StateInactive = "SN002";

    /// <summary>An active choice of a mapped field that no step maps.</summary>
    public const string StateUndocumented = "SN003";

    /// <summary>A tool mapping or record that names a table the instance does not have.</summary>
    public const string TableUnknown = "SN004";

    /// <summary>A tool mapping that names a field the table does not have.</summary>
    public const string FieldUnknown = "SN005";

    /// <summary>A group a role or step names that the instance lacks or has deactivated.</summary>
    public const string GroupMissing = "SN006";

    /// <summary>An active group of the instance that no role claims.</summary>
    public const string GroupUnclaimed = "SN007";

    /// <summary>An SLA definition whose duration disagrees with the documented KPI target.</summary>
    public const string SlaTargetDiffers = "SN008";

    /// <summary>A KPI whose measure needs a field the instance does not have.</summary>
    public const string KpiFieldMissing = "SN009";

    /// <summary>A task table whose states the instance keeps in its legacy field (<c>incident_state</c>) while the handbook maps <c>state</c>.</summary>
    public const string StateFieldLegacy = "SN010";

    /// <summary>A mapped state whose label in the instance differs from the out-of-box label of that value (8 = Awaiting Vendor, not Canceled).</summary>
    public const string StateRelabelled = "SN011";

    /// <summary>Something that could not be checked (a note, not drift).</summary>
    public const string NotChecked = "SN100";

    /// <summary>The kind word of each code, used in JSON and Markdown output.</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        [StateMissing] = "state-missing", [StateInactive] = "state-inactive", [StateUndocumented] = "state-undocumented",
        [TableUnknown] = "table-unknown", [FieldUnknown] = "field-unknown", [GroupMissing] = "group-missing",
        [GroupUnclaimed] = "group-unclaimed", [SlaTargetDiffers] = "sla-target-differs", [KpiFieldMissing] = "kpi-field-missing",
        [StateFieldLegacy] = "state-field-legacy", [StateRelabelled] = "state-relabelled",
        [NotChecked] = "not-checked",
    };
}
