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

/// <summary>Replay figures of one trace, with the standard names: produced, consumed, missing and remaining tokens.</summary>
public sealed record TraceReplay(int Produced, int Consumed, int Missing, int Remaining, IReadOnlyList<(DeviationKind Kind, int Label)> Deviations)
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
        foreach (var (label, code) in _labels)
        {
            _byLabel[code] = Enumerable.Range(0, _transitions.Length).Where(t => _transitions[t].Label == label).ToArray();
        }

        _silent = Enumerable.Range(0, _transitions.Length).Where(t => _transitions[t].IsSilent).ToArray();
        _initial = new int[net.Places.Count];
        foreach (var (p, n) in net.InitialMarking) _initial[p] = n;
        _final = new int[net.Places.Count];
        foreach (var (p, n) in net.FinalMarking) _final[p] = n;
        Producers = BuildProducers();
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
        int produced = _initial.Sum(), consumed = 0, missing = 0;
        var deviations = new List<(DeviationKind, int)>();
        var fired = new HashSet<int>();
        for (var i = 0; i < trace.Length; i++)
        {
            var label = trace[i];
            if (label == Continuation) continue;
            if (label < 0)
            {
                deviations.Add((DeviationKind.Undocumented, -1));
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
                missing += deficit.Sum(d => d.Count);
                foreach (var (place, count) in deficit) marking[place] += count;
                deviations.Add(Attribute(deficit, label, trace[(i + 1)..], fired));
            }

            Fire(marking, chosen, ref produced, ref consumed);
            fired.Add(label);
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
                    if (fired.Contains(step)) break;
                    deviations.Add((DeviationKind.Skipped, step));
                }
            }
        }

        return new TraceReplay(produced, consumed, missing, remaining, deviations.Distinct().ToList());
    }

    private (DeviationKind, int) Attribute(List<(int Place, int Count)> deficit, int label, ReadOnlySpan<int> later, HashSet<int> fired)
    {
        var producers = deficit.SelectMany(d => Producers[d.Place]).Distinct().ToList();
        foreach (var p in producers)
        {
            if (later.Contains(p)) return (DeviationKind.OutOfOrder, label);
        }

        if (fired.Contains(label)) return (DeviationKind.Repeated, label);
        return producers.Count > 0 ? (DeviationKind.Skipped, producers.FirstOrDefault(p => !fired.Contains(p), producers[0])) : (DeviationKind.OutOfOrder, label);
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

    private static int Needed(int[] inputs, int place)
    {
        var n = 0;
        foreach (var p in inputs) if (p == place) n++;
        return n;
    }

    private List<(int Place, int Count)> Deficit(int[] marking, int t)
    {
        var inputs = _transitions[t].Inputs;
        var result = new List<(int, int)>();
        foreach (var p in inputs.Distinct())
        {
            var need = Needed(inputs, p);
            if (marking[p] < need) result.Add((p, need - marking[p]));
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
