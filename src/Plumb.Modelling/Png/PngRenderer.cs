namespace Plumb.Modelling.Png;

using Plumb.Modelling.Bpmn;
using Plumb.Modelling.Svg;
using SkiaSharp;

/// <summary>Renders a BPMN diagram to PNG with SkiaSharp, with the same notation as the SVG.</summary>
public static class PngRenderer
{
    // Fonts are looked up on disk: the Linux native assets Plumb ships carry no fontconfig.
    private static readonly Lazy<SKTypeface> Typeface = new(() =>
    {
        string[] candidates =
        [
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
            "/usr/share/fonts/dejavu/DejaVuSans.ttf",
            "/Library/Fonts/Arial.ttf",
            "C:\\Windows\\Fonts\\arial.ttf",
        ];
        foreach (var file in candidates)
        {
            if (File.Exists(file) && SKTypeface.FromFile(file) is { } face) return face;
        }

        return SKTypeface.Default;
    });

    /// <summary>The PNG bytes of one diagram, at <paramref name="scale"/> pixels per diagram unit.</summary>
    public static byte[] Render(BpmnDefinitions definitions, RenderOptions? options = null, double scale = 1.5)
    {
        options ??= new RenderOptions();
        if (definitions.Diagrams.Count == 0) throw new ArgumentException("the model has no diagram to draw", nameof(definitions));
        var diagram = definitions.Diagrams[Math.Clamp(options.Diagram, 0, definitions.Diagrams.Count - 1)];
        var extent = DiagramPainter.Extent(diagram);
        // Keep very large diagrams within what image viewers and Word accept.
        scale = Math.Min(scale, 16000 / Math.Max(extent.Width, extent.Height));
        var width = Math.Max(1, (int)Math.Ceiling(extent.Width * scale));
        var height = Math.Max(1, (int)Math.Ceiling(extent.Height * scale));
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale((float)scale);
        canvas.Translate((float)-extent.X, (float)-extent.Y);
        DiagramPainter.Paint(definitions, diagram, new SkiaCanvas(canvas, Typeface.Value), options);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }

    /// <summary>The pixel size a rendering at <paramref name="scale"/> will have.</summary>
    public static (int Width, int Height) Size(BpmnDiagram diagram, double scale = 1.5)
    {
        var extent = DiagramPainter.Extent(diagram);
        scale = Math.Min(scale, 16000 / Math.Max(extent.Width, extent.Height));
        return ((int)Math.Ceiling(extent.Width * scale), (int)Math.Ceiling(extent.Height * scale));
    }
}
