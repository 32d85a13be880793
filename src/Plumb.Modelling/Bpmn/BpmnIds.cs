namespace Plumb.Modelling.Bpmn;

using System.Text;

/// <summary>
/// The stable element ids Plumb writes, derived from domain ids so the portal can link a step in any rendering:
/// <c>Step_&lt;procedure&gt;_&lt;step&gt;</c>, <c>Process_&lt;process&gt;_&lt;procedure&gt;</c> and so on.
/// </summary>
public static class BpmnIds
{
    /// <summary>The BPMN process of a procedure; call activities name it as their called element.</summary>
    public static string Process(string process, string procedure) => $"Process_{Clean(process)}_{Clean(procedure)}";

    /// <summary>The procedure a call activity's called element names, as "process/procedure", or null when no procedure of the handbook has that id.</summary>
    public static string? CalledProcedure(Plumb.Handbook.Model.Handbook handbook, string calledElement)
    {
        foreach (var process in handbook.Processes)
        {
            foreach (var procedure in process.Procedures)
            {
                if (Process(process.Id, procedure.Id) == calledElement) return $"{process.Id}/{procedure.Id}";
            }
        }

        return null;
    }

    /// <summary>The collaboration of a procedure.</summary>
    public static string Collaboration(string process, string procedure) => $"Collaboration_{Clean(process)}_{Clean(procedure)}";

    /// <summary>The pool of a procedure.</summary>
    public static string Participant(string process, string procedure) => $"Participant_{Clean(process)}_{Clean(procedure)}";

    /// <summary>The task (or call activity) of a step.</summary>
    public static string Step(string procedure, string step) => $"Step_{Clean(procedure)}_{Clean(step)}";

    /// <summary>The lane of a role in a procedure.</summary>
    public static string Lane(string procedure, string role) => $"Lane_{Clean(procedure)}_{Clean(role)}";

    /// <summary>The gateway that splits after a step's decision.</summary>
    public static string Decision(string procedure, string step) => $"Gateway_{Clean(procedure)}_{Clean(step)}";

    /// <summary>The gateway that joins the paths into a step.</summary>
    public static string Join(string procedure, string step) => $"Join_{Clean(procedure)}_{Clean(step)}";

    /// <summary>The start event of a procedure.</summary>
    public static string Start(string procedure) => $"StartEvent_{Clean(procedure)}";

    /// <summary>The diagram-interchange id of an element.</summary>
    public static string Di(string element) => $"{element}_di";

    /// <summary>An id made safe for XML (an NCName): characters outside letters, digits, '.', '-' and '_' become '_'.</summary>
    public static string Clean(string id)
    {
        var builder = new StringBuilder(id.Length);
        foreach (var c in id) builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        return builder.Length == 0 ? "_" : builder.ToString();
    }
}
