namespace Plumb.Modelling.Import;

/// <summary>
/// Why a diagram edit cannot be carried into its procedure as drawn: the procedure would lose a decision, a branch or a step the
/// user did not delete. <paramref name="Element"/> is the BPMN element to mark on the canvas.
/// </summary>
public sealed record DiagramRefusal(string Element, string Reason);
