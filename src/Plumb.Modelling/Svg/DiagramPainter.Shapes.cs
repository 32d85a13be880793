namespace Plumb.Modelling.Svg;

using System.Globalization;
using Plumb.Modelling.Bpmn;
using Plumb.Modelling.Layout;

public static partial class DiagramPainter
{
    private static void PaintShape(BpmnElement element, BpmnShape shape, ICanvas canvas)
    {
        var b = shape.Bounds;
        var kind = element.Kind;
        if (kind is "participant" or "lane")
        {
            canvas.Rect(b, 0, new Style(Ink, kind == "participant" ? "#ffffff" : "none", kind == "participant" ? 2 : 1));
            var header = kind == "participant" ? 30 : 30;
            if (shape.IsHorizontal != false)
            {
                canvas.Path($"M{N(b.X + header)},{N(b.Y)} L{N(b.X + header)},{N(b.Bottom)}", new Style(Ink, "none", 1));
                if (element.Name is { } name) canvas.Text(TextMetrics.Wrap(name, b.Height - 10, 2), b.X + 8, b.Center.Y, 12, vertical: true);
            }
            else if (element.Name is { } name)
            {
                canvas.Text(TextMetrics.Wrap(name, b.Width - 10, 2), b.Center.X, b.Y + 6, 12);
            }

            return;
        }

        if (BpmnKinds.IsActivity(kind))
        {
            Activity(element, shape, canvas);
            return;
        }

        if (BpmnKinds.IsEvent(kind)) Event(element, b, canvas);
        else if (BpmnKinds.IsGateway(kind)) Gateway(element, b, canvas);
        else if (kind is "dataObjectReference" or "dataObject" or "dataInput" or "dataOutput")
        {
            var fold = Math.Min(12, b.Width / 3);
            canvas.Path($"M{N(b.X)},{N(b.Y)} L{N(b.Right - fold)},{N(b.Y)} L{N(b.Right)},{N(b.Y + fold)} L{N(b.Right)},{N(b.Bottom)} L{N(b.X)},{N(b.Bottom)} Z", Thin);
            canvas.Path($"M{N(b.Right - fold)},{N(b.Y)} L{N(b.Right - fold)},{N(b.Y + fold)} L{N(b.Right)},{N(b.Y + fold)}", new Style(Ink, "none", 1.5));
        }
        else if (kind == "dataStoreReference")
        {
            var ry = Math.Min(8, b.Height / 5);
            canvas.Path($"M{N(b.X)},{N(b.Y + ry)} A{N(b.Width / 2)},{N(ry)} 0 0 1 {N(b.Right)},{N(b.Y + ry)} L{N(b.Right)},{N(b.Bottom - ry)} " +
                $"A{N(b.Width / 2)},{N(ry)} 0 0 1 {N(b.X)},{N(b.Bottom - ry)} Z", Thin);
            canvas.Path($"M{N(b.X)},{N(b.Y + ry)} A{N(b.Width / 2)},{N(ry)} 0 0 0 {N(b.Right)},{N(b.Y + ry)}", new Style(Ink, "none", 1.5));
        }
        else if (kind == "textAnnotation")
        {
            canvas.Path($"M{N(b.X + 10)},{N(b.Y)} L{N(b.X)},{N(b.Y)} L{N(b.X)},{N(b.Bottom)} L{N(b.X + 10)},{N(b.Bottom)}", new Style(Ink, "none", 1.5));
            var text = element.Children.Find(c => c.Kind == "text")?.Text ?? "";
            canvas.Text(TextMetrics.Wrap(text, Math.Max(b.Width - 8, 40)), b.X + 4 + ((b.Width - 4) / 2), b.Y + 4, 11);
            return;
        }
        else if (kind == "group")
        {
            canvas.Rect(b, 10, new Style(Ink, "none", 1.5, Dashed: true));
        }
        else
        {
            canvas.Rect(b, 4, new Style("#9aa5b1", "none", 1, Dashed: true));
        }

        if (!string.IsNullOrWhiteSpace(element.Name))
        {
            var label = shape.Label ?? new Bounds(b.Center.X - 50, b.Bottom + 4, 100, 14);
            Label(canvas, element.Name, label);
        }
    }

    private static void Activity(BpmnElement element, BpmnShape shape, ICanvas canvas)
    {
        var b = shape.Bounds;
        var call = element.Kind == "callActivity";
        canvas.Rect(b, 10, new Style(Ink, "#ffffff", call ? 4 : 1.5, Dashed: element.Attribute("triggeredByEvent") == "true"));
        var marker = new Point(b.X + 8, b.Y + 8);
        switch (element.Kind)
        {
            case "userTask":
                canvas.Circle(new Point(marker.X + 7, marker.Y + 4), 4, Thin);
                canvas.Path($"M{N(marker.X)},{N(marker.Y + 16)} C{N(marker.X)},{N(marker.Y + 8)} {N(marker.X + 14)},{N(marker.Y + 8)} {N(marker.X + 14)},{N(marker.Y + 16)} Z", Thin);
                break;
            case "serviceTask":
                canvas.Circle(new Point(marker.X + 7, marker.Y + 7), 7, new Style(Ink, "#ffffff", 1.5, Dashed: true));
                canvas.Circle(new Point(marker.X + 7, marker.Y + 7), 3, Thin);
                break;
            case "manualTask":
                canvas.Path($"M{N(marker.X)},{N(marker.Y + 6)} L{N(marker.X + 12)},{N(marker.Y + 6)} L{N(marker.X + 12)},{N(marker.Y + 14)} " +
                    $"L{N(marker.X)},{N(marker.Y + 14)} Z M{N(marker.X + 4)},{N(marker.Y + 6)} L{N(marker.X + 4)},{N(marker.Y)} L{N(marker.X + 8)},{N(marker.Y)} L{N(marker.X + 8)},{N(marker.Y + 6)}", Thin);
                break;
            case "sendTask" or "receiveTask":
                Envelope(canvas, new Bounds(marker.X, marker.Y + 2, 16, 11), element.Kind == "sendTask");
                break;
            case "scriptTask" or "businessRuleTask":
                canvas.Rect(new Bounds(marker.X, marker.Y, 14, 12), 0, Thin);
                canvas.Path($"M{N(marker.X)},{N(marker.Y + 4)} L{N(marker.X + 14)},{N(marker.Y + 4)}", new Style(Ink, "none", 1));
                break;
        }

        var collapsed = (element.Kind is "subProcess" or "transaction" or "adHocSubProcess" && shape.IsExpanded != true) || element.Kind == "callActivity";
        if (collapsed)
        {
            var box = new Bounds(b.Center.X - 7, b.Bottom - 16, 14, 14);
            canvas.Rect(box, 0, Thin);
            canvas.Path($"M{N(box.X + 3)},{N(box.Center.Y)} L{N(box.Right - 3)},{N(box.Center.Y)} M{N(box.Center.X)},{N(box.Y + 3)} L{N(box.Center.X)},{N(box.Bottom - 3)}", new Style(Ink, "none", 1.5));
        }

        if (element.Name is not { } name) return;
        if (shape.IsExpanded == true)
        {
            canvas.Text(TextMetrics.Wrap(name, b.Width - 20, 2), b.X + 10 + ((b.Width - 20) / 2), b.Y + 6, 12);
            return;
        }

        // The label sits below the task-type icon and above the collapsed marker, never over them (https://plumb.dev/issues/20).
        var top = b.Y + (HasMarker(element.Kind) ? 26 : 6);
        var bottom = b.Bottom - (collapsed ? 18 : 4);
        var lines = TextMetrics.Wrap(name, b.Width - 12, Math.Max(1, (int)((bottom - top) / TextMetrics.LineHeight)));
        var middle = Math.Max(top + (lines.Count * TextMetrics.LineHeight / 2), Math.Min(b.Center.Y, bottom - (lines.Count * TextMetrics.LineHeight / 2)));
        canvas.Text(lines, b.Center.X, middle - (lines.Count * TextMetrics.LineHeight / 2), 11);
    }

    private static bool HasMarker(string kind) =>
        kind is "userTask" or "serviceTask" or "manualTask" or "sendTask" or "receiveTask" or "scriptTask" or "businessRuleTask";

    private static void Event(BpmnElement element, Bounds b, ICanvas canvas)
    {
        var center = b.Center;
        var r = Math.Min(b.Width, b.Height) / 2;
        var dashed = element.Attribute("isInterrupting") == "false" || element.Attribute("cancelActivity") == "false";
        var width = element.Kind == "endEvent" ? 4 : 1.5;
        canvas.Circle(center, r, new Style(Ink, "#ffffff", width, Dashed: dashed));
        if (element.Kind is "intermediateCatchEvent" or "intermediateThrowEvent" or "boundaryEvent")
            canvas.Circle(center, r - 3, new Style(Ink, "none", 1.5, Dashed: dashed));
        var definition = element.Children.Find(c => BpmnKinds.IsEventDefinition(c.Kind))?.Kind;
        var throwing = element.Kind is "endEvent" or "intermediateThrowEvent";
        var inner = new Bounds(center.X - (r * 0.5), center.Y - (r * 0.5), r, r);
        switch (definition)
        {
            case "messageEventDefinition":
                Envelope(canvas, new Bounds(inner.X - 2, inner.Y + 2, inner.Width + 4, inner.Height - 4), throwing);
                break;
            case "timerEventDefinition":
                canvas.Circle(center, r * 0.6, Thin);
                canvas.Path($"M{N(center.X)},{N(center.Y)} L{N(center.X)},{N(center.Y - (r * 0.45))} M{N(center.X)},{N(center.Y)} L{N(center.X + (r * 0.3))},{N(center.Y)}", new Style(Ink, "none", 1.5));
                break;
            case "terminateEventDefinition":
                canvas.Circle(center, r * 0.55, new Style(Ink, Ink, 1));
                break;
            case "signalEventDefinition":
                canvas.Path($"M{N(center.X)},{N(inner.Y - 2)} L{N(inner.Right + 2)},{N(inner.Bottom)} L{N(inner.X - 2)},{N(inner.Bottom)} Z", new Style(Ink, throwing ? Ink : "none", 1.5));
                break;
            case "errorEventDefinition":
                canvas.Path($"M{N(inner.X)},{N(inner.Bottom)} L{N(inner.X + 4)},{N(inner.Y)} L{N(center.X + 1)},{N(center.Y + 2)} L{N(inner.Right - 4)},{N(inner.Y + 2)} " +
                    $"L{N(inner.Right)},{N(inner.Bottom - 2)} L{N(center.X - 1)},{N(center.Y - 2)} Z", new Style(Ink, throwing ? Ink : "none", 1.5));
                break;
            case "escalationEventDefinition" or "compensateEventDefinition" or "conditionalEventDefinition" or "linkEventDefinition" or "cancelEventDefinition":
                canvas.Path($"M{N(center.X)},{N(inner.Y)} L{N(inner.Right)},{N(inner.Bottom)} L{N(center.X)},{N(center.Y + 2)} L{N(inner.X)},{N(inner.Bottom)} Z",
                    new Style(Ink, throwing ? Ink : "none", 1.5));
                break;
        }
    }

    private static void Gateway(BpmnElement element, Bounds b, ICanvas canvas)
    {
        var c = b.Center;
        canvas.Path($"M{N(c.X)},{N(b.Y)} L{N(b.Right)},{N(c.Y)} L{N(c.X)},{N(b.Bottom)} L{N(b.X)},{N(c.Y)} Z", Thin);
        var s = b.Width * 0.2;
        var bold = new Style(Ink, Ink, 4);
        switch (element.Kind)
        {
            case "exclusiveGateway":
                canvas.Path($"M{N(c.X - s)},{N(c.Y - s)} L{N(c.X + s)},{N(c.Y + s)} M{N(c.X + s)},{N(c.Y - s)} L{N(c.X - s)},{N(c.Y + s)}", bold);
                break;
            case "parallelGateway":
                canvas.Path($"M{N(c.X)},{N(c.Y - (s * 1.3))} L{N(c.X)},{N(c.Y + (s * 1.3))} M{N(c.X - (s * 1.3))},{N(c.Y)} L{N(c.X + (s * 1.3))},{N(c.Y)}", bold);
                break;
            case "inclusiveGateway":
                canvas.Circle(c, s * 1.2, new Style(Ink, "none", 3));
                break;
            case "eventBasedGateway":
                canvas.Circle(c, s * 1.3, new Style(Ink, "none", 1));
                canvas.Circle(c, s * 1.05, new Style(Ink, "none", 1));
                break;
            case "complexGateway":
                canvas.Path($"M{N(c.X)},{N(c.Y - s)} L{N(c.X)},{N(c.Y + s)} M{N(c.X - s)},{N(c.Y)} L{N(c.X + s)},{N(c.Y)} " +
                    $"M{N(c.X - (s * 0.7))},{N(c.Y - (s * 0.7))} L{N(c.X + (s * 0.7))},{N(c.Y + (s * 0.7))} M{N(c.X + (s * 0.7))},{N(c.Y - (s * 0.7))} L{N(c.X - (s * 0.7))},{N(c.Y + (s * 0.7))}", new Style(Ink, "none", 3));
                break;
        }
    }

    private static void Envelope(ICanvas canvas, Bounds b, bool filled)
    {
        canvas.Rect(b, 0, new Style(filled ? "#ffffff" : Ink, filled ? Ink : "#ffffff", 1));
        canvas.Path($"M{N(b.X)},{N(b.Y)} L{N(b.Center.X)},{N(b.Center.Y)} L{N(b.Right)},{N(b.Y)}", new Style(filled ? "#ffffff" : Ink, "none", 1));
    }

    internal static string N(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}
