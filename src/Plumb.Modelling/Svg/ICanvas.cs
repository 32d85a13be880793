namespace Plumb.Modelling.Svg;

using Plumb.Modelling.Bpmn;

/// <summary>Drawing primitives the BPMN painter needs; SVG and PNG implement them.</summary>
public interface ICanvas
{
    /// <summary>Starts a group for one model element (an SVG &lt;g&gt; with its id, inside a link when given; nothing for raster output).</summary>
    void BeginGroup(string id, string kind, IReadOnlyDictionary<string, string> data, ElementLink? link);

    /// <summary>Ends the current group.</summary>
    void EndGroup();

    /// <summary>A rectangle, optionally rounded and dashed.</summary>
    void Rect(Bounds bounds, double radius, Style style);

    /// <summary>A circle.</summary>
    void Circle(Point center, double radius, Style style);

    /// <summary>An SVG path (absolute commands M, L, A, C, Z).</summary>
    void Path(string data, Style style);

    /// <summary>A polyline with an optional arrow head at the end and marker at the start.</summary>
    void Line(IReadOnlyList<Point> points, Style style, ArrowHead end, ArrowHead start);

    /// <summary>Lines of text, centred on <paramref name="x"/> from the top <paramref name="y"/>; rotated -90° when vertical.</summary>
    void Text(IReadOnlyList<string> lines, double x, double y, double size, bool vertical = false);
}

/// <summary>Stroke and fill of a primitive.</summary>
public readonly record struct Style(string Stroke, string Fill, double Width, bool Dashed = false, bool Dotted = false);

/// <summary>The marker at an end of a line.</summary>
public enum ArrowHead
{
    /// <summary>No marker.</summary>
    None,

    /// <summary>A filled triangle (sequence flow).</summary>
    Filled,

    /// <summary>An open triangle (message flow, data association).</summary>
    Open,

    /// <summary>A small open circle (start of a message flow).</summary>
    Circle,

    /// <summary>A slash across the line (default flow).</summary>
    Slash,
}
