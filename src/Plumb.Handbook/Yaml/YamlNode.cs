namespace Plumb.Handbook.Yaml;

using Plumb.Handbook.Diagnostics;

/// <summary>A YAML node with the position it starts at; the handbook reader binds these to the model.</summary>
internal abstract record YamlNode(SourceLocation At)
{
    public abstract string KindName { get; }
}

internal sealed record YamlScalar(SourceLocation At, string Value, bool Plain) : YamlNode(At)
{
    public override string KindName => IsNull ? "nothing" : "a single value";

    // YAML 1.2 core schema: only plain scalars can be null.
    public bool IsNull => Plain && Value is "" or "~" or "null" or "Null" or "NULL";
}

internal sealed record YamlSequence(SourceLocation At, List<YamlNode> Items) : YamlNode(At)
{
    public override string KindName => "a list";
}

internal sealed record YamlMapping(SourceLocation At, List<KeyValuePair<YamlScalar, YamlNode>> Entries) : YamlNode(At)
{
    public override string KindName => "a set of fields";
}
