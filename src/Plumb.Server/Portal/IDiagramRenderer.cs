namespace Plumb.Server.Portal;

using Plumb.Handbook.Model;

/// <summary>
/// Draws a procedure as an SVG picture for the portal; null when it cannot. The port lets the BPMN renderer of
/// Plumb.Modelling replace <see cref="FlowDiagramRenderer"/>. Links in the SVG use the portal's absolute addresses.
/// </summary>
public interface IDiagramRenderer
{
    string? RenderProcedureSvg(Handbook handbook, Process process, Procedure procedure);
}
