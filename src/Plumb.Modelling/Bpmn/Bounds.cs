namespace Plumb.Modelling.Bpmn;

/// <summary>A rectangle in diagram coordinates (pixels, y down).</summary>
public readonly record struct Bounds(double X, double Y, double Width, double Height)
{
    /// <summary>The right edge.</summary>
    public double Right => X + Width;

    /// <summary>The bottom edge.</summary>
    public double Bottom => Y + Height;

    /// <summary>The centre.</summary>
    public Point Center => new(X + (Width / 2), Y + (Height / 2));

    /// <summary>True when the two rectangles share interior area (touching edges do not count).</summary>
    public bool Overlaps(Bounds other) =>
        X < other.Right - 0.01 && other.X < Right - 0.01 && Y < other.Bottom - 0.01 && other.Y < Bottom - 0.01;

    /// <summary>True when <paramref name="inner"/> lies inside this rectangle.</summary>
    public bool Contains(Bounds inner) =>
        inner.X >= X - 0.01 && inner.Y >= Y - 0.01 && inner.Right <= Right + 0.01 && inner.Bottom <= Bottom + 0.01;

    /// <summary>True when the point lies on the border (within a tolerance).</summary>
    public bool OnBorder(Point p, double tolerance = 0.5)
    {
        var inX = p.X >= X - tolerance && p.X <= Right + tolerance;
        var inY = p.Y >= Y - tolerance && p.Y <= Bottom + tolerance;
        return (inX && (Math.Abs(p.Y - Y) <= tolerance || Math.Abs(p.Y - Bottom) <= tolerance))
            || (inY && (Math.Abs(p.X - X) <= tolerance || Math.Abs(p.X - Right) <= tolerance));
    }

    /// <summary>The smallest rectangle holding both.</summary>
    public Bounds Union(Bounds other)
    {
        var x = Math.Min(X, other.X);
        var y = Math.Min(Y, other.Y);
        return new Bounds(x, y, Math.Max(Right, other.Right) - x, Math.Max(Bottom, other.Bottom) - y);
    }
}
