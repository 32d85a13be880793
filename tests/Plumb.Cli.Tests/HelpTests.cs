namespace Plumb.Cli.Tests;

public sealed class HelpTests
{
    public static TheoryData<string> Commands =>
        [.. PlumbCli.CreateRoot(new CliContext(TextWriter.Null, TextWriter.Null)).Subcommands.Select(c => c.Name).Prepend("")];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_on_every_command_exits_0_and_shows_usage(string command)
    {
        var result = await Cli.RunAsync(command.Length == 0 ? ["--help"] : [command, "--help"]);

        Assert.Equal(ExitCodes.Ok, result.Exit);
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }
}
