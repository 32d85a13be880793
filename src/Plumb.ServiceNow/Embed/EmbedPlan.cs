namespace Plumb.ServiceNow.Embed;

using System.Globalization;
using Plumb.Handbook.Model;

/// <summary>
/// The records that put a handbook inside ServiceNow: a knowledge base, per process a UI page (<c>plumb_ID.do</c>) with
/// the process, diagrams and instructions, per procedure a knowledge article, and per task table the process-flow stages
/// (<c>sys_process_flow</c>) that follow the documented steps' states.
/// </summary>
public static class EmbedPlan
{
    /// <summary>The records, in a stable order; <paramref name="at"/> is written as created/updated time.</summary>
    public static IReadOnlyList<EmbedRecord> Build(Handbook handbook, IProcedureDiagramSource diagrams, DateTimeOffset at, string author = "plumb")
    {
        var records = new List<EmbedRecord>();
        var kbTitle = $"Process handbook: {handbook.Name}";
        var kb = new EmbedRecord("kb_knowledge_base", SysIds.For($"kb_knowledge_base:{handbook.Name}"), "Knowledge Base", kbTitle, "")
            .Set("title", kbTitle).Set("description", handbook.Description ?? "").Set("active", "true").Set("kb_version", "3");
        records.Add(kb);
        foreach (var process in handbook.Processes)
        {
            var pageName = PageName(process.Id);
            records.Add(new EmbedRecord("sys_ui_page", SysIds.For($"sys_ui_page:{process.Id}"), "UI Page", pageName, "")
                .Set("name", pageName).Set("category", "general").Set("description", $"{process.Name} (Plumb handbook, version {process.Version})")
                .Set("direct", "false").Set("endpoint", pageName + ".do").Set("client_script", "").Set("processing_script", "")
                .Set("html", ProcessPage.Build(handbook, process, diagrams), markup: true));
            foreach (var procedure in process.Procedures)
            {
                var title = $"{process.Name}: {procedure.Name}";
                records.Add(new EmbedRecord("kb_knowledge", SysIds.For($"kb_knowledge:{process.Id}/{procedure.Id}"), "Knowledge", title, "")
                    .Set("short_description", title).Set("kb_knowledge_base", kb.SysId, kbTitle).Set("workflow_state", "published")
                    .Set("article_type", "text").Set("active", "true").Set("language", "en").Set("valid_to", "2100-01-01")
                    .Set("text", KnowledgeArticle.Build(handbook, process, procedure, pageName), markup: true));
            }

            records.AddRange(FlowStages(process));
        }

        foreach (var record in records)
        {
            var stamp = at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            record.Set("sys_class_name", record.Table).Set("sys_created_by", author).Set("sys_created_on", stamp).Set("sys_id", record.SysId)
                .Set("sys_mod_count", "0").Set("sys_name", record.TargetName).Set("sys_package", "global", "Global")
                .Set("sys_policy", "").Set("sys_scope", "global", "Global").Set("sys_update_name", record.UpdateName)
                .Set("sys_updated_by", author).Set("sys_updated_on", stamp);
        }

        return records;
    }

    /// <summary>The UI page name of a process: <c>plumb_</c> and the id with dashes as underscores.</summary>
    public static string PageName(string processId) =>
        "plumb_" + new string(processId.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray());

    // One stage per documented step that maps states of a table, in procedure order; a step's stage is active while the
    // record is in one of the step's states, which is what the process flow formatter shows.
    internal static IEnumerable<EmbedRecord> FlowStages(Process process)
    {
        var order = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var procedure in process.Procedures)
        {
            foreach (var step in procedure.Steps)
            {
                if (step.Tool is not { Table: { Length: > 0 } table } tool || tool.States.Count == 0) continue;
                var condition = $"{tool.EffectiveField}IN{string.Join(",", tool.States)}^EQ";
                if (!seen.Add($"{table}|{condition}")) continue;
                order += 100;
                yield return new EmbedRecord("sys_process_flow", SysIds.For($"sys_process_flow:{process.Id}/{procedure.Id}/{step.Id}"), "Process Flow", step.Name, table)
                    .Set("name", step.Name).Set("label", step.Name).Set("table", table).Set("order", order.ToString(CultureInfo.InvariantCulture))
                    .Set("condition", condition).Set("active", "true").Set("description", $"{process.Name} / {procedure.Name} / {step.Name} (Plumb)");
            }
        }
    }
}
