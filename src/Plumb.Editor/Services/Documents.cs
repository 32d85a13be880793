namespace Plumb.Editor.Services;

using System.Text.Json;
using System.Text.Json.Nodes;
using Plumb.Handbook.Json;
using Plumb.Handbook.Model;

/// <summary>Names and JSON forms of the documents the editor keeps: the handbook itself (roles, records, context) and each process.</summary>
public static class Documents
{
    /// <summary>The document holding everything of the handbook except its processes.</summary>
    public const string Handbook = "handbook";

    private const string ProcessPrefix = "process:";

    /// <summary>The document id of a process.</summary>
    public static string Process(string processId) => ProcessPrefix + processId;

    /// <summary>The process id of a process document, or null for the handbook document.</summary>
    public static string? ProcessId(string document) =>
        document.StartsWith(ProcessPrefix, StringComparison.Ordinal) ? document[ProcessPrefix.Length..] : null;

    /// <summary>The handbook's own document: everything but the processes.</summary>
    public static string HandbookContent(Handbook handbook)
    {
        var copy = JsonSerializer.SerializeToNode(handbook, HandbookJson.Compact)!.AsObject();
        copy.Remove("processes");
        return copy.ToJsonString(HandbookJson.Compact);
    }

    /// <summary>Serialises a process for storage.</summary>
    public static string ProcessContent(Process process) => JsonSerializer.Serialize(process, HandbookJson.Compact);

    /// <summary>Reads a stored handbook document (without processes).</summary>
    public static Handbook ReadHandbook(string content) => JsonSerializer.Deserialize<Handbook>(content, HandbookJson.Compact)!;

    /// <summary>Reads a stored process document.</summary>
    public static Process ReadProcess(string content) => JsonSerializer.Deserialize<Process>(content, HandbookJson.Compact)!;

    /// <summary>Parses stored content into a tree for patching.</summary>
    public static JsonNode Tree(string content) => JsonNode.Parse(content)!;
}
