namespace Plumb.Mining.Reporting;

/// <summary>A node of a laid-out map: its layer (row, from the top), its place in the layer, and its centre.</summary>
public sealed record MapNode(string Name, int Layer, int Order, double X, double Y);

/// <summary>
/// An edge of a laid-out map: the points it passes (from the source's border to the target's, through one point per layer it
/// crosses), and whether it goes back (a cycle edge, drawn upwards) or loops on one node.
/// </summary>
public sealed record MapEdge(string From, string To, bool IsBack, bool IsLoop, IReadOnlyList<(double X, double Y)> Points);

/// <summary>
/// A layered (Sugiyama-style) layout of a directed graph such as a directly-follows graph: cycles broken by reversing the edges
/// a depth-first walk from the start nodes finds going back; layers by longest path from the sources; long edges split by one
/// dummy point per layer; crossings reduced by barycentre sweeps; rows centred.
/// </summary>
public sealed class MapLayout
{
    /// <summary>The width of a node box.</summary>
    public const double NodeWidth = 170;

    /// <summary>The height of a node box.</summary>
    public const double NodeHeight = 40;

    private const double ColumnGap = 40, LayerGap = 70, DummyWidth = 24, DummyGap = 8, Margin = 20;

    private MapLayout(IReadOnlyList<MapNode> nodes, IReadOnlyList<MapEdge> edges, double width, double height)
    {
        Nodes = nodes;
        Edges = edges;
        Width = width;
        Height = height;
    }

    /// <summary>The nodes, each once.</summary>
    public IReadOnlyList<MapNode> Nodes { get; }

    /// <summary>The edges, in the order given.</summary>
    public IReadOnlyList<MapEdge> Edges { get; }

    /// <summary>The width of the drawing.</summary>
    public double Width { get; }

    /// <summary>The height of the drawing.</summary>
    public double Height { get; }

    /// <summary>Lays out the nodes (start nodes first, in the order given) and the edges between them; edges to unknown nodes are left out.</summary>
    public static MapLayout Compute(IReadOnlyList<string> nodes, IReadOnlyList<(string From, string To)> edges, IReadOnlyCollection<string> starts)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in nodes) index.TryAdd(n, index.Count);
        var names = index.Keys.ToArray();
        var n0 = names.Length;
        var links = new List<(int From, int To, int Edge)>();
        for (var e = 0; e < edges.Count; e++)
        {
            if (index.TryGetValue(edges[e].From, out var a) && index.TryGetValue(edges[e].To, out var b)) links.Add((a, b, e));
        }

        var back = BackEdges(n0, links, starts.Where(index.ContainsKey).Select(s => index[s]));
        var layer = Layers(n0, links, back);
        var layers = layer.Length == 0 ? 0 : layer.Max() + 1;

        // Rows of node ids; dummies (ids >= n0) carry long edges one layer at a time.
        var rows = new List<int>[layers];
        for (var l = 0; l < layers; l++) rows[l] = [];
        for (var v = 0; v < n0; v++) rows[layer[v]].Add(v);
        var chains = new Dictionary<int, List<int>>();
        var dummyLayer = new List<int>();
        foreach (var (a, b, e) in links)
        {
            if (a == b) continue;
            var (top, bottom) = back.Contains(e) ? (b, a) : (a, b);
            var chain = new List<int> { top };
            for (var l = layer[top] + 1; l < layer[bottom]; l++)
            {
                var dummy = n0 + dummyLayer.Count;
                dummyLayer.Add(l);
                rows[l].Add(dummy);
                chain.Add(dummy);
            }

            chain.Add(bottom);
            chains[e] = chain;
        }

        var (up, down) = Neighbours(chains.Values, n0 + dummyLayer.Count);
        var order = Order(rows, up, down, n0 + dummyLayer.Count);
        var (x, y, width) = Coordinates(rows, n0, up, down);
        var placed = names.Select((name, v) => new MapNode(name, layer[v], order[v], x[v], y[v])).ToList();
        var routed = new List<MapEdge>();
        foreach (var (a, b, e) in links)
        {
            var isBack = back.Contains(e);
            if (a == b)
            {
                routed.Add(new MapEdge(names[a], names[b], true, true, [(x[a] + (NodeWidth / 2), y[a] - 8), (x[a] + (NodeWidth / 2), y[a] + 8)]));
                continue;
            }

            // Down the chain from the upper node's bottom to the lower node's top; a back edge runs the other way.
            var points = chains[e].Select((v, i) => (x[v], i == 0 ? y[v] + (NodeHeight / 2) : i == chains[e].Count - 1 ? y[v] - (NodeHeight / 2) : y[v])).ToList();
            if (isBack)
            {
                points.Reverse();
                points = points.Select(p => (p.Item1 + (NodeWidth / 4), p.Item2)).ToList();
            }

            routed.Add(new MapEdge(names[a], names[b], isBack, false, points));
        }

        return new MapLayout(placed, routed, width, (layers * (NodeHeight + LayerGap)) - LayerGap + (2 * Margin));
    }

    // Depth-first from the start nodes (then any node not reached): an edge to a node still on the walk closes a cycle.
    private static HashSet<int> BackEdges(int count, List<(int From, int To, int Edge)> links, IEnumerable<int> starts)
    {
        var outgoing = new List<(int To, int Edge)>[count];
        for (var v = 0; v < count; v++) outgoing[v] = [];
        foreach (var (a, b, e) in links) outgoing[a].Add((b, e));
        var back = new HashSet<int>();
        var state = new byte[count];
        foreach (var root in starts.Concat(Enumerable.Range(0, count)))
        {
            if (state[root] != 0) continue;
            var stack = new Stack<(int Node, int Next)>();
            stack.Push((root, 0));
            state[root] = 1;
            while (stack.Count > 0)
            {
                var (v, next) = stack.Pop();
                if (next == outgoing[v].Count)
                {
                    state[v] = 2;
                    continue;
                }

                stack.Push((v, next + 1));
                var (w, e) = outgoing[v][next];
                if (state[w] == 1) back.Add(e);
                else if (state[w] == 0)
                {
                    state[w] = 1;
                    stack.Push((w, 0));
                }
            }
        }

        return back;
    }

    // Longest path from the sources of the graph with the back edges turned round (Kahn's order).
    private static int[] Layers(int count, List<(int From, int To, int Edge)> links, HashSet<int> back)
    {
        var layer = new int[count];
        var indegree = new int[count];
        var outgoing = new List<int>[count];
        for (var v = 0; v < count; v++) outgoing[v] = [];
        foreach (var (a, b, e) in links)
        {
            if (a == b) continue;
            var (from, to) = back.Contains(e) ? (b, a) : (a, b);
            outgoing[from].Add(to);
            indegree[to]++;
        }

        var queue = new Queue<int>(Enumerable.Range(0, count).Where(v => indegree[v] == 0));
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            foreach (var w in outgoing[v])
            {
                layer[w] = Math.Max(layer[w], layer[v] + 1);
                if (--indegree[w] == 0) queue.Enqueue(w);
            }
        }

        return layer;
    }

    // Barycentre sweeps down and up; each node is placed at the mean position of its neighbours in the row before.
    // For each node (dummies included), its neighbours in the row above and in the row below, along the chains of the flows.
    private static (List<int>[] Up, List<int>[] Down) Neighbours(IEnumerable<List<int>> chains, int count)
    {
        var up = new List<int>[count];
        var down = new List<int>[count];
        for (var v = 0; v < count; v++) (up[v], down[v]) = ([], []);
        foreach (var chain in chains)
        {
            for (var i = 1; i < chain.Count; i++)
            {
                up[chain[i]].Add(chain[i - 1]);
                down[chain[i - 1]].Add(chain[i]);
            }
        }

        return (up, down);
    }

    private static int[] Order(List<int>[] rows, List<int>[] up, List<int>[] down, int count)
    {
        var position = new int[count];
        void Number(List<int> row)
        {
            for (var i = 0; i < row.Count; i++) position[row[i]] = i;
        }

        foreach (var row in rows) Number(row);
        for (var sweep = 0; sweep < 6; sweep++)
        {
            var downward = sweep % 2 == 0;
            for (var k = 1; k < rows.Length; k++)
            {
                var row = rows[downward ? k : rows.Length - 1 - k];
                var neighbours = downward ? up : down;
                var keys = row.Select(v => neighbours[v].Count == 0 ? position[v] : neighbours[v].Average(u => (double)position[u])).ToArray();
                var sorted = row.Select((v, i) => (v, Key: keys[i], i)).OrderBy(t => t.Key).ThenBy(t => t.i).Select(t => t.v).ToList();
                row.Clear();
                row.AddRange(sorted);
                Number(row);
            }
        }

        return position;
    }

    // Rows packed left to right, then each node pulled toward the mean of its neighbours in the row above (then below),
    // keeping the order and the gaps: long flows run straight instead of sweeping round the widest row.
    private static (double[] X, double[] Y, double Width) Coordinates(List<int>[] rows, int real, List<int>[] up, List<int>[] down)
    {
        var count = rows.Sum(r => r.Count);
        var x = new double[count];
        var y = new double[count];
        double Size(int v) => v < real ? NodeWidth : DummyWidth;
        double Gap(int a, int b) => ((Size(a) + Size(b)) / 2) + (a < real || b < real ? ColumnGap : DummyGap);
        for (var l = 0; l < rows.Length; l++)
        {
            var row = rows[l];
            for (var i = 0; i < row.Count; i++)
            {
                x[row[i]] = i == 0 ? Size(row[i]) / 2 : x[row[i - 1]] + Gap(row[i - 1], row[i]);
                y[row[i]] = Margin + (l * (NodeHeight + LayerGap)) + (NodeHeight / 2);
            }
        }

        for (var sweep = 0; sweep < 8; sweep++)
        {
            var downward = sweep % 2 == 0;
            for (var k = 1; k < rows.Length; k++)
            {
                var row = rows[downward ? k : rows.Length - 1 - k];
                var neighbours = downward ? up : down;
                var desired = row.Select(v => neighbours[v].Count == 0 ? x[v] : neighbours[v].Average(u => x[u])).ToArray();
                var placed = new double[row.Count];
                for (var i = 0; i < row.Count; i++) placed[i] = i == 0 ? desired[0] : Math.Max(desired[i], placed[i - 1] + Gap(row[i - 1], row[i]));
                var shift = row.Count == 0 ? 0 : Enumerable.Range(0, row.Count).Average(i => desired[i] - placed[i]);
                for (var i = 0; i < row.Count; i++) x[row[i]] = placed[i] + shift;
            }
        }

        if (count == 0) return (x, y, (2 * Margin) + (NodeWidth / 2));
        var left = Enumerable.Range(0, count).Min(v => x[v] - (Size(v) / 2));
        var right = Enumerable.Range(0, count).Max(v => x[v] + (Size(v) / 2));
        for (var v = 0; v < count; v++) x[v] += Margin - left;
        return (x, y, right - left + (2 * Margin) + (NodeWidth / 2));
    }
}
