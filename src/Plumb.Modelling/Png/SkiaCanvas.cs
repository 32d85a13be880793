namespace Plumb.Modelling.Png;

using Plumb.Modelling.Bpmn;
using Plumb.Modelling.Svg;
using SkiaSharp;

/// <summary>An <see cref="ICanvas"/> that draws with SkiaSharp, for PNG output.</summary>
internal sealed class SkiaCanvas(SKCanvas canvas, SKTypeface typeface) : ICanvas
{
    public void BeginGroup(string id, string kind, IReadOnlyDictionary<string, string> data, ElementLink? link)
    {
    }

    public void EndGroup()
    {
    }

    public void Rect(Bounds b, double radius, Style style)
    {
        var rect = new SKRect((float)b.X, (float)b.Y, (float)b.Right, (float)b.Bottom);
        Draw(style, paint => canvas.DrawRoundRect(rect, (float)radius, (float)radius, paint));
    }

    public void Circle(Point center, double radius, Style style) =>
        Draw(style, paint => canvas.DrawCircle((float)center.X, (float)center.Y, (float)radius, paint));

    public void Path(string data, Style style)
    {
        using var path = SKPath.ParseSvgPathData(data);
        if (path is not null) Draw(style, paint => canvas.DrawPath(path, paint));
    }

    public void Line(IReadOnlyList<Point> points, Style style, ArrowHead end, ArrowHead start)
    {
        using var path = new SKPath();
        path.MoveTo((float)points[0].X, (float)points[0].Y);
        foreach (var p in points.Skip(1)) path.LineTo((float)p.X, (float)p.Y);
        Draw(style with { Fill = "none" }, paint => canvas.DrawPath(path, paint));
        Head(points[^2], points[^1], end);
        Head(points[1], points[0], start);
    }

    public void Text(IReadOnlyList<string> lines, double x, double y, double size, bool vertical = false)
    {
        using var font = new SKFont(typeface, (float)size);
        using var paint = new SKPaint { Color = SKColor.Parse("#1f2933"), IsAntialias = true };
        canvas.Save();
        if (vertical)
        {
            canvas.RotateDegrees(-90, (float)x, (float)y);
            y -= (lines.Count - 1) * size * 1.25 / 2;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var baseline = y + (vertical ? size * 0.35 : size) + (i * (vertical ? size * 1.25 : 14));
            canvas.DrawText(lines[i], (float)x, (float)baseline, SKTextAlign.Center, font, paint);
        }

        canvas.Restore();
    }

    private void Head(Point from, Point to, ArrowHead head)
    {
        if (head == ArrowHead.None) return;
        var angle = Math.Atan2(to.Y - from.Y, to.X - from.X);
        canvas.Save();
        canvas.Translate((float)to.X, (float)to.Y);
        canvas.RotateRadians((float)angle);
        using var path = new SKPath();
        var style = new Style("#1f2933", head == ArrowHead.Filled ? "#1f2933" : "#ffffff", 1);
        switch (head)
        {
            case ArrowHead.Circle:
                Draw(style, paint => canvas.DrawCircle(-4, 0, 4, paint));
                break;
            case ArrowHead.Slash:
                Draw(style, paint => canvas.DrawLine(-14, -5, -8, 5, paint));
                break;
            default:
                path.MoveTo(0, 0);
                path.LineTo(-10, -5);
                path.LineTo(-10, 5);
                path.Close();
                Draw(style, paint => canvas.DrawPath(path, paint));
                break;
        }

        canvas.Restore();
    }

    private static void Draw(Style style, Action<SKPaint> draw)
    {
        if (style.Fill != "none")
        {
            using var fill = new SKPaint { Color = SKColor.Parse(style.Fill), Style = SKPaintStyle.Fill, IsAntialias = true };
            draw(fill);
        }

        using var stroke = new SKPaint
        {
            Color = SKColor.Parse(style.Stroke), Style = SKPaintStyle.Stroke, StrokeWidth = (float)style.Width, IsAntialias = true,
            PathEffect = style.Dashed ? SKPathEffect.CreateDash([6, 4], 0) : style.Dotted ? SKPathEffect.CreateDash([2, 3], 0) : null,
        };
        draw(stroke);
    }
}
