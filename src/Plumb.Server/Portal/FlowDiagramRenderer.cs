namespace Plumb.Server.Portal;

using System.Globalization;
using System.Text;
using Plumb.Handbook.Model;
using Plumb.Handbook.References;
using Plumb.Server.Handbooks;
using static Plumb.Server.Portal.Html;

/// <summary>
/// A plain flow picture: start, one box per step top to bottom, decisions as diamonds, and the flows between them
/// (the next step straight down, jumps and branches as labelled arcs on the right). Every step box links to its page.
/// </summary>
public sealed class FlowDiagramRenderer : IDiagramRenderer
{
    private const int BoxWidth = 280;
    private const int BoxHeight = 46;
    private const int Row = 86;
    private const int Left = 40;
    private const int Top = 56;
    private const int LaneGap = 16;

    public string? RenderProcedureSvg(Handbook handbook, Process process, Procedure procedure)
    {
        if (procedure.Steps.Count == 0) return null;
        var steps = procedure.Steps;
        var index = steps.Select((s, i) => (s.Id, i)).GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var endY = Top + steps.Count * Row + 10;
        var edges = new List<(int From, int To, string? Label, bool Decision)>();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Decision is { Branches.Count: > 0 } decision)
            {
                foreach (var branch in decision.Branches) edges.Add((i, Target(branch.Goto), branch.When, true));
            }
            else
            {
                edges.Add((i, step.Next is null ? (i + 1 < steps.Count ? i + 1 : -1) : Target(step.Next), null, false));
            }
        }

        var jumps = edges.Where(e => !(e.To == e.From + 1 && e.Label is null)).ToList();
        var width = Left + BoxWidth + 60 + jumps.Count * LaneGap + 160;
        var height = endY + 50;
        var marker = "arrow-" + X(procedure.Id);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" class="flow" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="flow-{X(procedure.Id)}-title">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="flow-{X(procedure.Id)}-title">{X($"Flow of {procedure.Name}: {string.Join(", then ", steps.Select(s => s.Name))}")}</title>""");
        svg.Append($"""<defs><marker id="{marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>""");
        var centre = Left + BoxWidth / 2;
        svg.Append(CultureInfo.InvariantCulture, $"""<circle class="start" cx="{centre}" cy="20" r="12"><title>Start: {X(procedure.Trigger ?? "start")}</title></circle>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<line class="edge" x1="{centre}" y1="32" x2="{centre}" y2="{Top - 2}" marker-end="url(#{marker})"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<circle class="end" cx="{centre}" cy="{endY + 14}" r="12"><title>End: {X(procedure.Outcome ?? "end")}</title></circle>""");

        var lane = 0;
        foreach (var (from, to, label, _) in edges)
        {
            var fromY = Top + from * Row + BoxHeight;
            if (to == from + 1 && label is null)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<line class="edge" x1="{centre}" y1="{fromY}" x2="{centre}" y2="{Top + to * Row - 2}" marker-end="url(#{marker})"/>""");
                continue;
            }

            if (to == -1 && label is null && from == steps.Count - 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<line class="edge" x1="{centre}" y1="{fromY}" x2="{centre}" y2="{endY}" marker-end="url(#{marker})"/>""");
                continue;
            }

            var x = Left + BoxWidth + 30 + lane++ * LaneGap;
            var startY = Top + from * Row + BoxHeight / 2;
            var endTargetY = to == -1 ? endY + 14 : Top + to * Row + BoxHeight / 2;
            var endX = to == -1 ? centre + 12 : Left + BoxWidth;
            svg.Append(CultureInfo.InvariantCulture,
                $"""<path class="edge jump" d="M{Left + BoxWidth},{startY} H{x} V{endTargetY} H{endX + 2}" fill="none" marker-end="url(#{marker})"/>""");
            if (label is not null)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<text class="edge-label" x="{x + 6}" y="{startY - 4}">{X(Truncate(label, 28))}</text>""");
            }
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var y = Top + i * Row;
            var responsible = string.Join(", ", step.Raci.Responsible.Select(r => handbook.FindRole(r)?.Name ?? r));
            svg.Append(CultureInfo.InvariantCulture, $"""<a href="{X(Links.Step(process.Id, procedure.Id, step.Id))}" class="step-link">""");
            svg.Append(CultureInfo.InvariantCulture, $"""<rect class="step {KindClass(step.Kind)}" x="{Left}" y="{y}" width="{BoxWidth}" height="{BoxHeight}" rx="8"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="step-name" x="{centre}" y="{y + 20}" text-anchor="middle">{X(Truncate(step.Name, 38))}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="step-role" x="{centre}" y="{y + 37}" text-anchor="middle">{X(Truncate(responsible, 44))}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<title>{X(step.Name)}{(step.Decision?.Question is { } q ? " — " + X(q) : "")}</title></a>""");
            if (step.Decision is { Branches.Count: > 0 })
            {
                var dx = Left + BoxWidth;
                var dy = y + BoxHeight / 2;
                svg.Append(CultureInfo.InvariantCulture, $"""<path class="gateway" d="M{dx},{dy} l8,-8 l8,8 l-8,8 z"><title>{X(step.Decision.Question ?? "Decision")}</title></path>""");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();

        int Target(string reference)
        {
            if (reference == Step.End) return -1;
            if (index.TryGetValue(reference, out var i)) return i;
            var resolved = Reference.Resolve(handbook, reference, process, procedure);
            return resolved.Step is { } s && procedure.Steps.Contains(s) ? procedure.Steps.IndexOf(s) : -1;
        }
    }

    private static string KindClass(StepKind kind) => kind switch
    {
        StepKind.Manual => "manual",
        StepKind.Service => "service",
        _ => "user",
    };
}
