namespace Plumb.Handbook.Gap;

using System.Globalization;
using Plumb.Handbook.Diff;
using Plumb.Handbook.Model;

internal sealed partial class GapRun
{
    private void Csfs(Process a, Process b)
    {
        var matching = Matcher.Match(a.Csfs, b.Csfs, c => c.Id, c => c.Text);
        foreach (var (x, y) in matching.Pairs)
        {
            if (Matcher.Normal(x.Text) == Matcher.Normal(y.Text)) continue;
            Add(GapKind.Different, GapElement.Csf, $"{b.Id}/csfs/{y.Id}", Location.Of(b, y), x.Text, y.Text,
                $"{Location.Of(b, y)} reads \"{y.Text}\"; the baseline says \"{x.Text}\"");
        }

        foreach (var x in matching.OnlyBaseline)
        {
            Add(GapKind.Missing, GapElement.Csf, $"{a.Id}/csfs/{x.Id}", Location.Of(b, x), x.Text, null,
                $"{Location.Of(b)} lacks the baseline's CSF \"{x.Text}\"");
        }

        foreach (var y in matching.OnlyHandbook)
        {
            Add(GapKind.Added, GapElement.Csf, $"{b.Id}/csfs/{y.Id}", Location.Of(b, y), null, y.Text,
                $"{Location.Of(b, y)} (\"{y.Text}\") is not in the baseline");
        }
    }

    private void Kpis(Process a, Process b)
    {
        var matching = Matcher.Match(a.Kpis, b.Kpis, k => k.Id, k => k.Name,
            (x, y) => Matcher.Normal(x.Measure) == Matcher.Normal(y.Measure) ? 1 : 0, threshold: 1);
        foreach (var (x, y) in matching.Pairs)
        {
            var where = Location.Of(b, y);
            var path = $"{b.Id}/kpis/{y.Id}";
            if (x.Id != y.Id || Matcher.Normal(x.Name) != Matcher.Normal(y.Name))
            {
                Add(GapKind.Renamed, GapElement.Kpi, path, where, x.Name, y.Name, $"KPI '{x.Name}' of the baseline is called '{y.Name}' in the handbook");
            }

            if (x.Target != y.Target || x.Direction != y.Direction)
            {
                var before = Target(x);
                var after = Target(y);
                Add(GapKind.Different, GapElement.Kpi, path, where, before, after, $"{where}: target is {before} in the baseline, {after} in the handbook");
            }

            if (Matcher.Normal(x.Measure) != Matcher.Normal(y.Measure))
            {
                Add(GapKind.Different, GapElement.Kpi, path, where, x.Measure, y.Measure,
                    $"{where}: measured as '{y.Measure}'; the baseline measures '{x.Measure}'");
            }
        }

        foreach (var x in matching.OnlyBaseline)
        {
            Add(GapKind.Missing, GapElement.Kpi, $"{a.Id}/kpis/{x.Id}", Location.Of(b, x), x.Name, null,
                $"{Location.Of(b)} lacks the baseline's KPI '{x.Name}' ({Target(x)})");
        }

        foreach (var y in matching.OnlyHandbook)
        {
            Add(GapKind.Added, GapElement.Kpi, $"{b.Id}/kpis/{y.Id}", Location.Of(b, y), null, y.Name, $"{Location.Of(b, y)} is not in the baseline");
        }
    }

    /// <summary>A KPI target in words, e.g. "at most 8 hours".</summary>
    internal static string Target(Kpi kpi)
    {
        if (kpi.Target is not { } target) return "no target";
        var value = target.ToString(CultureInfo.InvariantCulture);
        var unit = string.IsNullOrWhiteSpace(kpi.Unit) ? "" : kpi.Unit == "%" ? "%" : " " + kpi.Unit;
        return $"{(kpi.Direction == KpiDirection.Lower ? "at most" : "at least")} {value}{unit}";
    }

    private void Flows(Process a, Process b, List<DataFlow> inBaseline, List<DataFlow> inHandbook, bool input)
    {
        var direction = input ? "inputs" : "outputs";
        var expected = inBaseline.Select(f => (Key: f.Record + "|" + Map(f.Party), Flow: f)).ToList();
        var actual = inHandbook.Select(f => (Key: f.Record + "|" + (f.Party ?? ""), Flow: f)).ToList();
        foreach (var (key, flow) in expected.Where(e => actual.All(x => x.Key != e.Key)))
        {
            var words = Location.Flow(baseline, flow, input);
            Add(GapKind.Missing, GapElement.DataFlow, $"{a.Id}/{direction}/{key}", Location.Of(b), words, null,
                $"{Location.Of(b)} lacks the baseline's {(input ? "input" : "output")} {words}");
        }

        foreach (var (key, flow) in actual.Where(x => expected.All(e => e.Key != x.Key)))
        {
            var words = Location.Flow(handbook, flow, input);
            Add(GapKind.Added, GapElement.DataFlow, $"{b.Id}/{direction}/{key}", Location.Of(b), null, words,
                $"{Location.Of(b)} has the {(input ? "input" : "output")} {words}, which the baseline does not");
        }
    }
}
