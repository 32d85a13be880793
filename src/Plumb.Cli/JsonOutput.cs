namespace Plumb.Cli;

using System.Text.Json;

/// <summary>JSON for every command's output: camelCase keys, enums as kebab-case words, readable text.</summary>
public static class JsonOutput
{
    public static JsonSerializerOptions Options => Plumb.Mining.Reporting.ReportJson.Options;
}
