namespace Plumb.Handbook.Gap;

/// <summary>The words gap output uses for kinds and elements, shared by text, Markdown and JSON.</summary>
public static class GapWords
{
    /// <summary>"missing", "added", "renamed", "moved" or "different".</summary>
    public static string Of(GapKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>"process", "procedure", "step", "role", "kpi", "csf" or "data-flow".</summary>
    public static string Of(GapElement element) => element == GapElement.DataFlow ? "data-flow" : element.ToString().ToLowerInvariant();

    /// <summary>A one-line count such as "2 missing, 1 added, 1 renamed, 0 moved, 1 different".</summary>
    public static string Summary(GapReport report) =>
        string.Join(", ", Enum.GetValues<GapKind>().Select(k => $"{report.Count(k)} {Of(k)}"));
}
