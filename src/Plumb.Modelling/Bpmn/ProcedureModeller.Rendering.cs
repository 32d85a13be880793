namespace Plumb.Modelling.Bpmn;

using Plumb.Handbook.Model;
using Plumb.Modelling.Svg;

public static partial class ProcedureModeller
{
    /// <summary>Render options for a handbook's models: links from call activities to the procedures they call, and step ids.</summary>
    public static RenderOptions RenderOptionsFor(Handbook handbook, ModelOptions? options = null, int diagram = 0)
    {
        options ??= new ModelOptions();
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        var steps = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var process in handbook.Processes)
        {
            foreach (var procedure in process.Procedures)
            {
                links[BpmnIds.Process(process.Id, procedure.Id)] = options.LinkFor(process.Id, procedure.Id);
                foreach (var step in procedure.Steps) steps[BpmnIds.Step(procedure.Id, step.Id)] = step.Id;
            }
        }

        return new RenderOptions { CallLinks = links, StepIds = steps, Diagram = diagram };
    }
}
