namespace Plumb.Cli;

using Plumb.Handbook.Model;
using Plumb.Modelling.Bpmn;
using Plumb.Modelling.Svg;
using Plumb.ServiceNow.Embed;

/// <summary>Procedure diagrams in BPMN notation, laid out by Plumb.Modelling, for the pages Plumb puts inside ServiceNow.</summary>
public sealed class BpmnProcedureDiagrams : IProcedureDiagramSource
{
    public string RenderSvg(Handbook handbook, Process process, Procedure procedure)
    {
        var definitions = ProcedureModeller.Model(handbook, process, [procedure]);
        return SvgRenderer.Render(definitions, ProcedureModeller.RenderOptionsFor(handbook));
    }
}
