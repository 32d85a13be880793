namespace Plumb.ServiceNow.Embed;

using Plumb.Handbook.Model;

/// <summary>Draws a procedure as an SVG document (the BPMN renderer of Plumb.Modelling, or the plain fallback).</summary>
public interface IProcedureDiagramSource
{
    /// <summary>The SVG markup (one <c>&lt;svg&gt;</c> element) of the procedure's diagram.</summary>
    string RenderSvg(Handbook handbook, Process process, Procedure procedure);
}
