namespace Plumb.Handbook.Merge;

using System.Text;

// A place in the model, kept twice: as the lint path (procedures[0].steps[2].instruction) and in domain words.
internal sealed record MergePath(string Model, string Words, string? ListName)
{
    private static readonly Dictionary<string, string> Singular = new(StringComparer.Ordinal)
    {
        ["processes"] = "process",
        ["procedures"] = "procedure",
        ["steps"] = "step",
        ["roles"] = "role",
        ["records"] = "record",
        ["kpis"] = "KPI",
        ["findings"] = "finding",
        ["csfs"] = "CSF",
        ["drivers"] = "driver",
        ["painPoints"] = "pain point",
    };

    private static readonly Dictionary<string, string> FieldWords = new(StringComparer.Ordinal)
    {
        ["raci"] = "RACI",
        ["kpis"] = "KPIs",
        ["csfs"] = "CSFs",
        ["csf"] = "CSF",
    };

    public static MergePath Root(string words) => new("", words, null);

    public MergePath Field(string name)
    {
        var model = Model.Length == 0 ? name : $"{Model}.{name}";
        return new MergePath(model, Join(Words, FieldWords.GetValueOrDefault(name) ?? Spaced(name)), name);
    }

    // An item of a list: the words name it by id under the list's singular ("step categorise"), replacing the list name.
    public MergePath Item(int index, string id)
    {
        var parentWords = Words;
        if (ListName is not null)
        {
            var listWords = FieldWords.GetValueOrDefault(ListName) ?? Spaced(ListName);
            if (parentWords.EndsWith(listWords, StringComparison.Ordinal))
                parentWords = parentWords[..^listWords.Length].TrimEnd(' ', '›');
        }

        var noun = ListName is not null && Singular.TryGetValue(ListName, out var singular) ? singular : "item";
        return new MergePath($"{Model}[{index}]", Join(parentWords, $"{noun} {id}"), null);
    }

    private static string Join(string words, string next) => words.Length == 0 ? next : $"{words} › {next}";

    private static string Spaced(string camel)
    {
        var text = new StringBuilder();
        foreach (var c in camel)
        {
            if (char.IsUpper(c)) text.Append(' ').Append(char.ToLowerInvariant(c));
            else text.Append(c);
        }

        return text.ToString();
    }
}
