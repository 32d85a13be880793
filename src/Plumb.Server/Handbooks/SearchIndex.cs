namespace Plumb.Server.Handbooks;

using System.Text;
using Plumb.Handbook.Model;

/// <summary>One page the search can find.</summary>
public sealed record SearchEntry(string Url, string Title, string Kind, string Context, string Text, string? ProcessId);

/// <summary>One hit: the entry, its score, and a short excerpt around the first match.</summary>
public sealed record SearchHit(SearchEntry Entry, int Score, string Excerpt);

/// <summary>
/// A full-text index over one version, built in memory from the handbook itself, so search reads the same on SQLite and
/// PostgreSQL and needs no database extension. Every word of the query must occur (as a word or the start of one).
/// </summary>
public sealed class SearchIndex
{
    private readonly List<(SearchEntry Entry, HashSet<string> TitleWords, HashSet<string> Words)> _entries = [];

    public IReadOnlyList<SearchEntry> Entries => _entries.ConvertAll(e => e.Entry);

    public static SearchIndex Build(Handbook handbook)
    {
        var index = new SearchIndex();
        foreach (var role in handbook.Roles)
        {
            index.Add(new SearchEntry($"/roles/{role.Id}", role.Name, "Role", "",
                Join(role.Description, Join(role.Holders), Join(role.Groups)), null));
        }

        foreach (var process in handbook.Processes)
        {
            var processUrl = $"/processes/{process.Id}";
            index.Add(new SearchEntry(processUrl, process.Name, "Process", "", Join(process.Mission, process.Purpose, process.Scope,
                Join(process.Objectives), Join(process.Principles), Join(process.Triggers), Join(process.Csfs.Select(c => c.Text)),
                Join(process.Kpis.Select(k => $"{k.Name} {k.Definition}")), Join(process.Findings.Select(f => f.Text))), process.Id));
            foreach (var procedure in process.Procedures)
            {
                var procedureUrl = $"{processUrl}/procedures/{procedure.Id}";
                index.Add(new SearchEntry(procedureUrl, procedure.Name, "Procedure", process.Name,
                    Join(procedure.Purpose, procedure.Trigger, procedure.Outcome, Join(procedure.Findings.Select(f => f.Text))), process.Id));
                foreach (var step in procedure.Steps)
                {
                    var roles = step.Raci.Assignments().Select(a => handbook.FindRole(a.Role)?.Name ?? a.Role);
                    index.Add(new SearchEntry($"{procedureUrl}/steps/{step.Id}", step.Name, "Step", $"{process.Name} › {procedure.Name}",
                        Join(step.Instruction, Join(step.Activities), Join(roles), step.Decision?.Question,
                            Join(step.Decision?.Branches.Select(b => b.When ?? "") ?? []), Join(step.Tool?.Groups ?? []),
                            Join(step.Tool?.Activities ?? []), Join(step.Findings.Select(f => f.Text))), process.Id));
                }
            }
        }

        return index;
    }

    public IReadOnlyList<SearchHit> Find(string query, Func<SearchEntry, bool> visible, int limit = 50)
    {
        var terms = Words(query).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0) return [];
        var hits = new List<SearchHit>();
        foreach (var (entry, titleWords, words) in _entries)
        {
            if (!visible(entry)) continue;
            var score = 0;
            var all = true;
            foreach (var term in terms)
            {
                var inTitle = titleWords.Any(w => w.StartsWith(term, StringComparison.Ordinal));
                var inText = inTitle || words.Any(w => w.StartsWith(term, StringComparison.Ordinal));
                if (!inText) { all = false; break; }
                score += inTitle ? 5 : 1;
                if (titleWords.Contains(term)) score += 2;
            }

            if (all) hits.Add(new SearchHit(entry, score, Excerpt(entry.Text, terms)));
        }

        return [.. hits.OrderByDescending(h => h.Score).ThenBy(h => h.Entry.Title, StringComparer.Ordinal).Take(limit)];
    }

    internal static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) { word.Append(char.ToLowerInvariant(c)); continue; }
            if (word.Length > 0) { yield return word.ToString(); word.Clear(); }
        }

        if (word.Length > 0) yield return word.ToString();
    }

    private void Add(SearchEntry entry) =>
        _entries.Add((entry, [.. Words(entry.Title)], [.. Words(entry.Text), .. Words(entry.Context)]));

    private static string Excerpt(string text, IReadOnlyList<string> terms)
    {
        var flat = string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        var at = terms.Select(t => flat.IndexOf(t, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, at - 60);
        var end = Math.Min(flat.Length, at + 140);
        return (start > 0 ? "…" : "") + flat[start..end] + (end < flat.Length ? "…" : "");
    }

    private static string Join(params string?[] parts) => string.Join('\n', parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static string Join(IEnumerable<string> parts) => string.Join('\n', parts);
}
