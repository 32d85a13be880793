namespace Plumb.Modelling.Layout;

using Plumb.Modelling.Bpmn;

// Orthogonal routing: forward flows leave a shape on the right and enter the next on the left, turning only in the gaps
// between columns; loops leave through the top, run back along the band above the row and drop into their target's top.
internal sealed partial class LayoutState
{
    public void Route()
    {
        for (var e = 0; e < _chains.Length; e++)
        {
            var edge = _graph.Edges[e];
            var (points, label) = _back[e] ? RouteLoop(e) : RouteForward(e);
            Result.Edges[edge.Id] = Simplify(points);
            if (edge.Label is { Length: > 0 } text)
            {
                var (w, h) = TextMetrics.Measure(text, LabelMax);
                Result.Labels[edge.Id] = _labels.Place([.. label(w, h)]);
            }
        }
    }

    private (List<Point> Points, Func<double, double, IEnumerable<Bounds>> Label) RouteForward(int e)
    {
        var chain = _chains[e];
        var start = Shape(chain[0]);
        var points = new List<Point> { new(start.Right, _items[chain[0]].Center.Y) };
        for (var k = 0; k + 1 < chain.Count; k++)
        {
            var (a, b) = (chain[k], chain[k + 1]);
            if (SameRow(a, b)) continue;
            var channel = _items[a].Layer + 1;
            var x = _channelLeft[channel] + 12 + (Track * _forkTracks[(channel, a)]);
            points.Add(new Point(x, _items[a].Center.Y));
            points.Add(new Point(x, _items[b].Center.Y));
        }

        var end = Shape(chain[^1]);
        points.Add(new Point(end.X, _items[chain[^1]].Center.Y));
        var turns = !SameRow(chain[0], chain[1]);
        var firstChannel = _items[chain[0]].Layer + 1;
        var labelX = _channelLeft[firstChannel] + 8 + (Track * _channelTracks[firstChannel]);
        var targetY = _items[chain[1]].Center.Y;
        var startY = points[0].Y;
        return (points, (w, h) => turns
            ? [new(labelX, targetY - h - 2, w, h), new(labelX, targetY + 3, w, h)]
            : [new(start.Right + 4, startY - h - 2, w, h), new(start.Right + 4, startY + 3, w, h)]);
    }

    private (List<Point> Points, Func<double, double, IEnumerable<Bounds>> Label) RouteLoop(int e)
    {
        var (a, b) = (_chains[e][0], _chains[e][^1]);
        var (bandA, bandB, channel) = _loopTracks[e];
        var source = Shape(a);
        var target = Shape(b);
        var exitX = source.Center.X + (_graph.Nodes[a].Kind == LayoutNodeKind.Task ? 20 : 0);
        var entryX = target.Center.X - (_graph.Nodes[b].Kind == LayoutNodeKind.Task ? 20 : 0);
        if (a == b && _graph.Nodes[a].Kind != LayoutNodeKind.Task) (exitX, entryX) = (source.Center.X + (source.Width / 4), source.Center.X - (source.Width / 4));
        var yA = BandTrackY(a, bandA);
        var points = new List<Point> { new(exitX, source.Y), new(exitX, yA) };
        if (channel < 0)
        {
            points.Add(new Point(entryX, yA));
        }
        else
        {
            var x = _channelLeft[_items[a].Layer] + 12 + (Track * channel);
            var yB = BandTrackY(b, bandB);
            points.AddRange([new Point(x, yA), new Point(x, yB), new Point(entryX, yB)]);
        }

        points.Add(new Point(entryX, target.Y));
        return (points, (w, h) => [new(exitX + 4, yA - h - 2, w, h), new(exitX + 4, yA + 3, w, h), new(entryX + 4, points[^2].Y + 3, w, h)]);
    }

    private double BandTrackY(int item, int track) => _bandTop[(_items[item].Lane, _items[item].Row)] + 8 + (Track * track);

    private Bounds Shape(int item) => Result.Shapes[_graph.Nodes[_items[item].Node].Id];

    private static List<Point> Simplify(List<Point> points)
    {
        var result = new List<Point>(points.Count);
        foreach (var p in points)
        {
            if (result.Count > 0 && Near(result[^1], p)) continue;
            if (result.Count >= 2 && Collinear(result[^2], result[^1], p)) result[^1] = p;
            else result.Add(p);
        }

        return result;
    }

    private static bool Near(Point a, Point b) => Math.Abs(a.X - b.X) < 0.01 && Math.Abs(a.Y - b.Y) < 0.01;

    private static bool Collinear(Point a, Point b, Point c) =>
        (Math.Abs(a.X - b.X) < 0.01 && Math.Abs(b.X - c.X) < 0.01) || (Math.Abs(a.Y - b.Y) < 0.01 && Math.Abs(b.Y - c.Y) < 0.01);
}
