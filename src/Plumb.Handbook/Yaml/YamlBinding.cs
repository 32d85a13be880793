namespace Plumb.Handbook.Yaml;

using Plumb.Handbook.Diagnostics;

/// <summary>State shared while one document is bound: its name, the errors found and the source map being built.</summary>
internal sealed class YamlBinding(string document)
{
    public string Document { get; } = document;

    public List<Diagnostic> Errors { get; } = [];

    public SourceMap Map { get; } = new();

    public void Error(string code, string message, string path, SourceLocation at) =>
        Errors.Add(new Diagnostic(code, Severity.Error, message, Document, path, at));

    public void WrongType(YamlNode node, string path, string subject, string expected) =>
        Error(LoadError.WrongTypeCode, $"{subject} must be {expected}, not {node.KindName}", path, node.At);

    public string? Scalar(YamlNode? node, string path, string key, string what)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlScalar { IsNull: true }:
                return null;
            case YamlScalar scalar:
                return scalar.Value;
            default:
                WrongType(node, path, $"'{key}' of {what}", "a single value");
                return null;
        }
    }

    public YamlMapping? AsMapping(YamlNode node, string path, string subject)
    {
        if (node is YamlMapping mapping) return mapping;
        WrongType(node, path, subject, "a set of fields (name: value)");
        return null;
    }
}
