namespace Plumb.Cli.Commands;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>JSON options for mining output: camelCase, enums as kebab-case words, NaN-free numbers.</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonOutput.Options)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}
