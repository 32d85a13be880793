namespace Plumb.Handbook.Yaml;

using Plumb.Handbook.Diagnostics;

/// <summary>What reading one document gave: the value (null when it could not be read), the errors, and where paths are.</summary>
public sealed record DocumentResult<T>(T? Value, IReadOnlyList<Diagnostic> Errors, SourceMap Map)
    where T : class
{
    /// <summary>True when the document was read without errors.</summary>
    public bool Succeeded => Value is not null && Errors.Count == 0;
}
