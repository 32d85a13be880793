namespace Plumb.Cli.Commands;

using System.CommandLine;

/// <summary>Arguments and options several commands share, defined once so their help reads the same.</summary>
public static class CommonOptions
{
    public static Argument<string> HandbookDirectory(string description = "The handbook folder (holds handbook.yaml).") =>
        new("DIR") { Description = description };

    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", formats)}.",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }
}
