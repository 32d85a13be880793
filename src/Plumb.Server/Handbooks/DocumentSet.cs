namespace Plumb.Server.Handbooks;

using System.Text.RegularExpressions;
using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Folder;
using Plumb.Handbook.Lint;
using Plumb.Handbook.Model;
using Plumb.Handbook.Yaml;

/// <summary>What reading a set of YAML documents gave: the handbook (null on errors) and the problems, split by kind.</summary>
public sealed record DocumentSetResult(Handbook? Handbook, IReadOnlyList<Diagnostic> Malformed, IReadOnlyList<Diagnostic> Violations)
{
    public bool Succeeded => Handbook is not null && Malformed.Count == 0 && Violations.Count == 0;
}

/// <summary>
/// A handbook as the store keeps it: <c>handbook.yaml</c> and <c>processes/ID.yaml</c>, by path, as text. Reading is the
/// same as reading a folder, so what <c>plumb check</c> accepts the server accepts.
/// </summary>
public static partial class DocumentSet
{
    private static readonly HashSet<string> MalformedCodes =
        [LoadError.SyntaxCode, LoadError.DuplicateKeyCode, LoadError.EmptyCode, LoadError.BinaryCode];

    /// <summary>
    /// The most documents one version may hold (<c>handbook.yaml</c> and one per process): far more processes than any
    /// organisation documents, few enough that a push cannot make the server parse and lint without end.
    /// </summary>
    public const int MaxDocuments = 1000;

    public static string ProcessPath(string processId) => HandbookFolder.ProcessDocument(processId);

    /// <summary>The process a document path names (<c>processes/ID.yaml</c>), or null for any other path.</summary>
    public static string? ProcessId(string path) => ProcessPathPattern().Match(path) is { Success: true } match ? match.Groups[1].Value : null;

    public static bool IsValidId(string id) => HandbookIds.IsValid(id);

    /// <summary>Reads the documents; <paramref name="lint"/> adds the lint errors to the violations.</summary>
    public static DocumentSetResult Read(IReadOnlyDictionary<string, string> documents, bool lint)
    {
        var malformed = new List<Diagnostic>();
        var violations = new List<Diagnostic>();
        void Add(IEnumerable<Diagnostic> found)
        {
            foreach (var d in found) (MalformedCodes.Contains(d.Code) ? malformed : violations).Add(d);
        }

        if (!documents.TryGetValue(HandbookFolder.HandbookFile, out var handbookText))
        {
            malformed.Add(LoadError.NotAHandbook(HandbookFolder.HandbookFile, "the handbook has no handbook.yaml"));
            return new DocumentSetResult(null, malformed, violations);
        }

        var handbookResult = HandbookYamlReader.ReadHandbook(handbookText, HandbookFolder.HandbookFile);
        Add(handbookResult.Errors);
        var handbook = handbookResult.Value;
        foreach (var (path, text) in documents.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            if (path == HandbookFolder.HandbookFile) continue;
            var match = ProcessPathPattern().Match(path);
            if (!match.Success)
            {
                malformed.Add(LoadError.NotAHandbook(path, "only handbook.yaml and processes/ID.yaml belong to a handbook"));
                continue;
            }

            var result = HandbookYamlReader.ReadProcess(text, path);
            Add(result.Errors);
            if (result.Value is not { } process) continue;
            var expected = match.Groups[1].Value;
            if (process.Id != expected)
            {
                violations.Add(new Diagnostic(LoadError.InvalidValueCode, Severity.Error,
                    $"the process id '{process.Id}' must match its file name '{expected}'", path, "id", result.Map.Find("id")));
            }

            handbook?.Processes.Add(process);
        }

        if (handbook is not null && lint && malformed.Count == 0 && violations.Count == 0)
        {
            violations.AddRange(Linter.Check(handbook).Where(d => d.Severity == Severity.Error));
        }

        var ok = malformed.Count == 0 && violations.Count == 0;
        return new DocumentSetResult(ok ? handbook : null, malformed, violations);
    }

    /// <summary>The documents of a handbook as the YAML writer writes them.</summary>
    public static Dictionary<string, string> Write(Handbook handbook)
    {
        var documents = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [HandbookFolder.HandbookFile] = HandbookYamlWriter.HandbookToString(handbook),
        };
        foreach (var process in handbook.Processes) documents[ProcessPath(process.Id)] = HandbookYamlWriter.ProcessToString(process);
        return documents;
    }


    [GeneratedRegex("^processes/(" + HandbookIds.Body + ")\\.yaml$")]
    private static partial Regex ProcessPathPattern();
}
