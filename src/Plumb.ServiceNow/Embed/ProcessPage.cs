namespace Plumb.ServiceNow.Embed;

using System.Globalization;
using System.Xml;
using Plumb.Handbook.Model;
using Plumb.Handbook.Yaml;

/// <summary>
/// The Jelly source of a UI page showing one process: its review, KPIs, and each procedure with its diagram (inline SVG)
/// and step instructions. Needs nothing from outside the instance: no scripts, fonts, or images from other hosts.
/// </summary>
public static class ProcessPage
{
    private const string Css = ".plumb-process{font-family:sans-serif;max-width:960px;margin:16px}"
        + ".plumb-process .meta{color:#555}.plumb-process table{border-collapse:collapse}"
        + ".plumb-process td,.plumb-process th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
        + ".plumb-diagram{overflow:auto;border:1px solid #ddd;padding:8px;margin:8px 0}"
        + ".plumb-steps li{margin-bottom:12px}.plumb-steps .raci,.plumb-steps .tool,.plumb-steps .next{color:#444;font-size:90%}";

    /// <summary>The Jelly document (XML declaration included) for the process's UI page.</summary>
    public static string Build(Handbook handbook, Process process, IProcedureDiagramSource diagrams)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var w = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            w.WriteStartElement("j", "jelly", "jelly:core");
            w.WriteAttributeString("trim", "false");
            w.WriteAttributeString("xmlns", "g", null, "glide");
            w.WriteAttributeString("xmlns", "j2", null, "null");
            w.WriteAttributeString("xmlns", "g2", null, "null");
            w.WriteStartElement("div");
            w.WriteAttributeString("class", "plumb-process");
            w.WriteElementString("style", Css);
            RichText.Element(w, "h1", process.Name);
            var owner = process.Owner is { } o ? handbook.FindRole(o)?.Name ?? o : "-";
            RichText.Element(w, "p", $"Version {process.Version} · {Words.Of(Words.ProcessStatuses, process.Status)} · owner: {owner}", "meta");
            RichText.Labelled(w, "Mission", process.Mission);
            RichText.Labelled(w, "Purpose", process.Purpose);
            RichText.Labelled(w, "Scope", process.Scope);
            List(w, "Objectives", process.Objectives);
            List(w, "Principles", process.Principles);
            Kpis(w, process);
            if (process.Procedures.Count > 0)
            {
                RichText.Element(w, "h2", "Procedures");
                w.WriteStartElement("ul");
                foreach (var procedure in process.Procedures)
                {
                    w.WriteStartElement("li");
                    w.WriteStartElement("a");
                    w.WriteAttributeString("href", "#proc-" + Anchor(procedure.Id));
                    w.WriteString(JellyMarkup.Guard(procedure.Name));
                    w.WriteEndElement();
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }

            foreach (var procedure in process.Procedures) Procedure(w, handbook, process, procedure, diagrams);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n" + JellyMarkup.ToJelly(text.ToString());
    }

    /// <summary>An id fragment made of letters, digits and dashes.</summary>
    public static string Anchor(string id) => new(id.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    private static void Procedure(XmlWriter w, Handbook handbook, Process process, Procedure procedure, IProcedureDiagramSource diagrams)
    {
        w.WriteStartElement("section");
        w.WriteAttributeString("id", "proc-" + Anchor(procedure.Id));
        RichText.Element(w, "h2", procedure.Name);
        RichText.Labelled(w, "Purpose", procedure.Purpose);
        RichText.Labelled(w, "Trigger", procedure.Trigger);
        RichText.Labelled(w, "Outcome", procedure.Outcome);
        w.WriteStartElement("div");
        w.WriteAttributeString("class", "plumb-diagram");
        if (JellyMarkup.SafeFragment(JellyMarkup.Guard(diagrams.RenderSvg(handbook, process, procedure))) is { } svg)
        {
            foreach (var node in svg) node.WriteTo(w);
        }

        w.WriteEndElement();
        Steps(w, handbook, procedure);
        w.WriteEndElement();
    }

    /// <summary>Writes the ordered list of steps with RACI, instruction, tool mapping and what comes next.</summary>
    internal static void Steps(XmlWriter w, Handbook handbook, Procedure procedure)
    {
        w.WriteStartElement("ol");
        w.WriteAttributeString("class", "plumb-steps");
        for (var i = 0; i < procedure.Steps.Count; i++)
        {
            var step = procedure.Steps[i];
            w.WriteStartElement("li");
            w.WriteAttributeString("id", $"step-{Anchor(procedure.Id)}-{Anchor(step.Id)}");
            RichText.Element(w, "h3", step.Name);
            var raci = string.Join("; ", new[]
            {
                Roles(handbook, "Responsible", step.Raci.Responsible), Roles(handbook, "Accountable", step.Raci.Accountable),
                Roles(handbook, "Consulted", step.Raci.Consulted), Roles(handbook, "Informed", step.Raci.Informed),
            }.Where(s => s.Length > 0));
            RichText.Element(w, "p", raci, "raci");
            w.WriteStartElement("div");
            w.WriteAttributeString("class", "instruction");
            RichText.Write(w, step.Instruction);
            w.WriteEndElement();
            if (step.Tool is { } tool)
            {
                var parts = new List<string>();
                if (tool.Table is { Length: > 0 } table) parts.Add($"table {table}");
                if (tool.States.Count > 0) parts.Add($"{tool.EffectiveField} {string.Join(", ", tool.States)}");
                if (tool.Groups.Count > 0) parts.Add($"group {string.Join(", ", tool.Groups)}");
                if (parts.Count > 0) RichText.Element(w, "p", "In ServiceNow: " + string.Join("; ", parts), "tool");
            }

            RichText.Element(w, "p", Next(procedure, i), "next");
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static string Next(Procedure procedure, int index)
    {
        var step = procedure.Steps[index];
        string Name(string id) => id == Step.End ? "end" : procedure.FindStep(id)?.Name ?? id;
        if (step.Decision is { Branches.Count: > 0 } d)
        {
            return $"{d.Question ?? "Decide"} " + string.Join("; ", d.Branches.Select(b => b.When is null ? Name(b.Goto) : $"{b.When}: {Name(b.Goto)}"));
        }

        if (step.Call is { } call) return $"Hand over to {call}";
        var next = procedure.NextOf(index);
        return next == Step.End ? "Then: the procedure ends." : $"Then: {Name(next)}";
    }

    private static string Roles(Handbook handbook, string label, List<string> ids) =>
        ids.Count == 0 ? "" : $"{label}: {string.Join(", ", ids.Select(id => handbook.FindRole(id)?.Name ?? id))}";

    private static void List(XmlWriter w, string title, List<string> items)
    {
        if (items.Count == 0) return;
        RichText.Element(w, "h2", title);
        w.WriteStartElement("ul");
        foreach (var item in items) RichText.Element(w, "li", item);
        w.WriteEndElement();
    }

    private static void Kpis(XmlWriter w, Process process)
    {
        if (process.Kpis.Count == 0) return;
        RichText.Element(w, "h2", "KPIs");
        w.WriteStartElement("table");
        w.WriteStartElement("tr");
        foreach (var h in new[] { "KPI", "Definition", "Target" }) w.WriteElementString("th", h);
        w.WriteEndElement();
        foreach (var k in process.Kpis)
        {
            w.WriteStartElement("tr");
            w.WriteElementString("td", JellyMarkup.Guard(k.Name));
            w.WriteElementString("td", JellyMarkup.Guard(k.Definition));
            var target = k.Target is { } t ? $"{(k.Direction == KpiDirection.Lower ? "at most" : "at least")} {t.ToString(CultureInfo.InvariantCulture)} {k.Unit}".TrimEnd() : "-";
            w.WriteElementString("td", JellyMarkup.Guard(target));
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }
}
