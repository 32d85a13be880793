namespace Plumb.Cli.Tests;

using System.CommandLine;

/// <summary>
/// A run builds only the command it names (<see cref="PlumbCli.CreateRoot(CliContext, string?)"/>); what a user sees must be
/// what the whole tree would show.
/// </summary>
public sealed class CommandWiringTests
{
    private static readonly CliContext Quiet = new(TextWriter.Null, TextWriter.Null);

    public static TheoryData<string> Commands => [.. HelpTests.Commands.Select(row => row.Data).Where(c => c.Length > 0)];

    [Fact]
    public void Each_name_in_the_table_is_the_name_its_command_gives_itself_and_the_whole_tree_keeps_their_order()
    {
        Assert.Equal(PlumbCli.Commands.Select(c => c.Name), PlumbCli.Commands.Select(c => c.Create(Quiet).Name));
        Assert.Equal(PlumbCli.Commands.Select(c => c.Name), PlumbCli.CreateRoot(Quiet).Subcommands.Select(c => c.Name));
    }

    [Theory]
    [InlineData("log", new[] { "log" })]
    [InlineData("--version", new[] { "init", "check" })]
    [InlineData("lgo", new[] { "init", "log", "export" })]
    [InlineData(null, new[] { "init", "log", "export" })]
    public void A_named_command_is_built_alone_and_anything_else_builds_them_all(string? first, string[] some)
    {
        var built = PlumbCli.CreateRoot(Quiet, first).Subcommands.Select(c => c.Name).ToList();

        Assert.Equal(first == "log" ? 1 : PlumbCli.Commands.Length, built.Count);
        Assert.All(some, name => Assert.Contains(name, built));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_of_a_command_built_alone_is_its_help_in_the_whole_tree(string command)
    {
        string[] args = [.. command.Split(' '), "--help"];

        Assert.Equal(await HelpAsync(PlumbCli.CreateRoot(Quiet), args), await HelpAsync(PlumbCli.CreateRoot(Quiet, args[0]), args));
    }

    [Theory]
    [InlineData("log statz x.csv")]
    [InlineData("log stats")]
    [InlineData("discover --log")]
    [InlineData("conform --log x.csv --pnml")]
    [InlineData("analyze --log x.csv --format nope")]
    [InlineData("snow pull --bogus")]
    [InlineData("init a b c")]
    public void Errors_of_a_command_built_alone_are_its_errors_in_the_whole_tree(string commandLine)
    {
        var args = commandLine.Split(' ');

        var whole = PlumbCli.CreateRoot(Quiet).Parse(args).Errors.Select(e => e.Message).ToList();
        var alone = PlumbCli.CreateRoot(Quiet, args[0]).Parse(args).Errors.Select(e => e.Message).ToList();

        Assert.NotEmpty(whole);
        Assert.Equal(whole, alone);
    }

    private static async Task<string> HelpAsync(RootCommand root, string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output }, TestContext.Current.CancellationToken);
        Assert.Equal(0, exit);
        return output.ToString();
    }
}
