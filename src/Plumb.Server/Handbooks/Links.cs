namespace Plumb.Server.Handbooks;

/// <summary>
/// The stable, readable addresses of the portal. They are built from ids only, so a step's address does not change when
/// its text does, and links from ServiceNow and e-mail keep working.
/// </summary>
public static class Links
{
    public const string Home = "/";
    public const string Raci = "/raci";
    public const string Findings = "/findings";
    public const string Search = "/search";
    public const string Roles = "/roles";

    public static string Process(string id) => $"/processes/{Escape(id)}";

    public static string Procedure(string processId, string procedureId) => $"{Process(processId)}/procedures/{Escape(procedureId)}";

    public static string Step(string processId, string procedureId, string stepId) => $"{Procedure(processId, procedureId)}/steps/{Escape(stepId)}";

    /// <summary>The BPMN 2.0 file of a procedure, the model its portal diagram draws.</summary>
    public static string ProcedureBpmn(string processId, string procedureId) => $"{Procedure(processId, procedureId)}/diagram.bpmn";

    /// <summary>The page (in the portal's frame) where a reader tells the editors that a step is not how the work is done.</summary>
    public static string StepFeedback(string processId, string procedureId, string stepId) =>
        $"/feedback/{Escape(processId)}/{Escape(procedureId)}/{Escape(stepId)}";

    public static string Role(string id) => $"/roles/{Escape(id)}";

    private static string Escape(string id) => Uri.EscapeDataString(id);
}
