namespace Plumb.Cli.Commands;

using System.CommandLine;
using Plumb.Server.Portal;

public static class PublishCommand
{
    public static Command Create(CliContext context)
    {
        var directory = CommonOptions.HandbookDirectory();
        var output = new Option<string>("--output", "-o") { Description = "The folder to write the static site into.", Required = true };
        var command = new Command("publish", "Write the portal as static files (open index.html, or serve the folder); search works offline.")
        {
            directory, output,
        };
        command.SetAction(parse =>
        {
            var (handbook, _) = HandbookLoader.Open(parse.GetValue(directory)!, context);
            if (handbook is null) return ExitCodes.BadInput;
            var site = parse.GetValue(output)!;
            if (File.Exists(site)) throw new UsageException($"'{site}' is a file; choose a folder");
            var pages = StaticPublisher.Publish(handbook, site, context.Time.GetUtcNow());
            context.Out.WriteLine($"Published {pages} page(s) to {site}; open {Path.Combine(site, "index.html")}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
