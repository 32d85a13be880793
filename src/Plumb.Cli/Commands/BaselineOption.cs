namespace Plumb.Cli.Commands;

using System.CommandLine;
using Plumb.Handbook.Baseline;
using Plumb.Handbook.Model;

/// <summary>The <c>--baseline</c> option shared by init and gap: none, all, or practice ids separated by commas.</summary>
public static class BaselineOption
{
    public static Option<string> Create(string defaultValue, bool allowNone)
    {
        var ids = string.Join(", ", BaselineLibrary.PracticeIds);
        var option = new Option<string>("--baseline", "-b")
        {
            Description = (allowNone ? "none, " : "") + $"all, or a comma-separated list of practices: {ids}.",
            DefaultValueFactory = _ => defaultValue,
            HelpName = "SELECTION",
        };
        return option;
    }

    /// <summary>The chosen part of the baseline, or null for <c>none</c>; a usage error names unknown practices.</summary>
    public static Handbook? Load(string selection)
    {
        try
        {
            return BaselineLibrary.LoadSelection(selection);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--baseline {selection}: {e.Message.Split(" (Parameter")[0]}");
        }
    }
}
