namespace Plumb.Handbook.Gap;

using Plumb.Handbook.Diff;
using Plumb.Handbook.Model;

/// <summary>One gap analysis: the role and process matches it has made so far and the gaps found.</summary>
internal sealed partial class GapRun(Handbook baseline, Handbook handbook)
{
    private readonly List<GapItem> _items = [];
    private readonly Dictionary<string, string> _roles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _processes = new(StringComparer.Ordinal);

    public GapReport Run()
    {
        Roles();
        Processes();
        return new GapReport(_items);
    }

    private void Add(GapKind kind, GapElement element, string path, string location, string? before, string? after, string message) =>
        _items.Add(new GapItem(kind, element, path, location, before, after, message));

    /// <summary>The handbook's id for a baseline role or process id; unmatched ids stay as they are.</summary>
    private string Map(string? id) =>
        id is null ? "" : _roles.TryGetValue(id, out var role) ? role : _processes.TryGetValue(id, out var process) ? process : id;

    private void Roles()
    {
        var usedInBaseline = RoleUsage(baseline);
        var usedInHandbook = RoleUsage(handbook);
        var matching = Matcher.Match(baseline.Roles, handbook.Roles, r => r.Id, r => r.Name,
            (a, b) => Matcher.Jaccard(Usage(usedInBaseline, a.Id), Usage(usedInHandbook, b.Id)));
        foreach (var (a, b) in matching.Pairs)
        {
            _roles[a.Id] = b.Id;
            if (a.Id == b.Id && Matcher.Normal(a.Name) == Matcher.Normal(b.Name)) continue;
            var id = a.Id == b.Id ? "" : $" (id '{b.Id}')";
            Add(GapKind.Renamed, GapElement.Role, $"roles/{b.Id}", Location.Of(b), a.Name, b.Name,
                $"role '{a.Name}' of the baseline is called '{b.Name}'{id} in the handbook");
        }

        foreach (var a in matching.OnlyBaseline)
        {
            Add(GapKind.Missing, GapElement.Role, $"roles/{a.Id}", Location.Of(a), a.Name, null,
                $"the handbook has no role like '{a.Name}' of the baseline");
        }

        foreach (var b in matching.OnlyHandbook)
        {
            Add(GapKind.Added, GapElement.Role, $"roles/{b.Id}", Location.Of(b), null, b.Name, $"role '{b.Name}' is not in the baseline");
        }
    }

    private static IReadOnlySet<string> Usage(Dictionary<string, HashSet<string>> usage, string role) =>
        usage.TryGetValue(role, out var set) ? set : new HashSet<string>();

    // Where each role is used: "owner:incident", "incident/handle-incident/log:R" ...; renamed roles keep their places.
    private static Dictionary<string, HashSet<string>> RoleUsage(Handbook source)
    {
        var usage = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var process in source.Processes)
        {
            if (process.Owner is { } owner) Use(owner, $"owner:{process.Id}");
            foreach (var procedure in process.Procedures)
            {
                foreach (var step in procedure.Steps)
                {
                    foreach (var (role, letter) in step.Raci.Assignments()) Use(role, $"{process.Id}/{procedure.Id}/{step.Id}:{letter}");
                }
            }
        }

        return usage;

        void Use(string role, string key)
        {
            if (!usage.TryGetValue(role, out var set)) usage[role] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(key);
        }
    }

    private void Processes()
    {
        var matching = Matcher.Match(baseline.Processes, handbook.Processes, p => p.Id, p => p.Name,
            (a, b) => Matcher.Jaccard(Shape(a), Shape(b)));
        foreach (var (a, b) in matching.Pairs) _processes[a.Id] = b.Id;

        foreach (var a in baseline.Processes)
        {
            if (matching.HandbookFor(a) is { } b) Process(a, b);
            else
            {
                var steps = a.Procedures.Sum(p => p.Steps.Count);
                Add(GapKind.Missing, GapElement.Process, a.Id, Location.Of(a), a.Name, null,
                    $"the handbook has no {Location.Of(a)} ({a.Procedures.Count} procedures, {steps} steps, {a.Kpis.Count} KPIs)");
            }
        }

        Procedures(matching.Pairs);
        foreach (var b in matching.OnlyHandbook)
        {
            Add(GapKind.Added, GapElement.Process, b.Id, Location.Of(b), null, b.Name, $"{Location.Of(b)} is not in the baseline");
        }
    }

    private static HashSet<string> Shape(Process process) =>
        [.. process.Procedures.Select(p => "procedure:" + p.Id), .. process.Procedures.SelectMany(p => p.Steps).Select(s => "step:" + s.Id)];

    private void Process(Process a, Process b)
    {
        var where = Location.Of(b);
        if (a.Id != b.Id || Matcher.Normal(a.Name) != Matcher.Normal(b.Name))
        {
            var id = a.Id == b.Id ? "" : $" (id '{b.Id}')";
            Add(GapKind.Renamed, GapElement.Process, b.Id, where, a.Name, b.Name, $"process '{a.Name}' of the baseline is called '{b.Name}'{id} in the handbook");
        }

        if (Map(a.Owner) != (b.Owner ?? ""))
        {
            var before = Location.RoleName(baseline, a.Owner ?? "");
            var after = Location.RoleName(handbook, b.Owner ?? "");
            Add(GapKind.Different, GapElement.Process, b.Id, where, before, after,
                $"{where}: owner is {before} in the baseline, {after} in the handbook");
        }

        Csfs(a, b);
        Kpis(a, b);
        Flows(a, b, a.Inputs, b.Inputs, input: true);
        Flows(a, b, a.Outputs, b.Outputs, input: false);
    }
}
