namespace Plumb.Modelling.Layout;

using Plumb.Modelling.Bpmn;

// The working data of one layout run; split by phase into partial files (ranking and ordering here).
internal sealed partial class LayoutState
{
    private readonly LayoutGraph _graph;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<Item> _items = [];
    private readonly bool[] _back;
    private readonly List<int>[] _chains;
    private readonly int[] _edgeFrom;
    private readonly int[] _edgeTo;
    private int _layers;
    private int[] _rowsPerLane = [];

    public LayoutState(LayoutGraph graph)
    {
        _graph = graph;
        for (var i = 0; i < graph.Nodes.Count; i++)
        {
            if (!_index.TryAdd(graph.Nodes[i].Id, i)) throw new ArgumentException($"node '{graph.Nodes[i].Id}' appears twice", nameof(graph));
            _items.Add(new Item(i, graph.Nodes[i].Lane));
        }

        _back = new bool[graph.Edges.Count];
        _chains = new List<int>[graph.Edges.Count];
        _edgeFrom = new int[graph.Edges.Count];
        _edgeTo = new int[graph.Edges.Count];
        for (var e = 0; e < graph.Edges.Count; e++)
        {
            var edge = graph.Edges[e];
            _edgeFrom[e] = _index.TryGetValue(edge.From, out var from) ? from : throw new ArgumentException($"flow '{edge.Id}' starts at unknown '{edge.From}'", nameof(graph));
            _edgeTo[e] = _index.TryGetValue(edge.To, out var to) ? to : throw new ArgumentException($"flow '{edge.Id}' ends at unknown '{edge.To}'", nameof(graph));
        }
    }

    public LayoutResult Result { get; } = new();

    // Depth-first search from the start marks the flows that close a loop; longest path over the rest gives the layers.
    public void Rank()
    {
        var n = _graph.Nodes.Count;
        var outgoing = new List<int>[n];
        var incoming = new int[n];
        for (var i = 0; i < n; i++) outgoing[i] = [];
        for (var e = 0; e < _edgeFrom.Length; e++)
        {
            outgoing[_edgeFrom[e]].Add(e);
            incoming[_edgeTo[e]]++;
        }

        var color = new byte[n];
        var roots = Enumerable.Range(0, n).Where(i => incoming[i] == 0).Concat(Enumerable.Range(0, n));
        var stack = new Stack<(int Node, int Next)>();
        foreach (var root in roots)
        {
            if (color[root] != 0) continue;
            stack.Push((root, 0));
            color[root] = 1;
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next >= outgoing[node].Count)
                {
                    color[node] = 2;
                    continue;
                }

                stack.Push((node, next + 1));
                var e = outgoing[node][next];
                var target = _edgeTo[e];
                if (color[target] == 1) _back[e] = true;
                else if (color[target] == 0)
                {
                    color[target] = 1;
                    stack.Push((target, 0));
                }
            }
        }

        var forwardIn = new int[n];
        for (var e = 0; e < _back.Length; e++)
        {
            if (!_back[e]) forwardIn[_edgeTo[e]]++;
        }

        var queue = new Queue<int>(Enumerable.Range(0, n).Where(i => forwardIn[i] == 0));
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var e in outgoing[node])
            {
                if (_back[e]) continue;
                var target = _edgeTo[e];
                _items[target].Layer = Math.Max(_items[target].Layer, _items[node].Layer + 1);
                if (--forwardIn[target] == 0) queue.Enqueue(target);
            }
        }

        _layers = n == 0 ? 0 : _items.Max(i => i.Layer) + 1;
    }

    // Long flows get a placeholder in every layer they cross (in the target's lane) so no shape sits in their way;
    // then each lane's items in a layer are sorted by where their predecessors are, and take rows in that order.
    public void Order()
    {
        for (var e = 0; e < _edgeFrom.Length; e++)
        {
            var from = _edgeFrom[e];
            var to = _edgeTo[e];
            var chain = new List<int> { from };
            if (!_back[e])
            {
                for (var layer = _items[from].Layer + 1; layer < _items[to].Layer; layer++)
                {
                    var dummy = new Item(-1, _items[to].Lane) { Layer = layer };
                    dummy.Predecessors.Add(chain[^1]);
                    _items.Add(dummy);
                    chain.Add(_items.Count - 1);
                }

                _items[to].Predecessors.Add(chain[^1]);
            }

            chain.Add(to);
            _chains[e] = chain;
        }

        var lanes = Math.Max(1, _graph.Lanes.Count);
        _rowsPerLane = new int[lanes];
        var byLayer = Enumerable.Range(0, _items.Count).GroupBy(i => _items[i].Layer).OrderBy(g => g.Key);
        foreach (var layer in byLayer)
        {
            foreach (var group in layer.GroupBy(i => _items[i].Lane))
            {
                var sorted = group.OrderBy(Barycenter).ThenBy(i => _items[i].Node < 0 ? _items[i].Predecessors[0] : i).ThenBy(i => i).ToList();
                for (var row = 0; row < sorted.Count; row++) _items[sorted[row]].Row = row;
                _rowsPerLane[group.Key] = Math.Max(_rowsPerLane[group.Key], sorted.Count);
            }
        }

        for (var lane = 0; lane < lanes; lane++) _rowsPerLane[lane] = Math.Max(1, _rowsPerLane[lane]);
    }

    private double Barycenter(int item)
    {
        var predecessors = _items[item].Predecessors;
        if (predecessors.Count == 0) return -1;
        return predecessors.Average(p => (_items[p].Lane * 100_000.0) + _items[p].Row);
    }

    private bool SameRow(int a, int b) => _items[a].Lane == _items[b].Lane && _items[a].Row == _items[b].Row;

    private sealed class Item(int node, int lane)
    {
        public int Node { get; } = node;

        public int Lane { get; } = lane;

        public int Layer { get; set; }

        public int Row { get; set; }

        public List<int> Predecessors { get; } = [];

        public Point Center { get; set; }
    }
}
