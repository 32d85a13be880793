namespace Plumb.Cli.Tests;

public sealed class HelpTests
{
    public static TheoryData<string> Commands =>
        [.. Names(PlumbCli.CreateRoot(new CliContext(TextWriter.Null, TextWriter.Null)), "")];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_on_every_command_exits_0_and_shows_usage(string command)
    {
        var result = await Cli.RunAsync([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.Equal(ExitCodes.Ok, result.Exit);
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    // Every command and subcommand, as typed after 'plumb' ("" is plumb itself).
    private static IEnumerable<string> Names(System.CommandLine.Command command, string prefix)
    {
        yield return prefix;
        foreach (var sub in command.Subcommands)
        {
            foreach (var name in Names(sub, (prefix + " " + sub.Name).Trim())) yield return name;
        }
    }
}
