namespace Plumb.Modelling.Bpmn;

/// <summary>A point in diagram coordinates (pixels, y down).</summary>
public readonly record struct Point(double X, double Y);
