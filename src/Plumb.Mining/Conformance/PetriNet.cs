namespace Plumb.Mining.Conformance;

/// <summary>A transition of a Petri net: its label (null for a silent transition) and the places it consumes from and produces to.</summary>
public sealed record PetriTransition(string Id, string? Label, int[] Inputs, int[] Outputs)
{
    /// <summary>True for a silent (invisible, tau) transition.</summary>
    public bool IsSilent => Label is null;
}

/// <summary>A place/transition net with an initial and a final marking (tokens per place), as conformance checking replays it.</summary>
public sealed class PetriNet
{
    private readonly List<string> _places = [];
    private readonly List<Draft> _transitions = [];
    private PetriTransition[]? _frozen;

    /// <summary>Place ids, by index.</summary>
    public IReadOnlyList<string> Places => _places;

    /// <summary>Transitions, by index.</summary>
    public IReadOnlyList<PetriTransition> Transitions => _frozen ??= Freeze();

    /// <summary>Tokens per place at the start.</summary>
    public Dictionary<int, int> InitialMarking { get; } = [];

    /// <summary>Tokens per place expected at the end.</summary>
    public Dictionary<int, int> FinalMarking { get; } = [];

    /// <summary>Adds a place and returns its index.</summary>
    public int AddPlace(string id)
    {
        _places.Add(id);
        return _places.Count - 1;
    }

    /// <summary>Adds a transition (label null = silent) and returns its index.</summary>
    public int AddTransition(string id, string? label)
    {
        _frozen = null;
        _transitions.Add(new Draft(id, label));
        return _transitions.Count - 1;
    }

    /// <summary>Adds an arc from a place to a transition.</summary>
    public void AddInput(int place, int transition)
    {
        _frozen = null;
        _transitions[transition].In.Add(place);
    }

    /// <summary>Adds an arc from a transition to a place.</summary>
    public void AddOutput(int transition, int place)
    {
        _frozen = null;
        _transitions[transition].Out.Add(place);
    }

    private PetriTransition[] Freeze()
    {
        var frozen = new PetriTransition[_transitions.Count];
        for (var t = 0; t < frozen.Length; t++)
        {
            var draft = _transitions[t];
            frozen[t] = new PetriTransition(draft.Id, draft.Label, [.. draft.In], [.. draft.Out]);
        }

        return frozen;
    }

    // A transition while arcs are still added.
    private sealed class Draft(string id, string? label)
    {
        public string Id => id;

        public string? Label => label;

        public List<int> In { get; } = [];

        public List<int> Out { get; } = [];
    }
}
