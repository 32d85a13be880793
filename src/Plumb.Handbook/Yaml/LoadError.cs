namespace Plumb.Handbook.Yaml;

using Plumb.Handbook.Diagnostics;

/// <summary>Problems that stop a handbook file from being read; their codes are stable (PLB001–PLB009).</summary>
public static class LoadError
{
    /// <summary>Malformed YAML.</summary>
    public const string SyntaxCode = "PLB001";

    /// <summary>The same field twice in one place.</summary>
    public const string DuplicateKeyCode = "PLB002";

    /// <summary>A value of the wrong type, e.g. a list where one value belongs.</summary>
    public const string WrongTypeCode = "PLB003";

    /// <summary>A field the format does not know.</summary>
    public const string UnknownFieldCode = "PLB004";

    /// <summary>A required field is missing.</summary>
    public const string MissingFieldCode = "PLB005";

    /// <summary>An empty file.</summary>
    public const string EmptyCode = "PLB006";

    /// <summary>A file that is not text.</summary>
    public const string BinaryCode = "PLB007";

    /// <summary>A folder that is not a handbook, or a file that cannot be opened.</summary>
    public const string NotAHandbookCode = "PLB008";

    /// <summary>A value outside its allowed set, e.g. a status that does not exist.</summary>
    public const string InvalidValueCode = "PLB009";

    internal static Diagnostic Syntax(string document, SourceLocation at, string message) =>
        new(SyntaxCode, Severity.Error, $"YAML syntax: {message}", document, "", at);

    /// <summary>The same field twice in one mapping.</summary>
    internal static Diagnostic DuplicateKey(string document, SourceLocation at, string key, SourceLocation first) =>
        new(DuplicateKeyCode, Severity.Error, $"'{key}' appears twice here (first at line {first.Line}); keep one", document, "", at);

    internal static Diagnostic Empty(string document) =>
        new(EmptyCode, Severity.Error, "the file is empty", document, "", new SourceLocation(1, 1));

    /// <summary>A file holding binary data rather than text.</summary>
    public static Diagnostic Binary(string document) =>
        new(BinaryCode, Severity.Error, "the file is not text (it holds binary data); is it the right file?", document, "", new SourceLocation(1, 1));

    /// <summary>A problem with the folder (document <c>""</c>) or a file as a whole.</summary>
    public static Diagnostic NotAHandbook(string document, string message) =>
        new(NotAHandbookCode, Severity.Error, message, document, "", null);
}
