namespace Plumb.Handbook.Gap;

using Plumb.Handbook.Diff;
using Plumb.Handbook.Model;

internal sealed partial class GapRun
{
    private sealed record Site(Process Process, Procedure Procedure);

    private sealed record StepSite(Process Process, Procedure Procedure, Step Step);

    private void Procedures(List<(Process Baseline, Process Handbook)> processes)
    {
        var pairs = new List<(Site Baseline, Site Handbook)>();
        var missing = new List<Site>();
        var added = new List<Site>();
        foreach (var (a, b) in processes)
        {
            var matching = Matcher.Match(a.Procedures, b.Procedures, p => p.Id, p => p.Name,
                (x, y) => Matcher.Jaccard(StepIds(x), StepIds(y)));
            pairs.AddRange(matching.Pairs.Select(p => (new Site(a, p.Baseline), new Site(b, p.Handbook))));
            missing.AddRange(matching.OnlyBaseline.Select(p => new Site(a, p)));
            added.AddRange(matching.OnlyHandbook.Select(p => new Site(b, p)));
        }

        // A procedure the handbook keeps under another process is moved, not missing.
        var moved = Matcher.Match(missing, added, s => s.Procedure.Id, s => s.Procedure.Name);
        foreach (var (x, y) in pairs)
        {
            if (x.Procedure.Id == y.Procedure.Id && Matcher.Normal(x.Procedure.Name) == Matcher.Normal(y.Procedure.Name)) continue;
            Add(GapKind.Renamed, GapElement.Procedure, $"{y.Process.Id}/{y.Procedure.Id}", Location.Of(y.Process, y.Procedure),
                x.Procedure.Name, y.Procedure.Name, $"procedure '{x.Procedure.Name}' of the baseline is called '{y.Procedure.Name}' in the handbook");
        }

        foreach (var (x, y) in moved.Pairs)
        {
            Add(GapKind.Moved, GapElement.Procedure, $"{y.Process.Id}/{y.Procedure.Id}", Location.Of(y.Process, y.Procedure),
                x.Process.Name, y.Process.Name, $"procedure '{y.Procedure.Name}' is in {Location.Of(y.Process)}; the baseline has it in {Location.Of(x.Process)}");
        }

        foreach (var x in moved.OnlyBaseline)
        {
            Add(GapKind.Missing, GapElement.Procedure, $"{x.Process.Id}/{x.Procedure.Id}", Location.Of(x.Process, x.Procedure), x.Procedure.Name, null,
                $"the handbook lacks the baseline's {Location.Of(x.Process, x.Procedure)} ({x.Procedure.Steps.Count} steps)");
        }

        foreach (var y in moved.OnlyHandbook)
        {
            Add(GapKind.Added, GapElement.Procedure, $"{y.Process.Id}/{y.Procedure.Id}", Location.Of(y.Process, y.Procedure), null, y.Procedure.Name,
                $"{Location.Of(y.Process, y.Procedure)} is not in the baseline");
        }

        Steps([.. pairs, .. moved.Pairs]);
    }

    private static HashSet<string> StepIds(Procedure procedure) => [.. procedure.Steps.Select(s => s.Id)];

    private void Steps(List<(Site Baseline, Site Handbook)> procedures)
    {
        var pairs = new List<(StepSite Baseline, StepSite Handbook)>();
        var missing = new List<StepSite>();
        var added = new List<StepSite>();
        foreach (var (a, b) in procedures)
        {
            var matching = Matcher.Match(a.Procedure.Steps, b.Procedure.Steps, s => s.Id, s => s.Name,
                (x, y) => Likeness(a.Procedure, x, b.Procedure, y), threshold: 0.7);
            pairs.AddRange(matching.Pairs.Select(p => (new StepSite(a.Process, a.Procedure, p.Baseline), new StepSite(b.Process, b.Procedure, p.Handbook))));
            missing.AddRange(matching.OnlyBaseline.Select(s => new StepSite(a.Process, a.Procedure, s)));
            added.AddRange(matching.OnlyHandbook.Select(s => new StepSite(b.Process, b.Procedure, s)));
        }

        var moved = Matcher.Match(missing, added, s => s.Step.Id, s => s.Step.Name);
        foreach (var (x, y) in pairs) Step(x, y);
        foreach (var (x, y) in moved.Pairs)
        {
            Add(GapKind.Moved, GapElement.Step, StepPath(y), Location.Of(y.Process, y.Procedure, y.Step), x.Procedure.Name, y.Procedure.Name,
                $"step '{y.Step.Name}' is in procedure '{y.Procedure.Name}'; the baseline has it in procedure '{x.Procedure.Name}'");
            Step(x, y, renames: false);
        }

        foreach (var x in moved.OnlyBaseline)
        {
            Add(GapKind.Missing, GapElement.Step, StepPath(x), Location.Of(x.Process, x.Procedure, x.Step), x.Step.Name, null,
                $"the handbook lacks the baseline's {Location.Of(x.Process, x.Procedure, x.Step)}");
        }

        foreach (var y in moved.OnlyHandbook)
        {
            Add(GapKind.Added, GapElement.Step, StepPath(y), Location.Of(y.Process, y.Procedure, y.Step), null, y.Step.Name,
                $"{Location.Of(y.Process, y.Procedure, y.Step)} is not in the baseline");
        }
    }

    private static string StepPath(StepSite site) => $"{site.Process.Id}/{site.Procedure.Id}/{site.Step.Id}";

    // Structure of a step whose id and name both changed: same roles and same neighbours.
    private double Likeness(Procedure pa, Step a, Procedure pb, Step b)
    {
        var score = 0.0;
        if (SameRoles(a.Raci.Responsible, b.Raci.Responsible)) score += 0.3;
        if (SameRoles(a.Raci.Accountable, b.Raci.Accountable)) score += 0.2;
        if (Neighbour(pa, a, -1) == Neighbour(pb, b, -1)) score += 0.25;
        if (Neighbour(pa, a, 1) == Neighbour(pb, b, 1)) score += 0.25;
        return score;
    }

    private static string Neighbour(Procedure procedure, Step step, int offset)
    {
        var i = procedure.Steps.IndexOf(step) + offset;
        return i >= 0 && i < procedure.Steps.Count ? procedure.Steps[i].Id : "";
    }

    private bool SameRoles(List<string> inBaseline, List<string> inHandbook) =>
        inBaseline.Select(Map).ToHashSet(StringComparer.Ordinal).SetEquals(inHandbook);

    private void Step(StepSite x, StepSite y, bool renames = true)
    {
        var where = Location.Of(y.Process, y.Procedure, y.Step);
        var path = StepPath(y);
        if (renames && (x.Step.Id != y.Step.Id || Matcher.Normal(x.Step.Name) != Matcher.Normal(y.Step.Name)))
        {
            Add(GapKind.Renamed, GapElement.Step, path, where, x.Step.Name, y.Step.Name,
                $"step '{x.Step.Name}' of the baseline is called '{y.Step.Name}' in procedure '{y.Procedure.Name}'");
        }

        Raci("responsible", x.Step.Raci.Responsible, y.Step.Raci.Responsible);
        Raci("accountable", x.Step.Raci.Accountable, y.Step.Raci.Accountable);
        Raci("consulted", x.Step.Raci.Consulted, y.Step.Raci.Consulted);
        Raci("informed", x.Step.Raci.Informed, y.Step.Raci.Informed);

        var before = Tool(x.Step.Tool);
        var after = Tool(y.Step.Tool);
        if (before != after)
        {
            Add(GapKind.Different, GapElement.Step, path, where, before, after, $"{where}: shows in the tool as {after}; the baseline maps it to {before}");
        }

        void Raci(string letter, List<string> inBaseline, List<string> inHandbook)
        {
            if (SameRoles(inBaseline, inHandbook)) return;
            var was = Location.RoleNames(baseline, inBaseline);
            var now = Location.RoleNames(handbook, inHandbook);
            Add(GapKind.Different, GapElement.Step, path, where, was, now, $"{where}: {letter} is {now}; the baseline has {was}");
        }
    }

    private static string Tool(ToolMapping? tool) => tool?.Table is not { } table
        ? "nothing"
        : tool.States.Count == 0 ? table : $"{table}.{tool.EffectiveField} in ({string.Join(", ", tool.States)})";
}
