namespace Plumb.Handbook.Json;

using System.Text.Json;
using System.Text.Json.Serialization;
using Plumb.Handbook.Model;

/// <summary>The JSON shape of the model for scripts and the API: camelCase fields, enums as the YAML words.</summary>
public static class HandbookJson
{
    /// <summary>Options used for every JSON the product writes about a handbook.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    /// <summary>The same options without indentation, for the API.</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    /// <summary>Serialises a handbook.</summary>
    public static string Serialize(Handbook handbook) => JsonSerializer.Serialize(handbook, Options);

    /// <summary>Reads a handbook serialised by <see cref="Serialize"/>.</summary>
    public static Handbook? Deserialize(string json) => JsonSerializer.Deserialize<Handbook>(json, Options);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
