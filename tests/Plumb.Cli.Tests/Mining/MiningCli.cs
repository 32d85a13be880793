namespace Plumb.Cli.Tests.Mining;

/// <summary>Paths the mining command tests share: the public logs in tests/data and small generated ones.</summary>
internal static class MiningCli
{
    /// <summary>A public log or net in tests/data/event-logs (sources in NOTICE).</summary>
    public static string Shared(string name) => RepoPaths.TestData("event-logs", name);

    /// <summary>Writes the example handbook and a generated incident log of the given size into the folder.</summary>
    public static async Task<(string Handbook, string Log)> GenerateAsync(TempFolder folder, int cases = 120, string file = "incidents.csv", params string[] extra)
    {
        var handbook = folder.Sub("handbook");
        var log = folder.Sub(file);
        if (!Directory.Exists(handbook)) Assert.Equal(ExitCodes.Ok, (await Cli.RunAsync("init", handbook)).Exit);
        var generated = await Cli.RunAsync(["generate", "log", "--handbook", handbook, "--cases", cases.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "5", "-o", log, .. extra]);
        Assert.True(generated.Exit == ExitCodes.Ok, generated.Error);
        return (handbook, log);
    }

    /// <summary>A property of a JSON object whatever its casing (the commands' own keys are camelCase, figures keep their record names).</summary>
    public static System.Text.Json.JsonElement Get(this System.Text.Json.JsonElement element, string name) =>
        element.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: not System.Text.Json.JsonValueKind.Undefined } found
            ? found.Value
            : throw new KeyNotFoundException($"no '{name}' in {element}");

    /// <summary>Asserts exit code 2 and one error line (after any progress lines) that names the place of the problem.</summary>
    public static void AssertBadInput(CliResult result, params string[] mentions)
    {
        Assert.True(result.Exit == ExitCodes.BadInput, $"exit {result.Exit}: {result.Error}");
        Assert.Empty(result.Out);
        var line = result.ErrorLines[^1];
        Assert.StartsWith("plumb: ", line, StringComparison.Ordinal);
        foreach (var m in mentions) Assert.Contains(m, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
    }
}
