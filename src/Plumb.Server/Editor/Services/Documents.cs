namespace Plumb.Server.Editor.Services;

using System.Text.Json;
using System.Text.Json.Nodes;
using Plumb.Handbook.Folder;
using Plumb.Handbook.Json;
using Plumb.Handbook.Model;
using Plumb.Handbook.Yaml;
using Plumb.Server.Handbooks;

/// <summary>
/// The documents the editor works on, named as the store and the folder in git name them (<c>handbook.yaml</c>,
/// <c>processes/ID.yaml</c>), and their forms: YAML text in the store, a JSON model in the forms.
/// </summary>
public static class Documents
{
    /// <summary>The document holding everything of the handbook except its processes.</summary>
    public const string Handbook = HandbookFolder.HandbookFile;

    /// <summary>The document of a process.</summary>
    public static string Process(string processId) => DocumentSet.ProcessPath(processId);

    /// <summary>The process id of a process document, or null for the handbook document.</summary>
    public static string? ProcessId(string document) => DocumentSet.ProcessId(document);

    /// <summary>The handbook's own document as JSON: everything but the processes.</summary>
    public static string HandbookContent(Handbook handbook)
    {
        var copy = JsonSerializer.SerializeToNode(handbook, HandbookJson.Compact)!.AsObject();
        copy.Remove("processes");
        return copy.ToJsonString(HandbookJson.Compact);
    }

    /// <summary>A process as JSON.</summary>
    public static string ProcessContent(Process process) => JsonSerializer.Serialize(process, HandbookJson.Compact);

    /// <summary>Reads the handbook document's JSON (without processes).</summary>
    public static Handbook ReadHandbook(string content) => JsonSerializer.Deserialize<Handbook>(content, HandbookJson.Compact)!;

    /// <summary>Reads a process's JSON.</summary>
    public static Process ReadProcess(string content) => JsonSerializer.Deserialize<Process>(content, HandbookJson.Compact)!;

    /// <summary>Parses JSON content into a tree for patching.</summary>
    public static JsonNode Tree(string content) => JsonNode.Parse(content)!;

    /// <summary>The JSON model of a stored YAML document, or null when it cannot be read.</summary>
    public static string? FromYaml(string document, string yaml)
    {
        if (ProcessId(document) is not null)
            return HandbookYamlReader.ReadProcess(yaml, document).Value is { } process ? ProcessContent(process) : null;
        return HandbookYamlReader.ReadHandbook(yaml, document).Value is { } handbook ? HandbookContent(handbook) : null;
    }

    /// <summary>The YAML of a document's JSON model, written into <paramref name="previous"/> so its untouched text stays.</summary>
    public static string ToYaml(string document, string json, string? previous) => ProcessId(document) is not null
        ? YamlRewrite.Process(previous, ReadProcess(json), document)
        : YamlRewrite.Handbook(previous, ReadHandbook(json));

    /// <summary>Normalises JSON from the forms through the model, so only fields the model knows are kept.</summary>
    public static string Normalise(string document, string json) =>
        ProcessId(document) is not null ? ProcessContent(ReadProcess(json)) : HandbookContent(ReadHandbook(json));
}
