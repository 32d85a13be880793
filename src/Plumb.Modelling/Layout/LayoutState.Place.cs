namespace Plumb.Modelling.Layout;

using Plumb.Modelling.Bpmn;

// Tracks and coordinates: flows that change rows get their own vertical track in the gap after their column,
// loops get their own horizontal track in the band above each row they run along.
internal sealed partial class LayoutState
{
    internal const double TaskWidth = 100, TaskHeight = 80, EventSize = 36, GatewaySize = 50, DataWidth = 36, DataHeight = 50;
    private const double PoolHeader = 30, LaneHeader = 30, Margin = 20, MinColumn = 120, NodeBand = 80, Track = 10, LabelMax = 110;

    private int[] _channelTracks = [];
    private double[] _channelLabels = [];
    private readonly Dictionary<(int Channel, int Source), int> _forkTracks = [];
    private readonly Dictionary<(int Lane, int Row), int> _bandTracks = [];
    private readonly Dictionary<int, (int BandA, int BandB, int Channel)> _loopTracks = [];
    private double[] _columnLeft = [];
    private double[] _columnWidth = [];
    private double[] _channelLeft = [];
    private readonly Dictionary<(int Lane, int Row), double> _bandTop = [];

    public void AssignTracks()
    {
        _channelTracks = new int[_layers + 1];
        _channelLabels = new double[_layers + 1];
        for (var e = 0; e < _chains.Length; e++)
        {
            var chain = _chains[e];
            if (_back[e])
            {
                var (a, b) = (chain[0], chain[^1]);
                var bandA = NextBandTrack(a);
                var bandB = SameRow(a, b) ? bandA : NextBandTrack(b);
                var channel = SameRow(a, b) ? -1 : _channelTracks[_items[a].Layer]++;
                _loopTracks[e] = (bandA, bandB, channel);
                continue;
            }

            for (var k = 0; k + 1 < chain.Count; k++)
            {
                if (SameRow(chain[k], chain[k + 1])) continue;
                var channel = _items[chain[k]].Layer + 1;
                if (!_forkTracks.ContainsKey((channel, chain[k]))) _forkTracks[(channel, chain[k])] = _channelTracks[channel]++;
            }

            if (_graph.Edges[e].Label is { Length: > 0 } label)
            {
                var channel = _items[chain[0]].Layer + 1;
                _channelLabels[channel] = Math.Max(_channelLabels[channel], TextMetrics.Measure(label, LabelMax).Width + 8);
            }
        }
    }

    private int NextBandTrack(int item)
    {
        var key = (_items[item].Lane, _items[item].Row);
        var track = _bandTracks.GetValueOrDefault(key);
        _bandTracks[key] = track + 1;
        return track;
    }

    public void Place()
    {
        _columnWidth = new double[_layers];
        for (var i = 0; i < _graph.Nodes.Count; i++)
        {
            var layer = _items[i].Layer;
            _columnWidth[layer] = Math.Max(Math.Max(_columnWidth[layer], MinColumn), DataRowWidth(_graph.Nodes[i]));
        }

        _columnLeft = new double[_layers];
        _channelLeft = new double[_layers + 1];
        var x = Margin + PoolHeader + LaneHeader;
        for (var c = 0; c <= _layers; c++)
        {
            _channelLeft[c] = x;
            x += 24 + (Track * _channelTracks[c]) + _channelLabels[c];
            if (c == _layers) break;
            _columnLeft[c] = x;
            x += _columnWidth[c];
        }

        var right = x + 10;
        var y = Margin;
        var lanesWithData = _graph.Nodes.Where(n => n.Data.Count > 0).Select(n => n.Lane).ToHashSet();
        for (var lane = 0; lane < _rowsPerLane.Length; lane++)
        {
            var laneTop = y;
            for (var row = 0; row < _rowsPerLane[lane]; row++)
            {
                var band = 16 + (Track * _bandTracks.GetValueOrDefault((lane, row)));
                _bandTop[(lane, row)] = y;
                y += band + NodeBand + (lanesWithData.Contains(lane) ? 116 : 48);
            }

            Result.Lanes.Add(new Bounds(Margin + PoolHeader, laneTop, right - Margin - PoolHeader, y - laneTop));
        }

        Result.Pool = new Bounds(Margin, Margin, right - Margin, y - Margin);
        foreach (var item in _items)
        {
            var band = 16 + (Track * _bandTracks.GetValueOrDefault((item.Lane, item.Row)));
            item.Center = new Point(_columnLeft[item.Layer] + (_columnWidth[item.Layer] / 2), _bandTop[(item.Lane, item.Row)] + band + (NodeBand / 2));
        }

        var labels = new LabelPlacer();
        for (var i = 0; i < _graph.Nodes.Count; i++)
        {
            var node = _graph.Nodes[i];
            var bounds = ShapeBounds(node.Kind, _items[i].Center);
            Result.Shapes[node.Id] = bounds;
            Result.LaneOf[node.Id] = node.Lane;
            labels.Obstacles.Add(bounds);
            PlaceData(node, bounds, labels);
        }

        for (var i = 0; i < _graph.Nodes.Count; i++)
        {
            var node = _graph.Nodes[i];
            if (node.Kind == LayoutNodeKind.Task || string.IsNullOrWhiteSpace(node.Label)) continue;
            var shape = Result.Shapes[node.Id];
            var (w, h) = TextMetrics.Measure(node.Label, _columnWidth[_items[i].Layer] - 4);
            Result.Labels[node.Id] = labels.Place([new Bounds(shape.Center.X - (w / 2), shape.Bottom + 4, w, h)]);
        }

        _labels = labels;
    }

    private LabelPlacer _labels = new();

    private static double DataRowWidth(LayoutNode node) => node.Data.Sum(d => DataSlot(d));

    private static double DataSlot(LayoutData data) => Math.Max(DataWidth, TextMetrics.Measure(data.Label, 80).Width) + 12;

    internal static Bounds ShapeBounds(LayoutNodeKind kind, Point center) => kind switch
    {
        LayoutNodeKind.Event => new Bounds(center.X - (EventSize / 2), center.Y - (EventSize / 2), EventSize, EventSize),
        LayoutNodeKind.Gateway => new Bounds(center.X - (GatewaySize / 2), center.Y - (GatewaySize / 2), GatewaySize, GatewaySize),
        _ => new Bounds(center.X - (TaskWidth / 2), center.Y - (TaskHeight / 2), TaskWidth, TaskHeight),
    };

    // Data objects sit in a row under their node; each association drops straight down when it can.
    private void PlaceData(LayoutNode node, Bounds shape, LabelPlacer labels)
    {
        var x = shape.Center.X - (DataRowWidth(node) / 2);
        var top = shape.Bottom + 26;
        foreach (var data in node.Data)
        {
            var slot = DataSlot(data);
            var center = x + (slot / 2);
            var bounds = new Bounds(center - (DataWidth / 2), top, DataWidth, DataHeight);
            Result.Shapes[data.Id] = bounds;
            Result.LaneOf[data.Id] = node.Lane;
            labels.Obstacles.Add(bounds);
            var (w, h) = TextMetrics.Measure(data.Label, 80);
            Result.Labels[data.Id] = labels.Place([new Bounds(center - (w / 2), bounds.Bottom + 4, w, h)]);
            var anchor = Math.Clamp(center, shape.X + 8, shape.Right - 8);
            var points = anchor == center
                ? new List<Point> { new(center, shape.Bottom), new(center, top) }
                : [new(anchor, shape.Bottom), new(anchor, shape.Bottom + 13), new(center, shape.Bottom + 13), new(center, top)];
            if (data.IsInput) points.Reverse();
            Result.Edges[data.AssociationId] = points;
            x += slot;
        }
    }
}
