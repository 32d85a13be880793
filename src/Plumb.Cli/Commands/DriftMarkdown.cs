namespace Plumb.Cli.Commands;

using Plumb.Handbook.Diagnostics;
using Plumb.ServiceNow.Drift;
using Plumb.ServiceNow.Snapshot;

/// <summary>The Markdown form of a drift report, for a review document or a pull request.</summary>
internal static class DriftMarkdown
{
    public static void Write(TextWriter output, string root, string snapshotPath, ConfigurationSnapshot snapshot,
        List<(DriftItem Item, SourceLocation? At)> items)
    {
        var drift = items.Where(i => !i.Item.IsNote).ToList();
        output.WriteLine("# Configuration drift");
        output.WriteLine();
        output.WriteLine($"Handbook `{root}` compared with snapshot `{snapshotPath}`{(snapshot.Instance is { } i ? $" of {i}" : "")}.");
        output.WriteLine();
        if (drift.Count == 0)
        {
            output.WriteLine("No drift: the handbook and the instance agree.");
        }
        else
        {
            output.WriteLine("| # | Kind | Subject | Finding | Change | Where |");
            output.WriteLine("| --- | --- | --- | --- | --- | --- |");
            var n = 0;
            foreach (var (item, at) in drift)
            {
                var where = item.Document is null ? "instance" : at is { } a ? $"`{item.Document}:{a.Line}`" : $"`{item.Document}`";
                output.WriteLine($"| {++n} | {item.Kind} | {Cell(item.Subject)} | {Cell(item.Message)} | {Cell($"{DriftCommand.Side(item.Change)}: {item.Fix}")} | {where} |");
            }
        }

        var notes = items.Where(i => i.Item.IsNote).ToList();
        if (notes.Count == 0) return;
        output.WriteLine();
        output.WriteLine("## Not checked");
        output.WriteLine();
        foreach (var (item, _) in notes) output.WriteLine($"- {item.Message}");
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
