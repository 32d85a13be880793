namespace Plumb.Handbook.Lint;

using Plumb.Handbook.Model;

/// <summary>How messages name things: by id and, when it says more, by name, e.g. <c>step 'log' (Log the incident)</c>.</summary>
internal static class Describe
{
    public static string Step(Step step) => Named("step", step.Id, step.Name);

    public static string Procedure(Procedure procedure) => Named("procedure", procedure.Id, procedure.Name);

    public static string Process(Process process) => Named("process", process.Id, process.Name);

    public static string Kpi(Kpi kpi) => Named("KPI", kpi.Id, kpi.Name);

    public static string Role(Role role) => Named("role", role.Id, role.Name);

    /// <summary>" (did you mean 'x'?)" when a known id is close to the misspelt one, else "".</summary>
    public static string DidYouMean(string id, IEnumerable<string> known) =>
        Yaml.Suggest.Closest(id, known) is { } near ? $" (did you mean '{near}'?)" : "";

    /// <summary>The path of item <paramref name="index"/> of a list that may have been written as a single value.</summary>
    public static string Item(string path, int index, int count) => count == 1 ? path : $"{path}[{index}]";

    private static string Named(string what, string id, string name) =>
        string.IsNullOrWhiteSpace(name) || name == id ? $"{what} '{id}'" : $"{what} '{id}' ({name})";
}
