namespace Plumb.Mining.Conformance;

/// <summary>The kinds of deviation from the documented flow that replay attributes to a step.</summary>
public enum DeviationKind
{
    /// <summary>A step the flow required did not happen.</summary>
    Skipped,

    /// <summary>A step happened before the step that should precede it.</summary>
    OutOfOrder,

    /// <summary>A step happened again where the flow does not loop back.</summary>
    Repeated,

    /// <summary>An activity the model does not know.</summary>
    Undocumented,
}

/// <summary>A deviation replay found in a trace: its kind and the label code of the step (-1 for an undocumented activity).</summary>
public readonly record struct LabelDeviation(DeviationKind Kind, int Label);

/// <summary>Replay figures of one trace, with the standard names: produced, consumed, missing and remaining tokens.</summary>
public sealed record TraceReplay(int Produced, int Consumed, int Missing, int Remaining, IReadOnlyList<LabelDeviation> Deviations)
{
    /// <summary>Fitness f = ½(1 − m/c) + ½(1 − r/p).</summary>
    public double Fitness => (0.5 * (Consumed == 0 ? 1 : 1 - ((double)Missing / Consumed))) + (0.5 * (Produced == 0 ? 1 : 1 - ((double)Remaining / Produced)));

    /// <summary>True when the trace replayed without missing or remaining tokens.</summary>
    public bool Fits => Missing == 0 && Remaining == 0;
}

/// <summary>
/// Token-based replay of label sequences on a Petri net (Rozinat and van der Aalst 2008, as implemented by established tools).
/// Each event fires a transition with its label: an enabled one first; otherwise the one that the shortest sequence of silent
/// transitions enables (breadth-first over markings, at most <see cref="SilentSearchLimit"/> markings, ties broken by transition
/// order); otherwise the first, adding the missing tokens. Labels the net does not know (code -1) are not replayed, as in
/// established tools, and are reported as undocumented. At the end, silent transitions are fired when that reaches the final
/// marking (or leaves fewer tokens); then the final marking is consumed, and what is left remains.
/// Its collections hold its own types or arrays: CoreLib's generics over CoreLib value types (a set of ints, a list of
/// tuples) have no precompiled code, and a command's cold replay spent ~20 ms compiling them.
/// </summary>
public sealed partial class TokenReplayer
{
    /// <summary>A label code for an event that continues the step before it: not replayed, not a deviation.</summary>
    public const int Continuation = -2;

    /// <summary>The most markings one silent-transition search visits.</summary>
    public const int SilentSearchLimit = 4096;

    private readonly PetriNet _net;
    private readonly PetriTransition[] _transitions;
    private readonly int[][] _byLabel;
    private readonly int[] _silent;
    private readonly int[] _initial;
    private readonly int[] _final;
    private readonly Dictionary<string, int> _labels = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int[]> _pathToEnd = [];

    /// <summary>Prepares replay on a net.</summary>
    public TokenReplayer(PetriNet net)
    {
        _net = net;
        _transitions = [.. net.Transitions];
        foreach (var t in _transitions)
        {
            if (t.Label is { } label && !_labels.ContainsKey(label)) _labels[label] = _labels.Count;
        }

        _byLabel = new int[_labels.Count][];
        foreach (var (label, code) in _labels) _byLabel[code] = TransitionsWhere(t => t.Label == label);
        _silent = TransitionsWhere(t => t.IsSilent);
        _initial = new int[net.Places.Count];
        foreach (var (p, n) in net.InitialMarking) _initial[p] = n;
        _final = new int[net.Places.Count];
        foreach (var (p, n) in net.FinalMarking) _final[p] = n;
        Producers = BuildProducers();
    }

    // The indices of the transitions that match, in net order.
    private int[] TransitionsWhere(Func<PetriTransition, bool> match)
    {
        var found = new List<int>();
        for (var t = 0; t < _transitions.Length; t++)
        {
            if (match(_transitions[t])) found.Add(t);
        }

        return [.. found];
    }

    /// <summary>Visible labels of the net and their codes.</summary>
    public IReadOnlyDictionary<string, int> Labels => _labels;

    /// <summary>The net.</summary>
    public PetriNet Net => _net;

    /// <summary>Per place, the visible labels that put tokens there (looking back through silent transitions).</summary>
    private int[][] Producers { get; }

    /// <summary>The label code of a name, or -1 when the net has no such visible transition.</summary>
    public int LabelOf(string name) => _labels.TryGetValue(name, out var code) ? code : -1;

    /// <summary>Replays one trace of label codes (-1 = unknown to the net).</summary>
    public TraceReplay Replay(ReadOnlySpan<int> trace)
    {
        var marking = (int[])_initial.Clone();
        int produced = 0, consumed = 0, missing = 0;
        foreach (var n in _initial) produced += n;
        // Deviations in an array of their own: CoreLib's list over this struct has no precompiled code.
        var deviations = new Deviations();
        var fired = new bool[_labels.Count];
        for (var i = 0; i < trace.Length; i++)
        {
            var label = trace[i];
            if (label == Continuation) continue;
            if (label < 0)
            {
                deviations.Add(new LabelDeviation(DeviationKind.Undocumented, -1));
                continue;
            }

            var candidates = _byLabel[label];
            var chosen = -1;
            foreach (var t in candidates)
            {
                if (Enabled(marking, t))
                {
                    chosen = t;
                    break;
                }
            }

            if (chosen < 0 && _silent.Length > 0 && SearchEnabling(marking, candidates) is { } found)
            {
                foreach (var s in found.Path) Fire(marking, s, ref produced, ref consumed);
                chosen = found.Target;
            }

            if (chosen < 0)
            {
                chosen = candidates[0];
                var deficit = Deficit(marking, chosen);
                foreach (var place in deficit)
                {
                    var count = Needed(_transitions[chosen].Inputs, place) - marking[place];
                    missing += count;
                    marking[place] += count;
                }

                deviations.Add(Attribute(deficit, label, trace[(i + 1)..], fired));
            }

            Fire(marking, chosen, ref produced, ref consumed);
            fired[label] = true;
        }

        if (_silent.Length > 0 && !marking.AsSpan().SequenceEqual(_final))
        {
            foreach (var s in SearchFinal(marking)) Fire(marking, s, ref produced, ref consumed);
        }

        var remaining = 0;
        for (var p = 0; p < marking.Length; p++)
        {
            if (marking[p] < _final[p]) missing += _final[p] - marking[p];
            consumed += _final[p];
            if (marking[p] > _final[p])
            {
                remaining += marking[p] - _final[p];
                // Steps on the way to the end that never happened, up to the first that did (the case went on from there).
                foreach (var step in PathToEnd(p))
                {
                    if (fired[step]) break;
                    deviations.Add(new LabelDeviation(DeviationKind.Skipped, step));
                }
            }
        }

        return new TraceReplay(produced, consumed, missing, remaining, deviations.ToArray());
    }

    // Each deviation once, in the order first found.
    private sealed class Deviations
    {
        private LabelDeviation[] _items = new LabelDeviation[4];
        private int _count;

        public void Add(LabelDeviation deviation)
        {
            for (var i = 0; i < _count; i++)
            {
                if (_items[i].Kind == deviation.Kind && _items[i].Label == deviation.Label) return;
            }

            if (_count == _items.Length) _items = Copy(_items, _count * 2);
            _items[_count++] = deviation;
        }

        public LabelDeviation[] ToArray() => Copy(_items, _count);

        // Element by element: the span helpers over this struct have no precompiled code either.
        private LabelDeviation[] Copy(LabelDeviation[] items, int length)
        {
            var copy = new LabelDeviation[length];
            for (var i = 0; i < _count && i < length; i++) copy[i] = items[i];
            return copy;
        }
    }

    private LabelDeviation Attribute(List<int> deficit, int label, ReadOnlySpan<int> later, bool[] fired)
    {
        // The labels that put tokens in the places short of them, each once, in the order met.
        var producers = new List<int>();
        foreach (var place in deficit)
        {
            foreach (var p in Producers[place])
            {
                if (!producers.Contains(p)) producers.Add(p);
            }
        }

        foreach (var p in producers)
        {
            if (later.Contains(p)) return new LabelDeviation(DeviationKind.OutOfOrder, label);
        }

        if (fired[label]) return new LabelDeviation(DeviationKind.Repeated, label);
        if (producers.Count == 0) return new LabelDeviation(DeviationKind.OutOfOrder, label);
        foreach (var p in producers)
        {
            if (!fired[p]) return new LabelDeviation(DeviationKind.Skipped, p);
        }

        return new LabelDeviation(DeviationKind.Skipped, producers[0]);
    }

    private bool Enabled(int[] marking, int t)
    {
        var inputs = _transitions[t].Inputs;
        foreach (var p in inputs)
        {
            if (marking[p] < Needed(inputs, p)) return false;
        }

        return true;
    }

    private static int FirstAt(int[] inputs, int place)
    {
        var i = 0;
        while (inputs[i] != place) i++;
        return i;
    }

    private static int Needed(int[] inputs, int place)
    {
        var n = 0;
        foreach (var p in inputs) if (p == place) n++;
        return n;
    }

    // The input places that lack tokens for the transition, in the order of its arcs, each once.
    private List<int> Deficit(int[] marking, int t)
    {
        var inputs = _transitions[t].Inputs;
        var result = new List<int>();
        for (var i = 0; i < inputs.Length; i++)
        {
            var p = inputs[i];
            if (marking[p] < Needed(inputs, p) && FirstAt(inputs, p) == i) result.Add(p);
        }

        return result;
    }

    private void Fire(int[] marking, int t, ref int produced, ref int consumed)
    {
        var transition = _transitions[t];
        foreach (var p in transition.Inputs) marking[p]--;
        foreach (var p in transition.Outputs) marking[p]++;
        consumed += transition.Inputs.Length;
        produced += transition.Outputs.Length;
    }
}
