namespace Plumb.Handbook.Baseline;

using Plumb.Handbook.Model;
using Plumb.Handbook.Yaml;

/// <summary>
/// The good-practice baseline shipped inside Plumb: a handbook of ITSM practices mapped to ServiceNow's out-of-box
/// tables and states, kept as embedded YAML in the normal handbook folder format.
/// </summary>
public static class BaselineLibrary
{
    private const string Prefix = "baseline/";

    private static readonly Lazy<Handbook> Full = new(ReadAll);

    /// <summary>Every practice of the baseline, in library order.</summary>
    public static IReadOnlyList<BaselinePractice> Practices =>
        [.. Full.Value.Processes.Select(p => new BaselinePractice(p.Id, p.Name, p.Purpose))];

    /// <summary>
    /// The ids of <see cref="Practices"/>, in library order, from the documents' names alone (each is named after its process
    /// id): the CLI's help lists them on every start, and reading the YAML for it would cost each command tens of milliseconds.
    /// </summary>
    public static IReadOnlyList<string> PracticeIds => [.. ProcessResources().Select(IdOf)];

    /// <summary>A fresh copy of the whole baseline, safe to edit.</summary>
    public static Handbook Load() => Read();

    /// <summary>
    /// A fresh copy of the baseline holding only the practices named (process ids), with the roles and records they use.
    /// Data flows and calls that lead to practices left out are dropped, so the selection stands on its own.
    /// </summary>
    public static Handbook Load(IEnumerable<string> practiceIds)
    {
        var wanted = practiceIds.ToHashSet(StringComparer.Ordinal);
        var unknown = wanted.Where(id => Full.Value.FindProcess(id) is null).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"no practice {string.Join(", ", unknown.Select(u => $"'{u}'"))} in the baseline; " +
                $"choose from {string.Join(", ", Full.Value.Processes.Select(p => p.Id))}", nameof(practiceIds));
        }

        var handbook = Read();
        handbook.Processes.RemoveAll(p => !wanted.Contains(p.Id));
        BaselineSelection.Prune(handbook);
        return handbook;
    }

    /// <summary>
    /// Reads a selection as written on a command line: <c>all</c>, or process ids separated by commas.
    /// Returns null for <c>none</c>; throws <see cref="ArgumentException"/> naming any unknown id.
    /// </summary>
    public static Handbook? LoadSelection(string selection)
    {
        var text = selection.Trim();
        if (text.Length == 0 || text == "none") return null;
        if (text == "all") return Load();
        return Load(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static Handbook ReadAll() => Read();

    private static Handbook Read()
    {
        var handbookResult = HandbookYamlReader.ReadHandbook(ReadResource(Prefix + "handbook.yaml"), Prefix + "handbook.yaml");
        var handbook = Require(handbookResult, Prefix + "handbook.yaml");
        foreach (var name in ProcessResources())
        {
            handbook.Processes.Add(Require(HandbookYamlReader.ReadProcess(ReadResource(name), name), name));
        }

        return handbook;
    }

    // Library order follows the value chain a reader meets first: incident, problem, change, then the supporting practices.
    private static readonly string[] PracticeOrder =
    [
        "incident", "problem", "change", "service-request", "knowledge", "service-level",
        "service-configuration", "monitoring-event", "service-catalogue",
    ];

    private static IEnumerable<string> ProcessResources() =>
        typeof(BaselineLibrary).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix + "processes/", StringComparison.Ordinal))
            .OrderBy(Order);

    private static string IdOf(string resource) => resource[(Prefix.Length + "processes/".Length)..^".yaml".Length];

    private static int Order(string resource)
    {
        var index = Array.IndexOf(PracticeOrder, IdOf(resource));
        return index < 0 ? PracticeOrder.Length : index;
    }

    private static T Require<T>(DocumentResult<T> result, string name)
        where T : class =>
        result.Value is { } value && result.Errors.Count == 0
            ? value
            : throw new InvalidOperationException(
                $"The baseline document {name} is broken: {string.Join("; ", result.Errors.Select(e => e.Format()))}");

    private static string ReadResource(string name)
    {
        using var stream = typeof(BaselineLibrary).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The baseline document {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
