namespace Plumb.Handbook.Diff;

using System.Globalization;
using Plumb.Handbook.Model;

/// <summary>One comparison of two handbook versions and the changes found so far.</summary>
internal sealed partial class DiffRun(Handbook old, Handbook @new, DiffOptions options)
{
    private const int ShortText = 80;

    public List<Change> Changes { get; } = [];

    public void Handbook()
    {
        const string where = "the handbook";
        Text("handbook", where, "name", "name", old.Name, @new.Name);
        Text("handbook", where, "description", "description", old.Description, @new.Description);
        Statements("drivers", "driver", old.Drivers, @new.Drivers);
        Statements("painPoints", "pain point", old.PainPoints, @new.PainPoints);
        Elements(old.Roles, @new.Roles, r => r.Id, "roles", r => Location.Of(r), Role);
        Elements(old.Records, @new.Records, r => r.Id, "records", r => $"record '{r.Name}'", Record);
        Elements(old.Processes, @new.Processes, p => p.Id, "processes", p => Location.Of(p), Process);
    }

    private void Role(string path, Role a, Role b)
    {
        var where = Location.Of(b);
        Text(path, where, "name", "name", a.Name, b.Name);
        Text(path, where, "description", "description", a.Description, b.Description);
        Text(path, where, "inPlace", "in place", a.InPlace ? "yes" : "no", b.InPlace ? "yes" : "no");
        Items(path, where, "holders", "holder", a.Holders, b.Holders);
        Items(path, where, "groups", "tool group", a.Groups, b.Groups);
    }

    private void Record(string path, Record a, Record b)
    {
        var where = $"record '{b.Name}'";
        Text(path, where, "name", "name", a.Name, b.Name);
        Text(path, where, "description", "description", a.Description, b.Description);
        Text(path, where, "table", "table", a.Table, b.Table);
    }

    private void Statements(string path, string what, List<Statement> a, List<Statement> b) =>
        Elements(a, b, s => s.Id, path, s => $"{what} {s.Id}", (p, x, y) => Text(p, $"{what} {y.Id}", "text", "text", x.Text, y.Text));

    /// <summary>Matches two lists by id: reports removed, added and reordered elements, and compares the pairs.</summary>
    private void Elements<T>(List<T> a, List<T> b, Func<T, string> id, string path, Func<T, string> where, Action<string, T, T> compare)
    {
        var before = a.GroupBy(id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var after = b.GroupBy(id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var x in a.Where(x => !after.ContainsKey(id(x))))
        {
            Add(ChangeKind.Removed, $"{path}/{id(x)}", where(x), null, id(x), null, $"{where(x)} removed");
        }

        foreach (var y in b)
        {
            if (before.TryGetValue(id(y), out var x)) compare($"{path}/{id(y)}", x, y);
            else Add(ChangeKind.Added, $"{path}/{id(y)}", where(y), null, null, id(y), $"{where(y)} added");
        }

        var oldOrder = a.Select(id).Where(after.ContainsKey).Distinct().ToList();
        var newOrder = b.Select(id).Where(before.ContainsKey).Distinct().ToList();
        if (!oldOrder.SequenceEqual(newOrder))
        {
            var was = string.Join(", ", oldOrder);
            var now = string.Join(", ", newOrder);
            Add(ChangeKind.Reordered, path, path, null, was, now, $"{path} reordered from {was} to {now}");
        }
    }

    private void Add(ChangeKind kind, string path, string location, string? field, string? before, string? after, string message) =>
        Changes.Add(new Change(kind, path, location, field, before, after, message));

    /// <summary>Reports a changed text field; long texts are named, not quoted, in the message.</summary>
    private void Text(string path, string location, string field, string label, string? a, string? b)
    {
        var before = Normal(a);
        var after = Normal(b);
        if (before == after) return;
        var message = before is null ? $"{location}: {label} set to {Quote(after!)}"
            : after is null ? $"{location}: {label} removed (was {Quote(before)})"
            : IsShort(before) && IsShort(after) ? $"{location}: {label} changed from {Quote(before)} to {Quote(after)}"
            : $"{location}: {label} changed";
        Add(ChangeKind.Changed, path, location, field, before, after, message);
    }

    /// <summary>Reports a changed list of role ids in names: "responsible changed from A to B".</summary>
    private void Roles(string path, string location, string field, List<string> a, List<string> b)
    {
        if (a.SequenceEqual(b, StringComparer.Ordinal)) return;
        var before = Location.RoleNames(old, a);
        var after = Location.RoleNames(@new, b);
        Add(ChangeKind.Changed, path, location, field, before, after, $"{location}: {field} changed from {before} to {after}");
    }

    /// <summary>Reports items added to and removed from a list of texts.</summary>
    private void Items(string path, string location, string field, string label, List<string> a, List<string> b)
    {
        foreach (var x in a.Where(x => !b.Contains(x, StringComparer.Ordinal)))
        {
            Add(ChangeKind.Removed, path, location, field, x, null, $"{location}: {label} removed: {Quote(x)}");
        }

        foreach (var y in b.Where(y => !a.Contains(y, StringComparer.Ordinal)))
        {
            Add(ChangeKind.Added, path, location, field, null, y, $"{location}: {label} added: {Quote(y)}");
        }
    }

    private static string? Normal(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool IsShort(string text) => text.Length <= ShortText && !text.Contains('\n', StringComparison.Ordinal);

    private static string Quote(string text) => IsShort(text) ? $"'{text}'" : $"'{text[..Math.Min(text.Length, ShortText)].Split('\n')[0]}…'";

    private static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
