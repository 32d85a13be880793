namespace Plumb.Handbook.Model;

using System.Text.RegularExpressions;

/// <summary>
/// The one format of ids (processes, procedures, steps, roles and every other id in a handbook): a letter or digit, then
/// letters, digits, <c>.</c>, <c>_</c> or <c>-</c>, up to 100 characters. Ids become file names and addresses
/// (<c>processes/ID.yaml</c>, <c>/roles/ID</c>, a published site's folders), so no id can hold a <c>/</c>, a <c>\</c> or
/// be <c>..</c>. The JSON Schemas, lint (PLB131), the API and every writer of files use this rule.
/// </summary>
public static partial class HandbookIds
{
    /// <summary>The format as a regular expression, the same text as the schemas' <c>$defs/id</c> pattern.</summary>
    public const string Pattern = "^" + Body + "$";

    /// <summary>The format without anchors, for patterns that embed an id (such as a process file name).</summary>
    public const string Body = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    /// <summary>The rule in words, for messages.</summary>
    public const string Rule = "an id is a letter or digit, then letters, digits, '.', '_' or '-', up to 100 characters";

    /// <summary>True when <paramref name="id"/> follows the format.</summary>
    public static bool IsValid(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex(Pattern)]
    private static partial Regex IdPattern();
}
