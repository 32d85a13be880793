namespace Plumb.Handbook.Diagnostics;

/// <summary>
/// One problem found in a handbook: a stable code, how severe it is, a message a process owner understands,
/// the document it is in (<c>handbook.yaml</c> or <c>processes/ID.yaml</c>), the path inside that document
/// (<c>procedures[0].steps[2].raci.accountable</c>) and, once located, the line and column.
/// </summary>
public sealed record Diagnostic(string Code, Severity Severity, string Message, string Document, string Path, SourceLocation? At = null)
{
    /// <summary>The conventional one-line form, <c>file:line:col: severity code: message</c>.</summary>
    public string Format(string? root = null)
    {
        // An empty document is the handbook folder itself.
        var file = Document.Length == 0 ? root ?? "." : root is null ? Document : System.IO.Path.Combine(root, Document);
        var where = At is { } at ? $"{file}:{at.Line}:{at.Column}" : file;
        return $"{where}: {SeverityWord(Severity)} {Code}: {Message}";
    }

    /// <summary>The lower-case word used for a severity in text and JSON output.</summary>
    public static string SeverityWord(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "hint",
    };
}
