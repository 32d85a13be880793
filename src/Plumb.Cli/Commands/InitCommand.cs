namespace Plumb.Cli.Commands;

using System.CommandLine;
using Plumb.Handbook.Folder;
using Plumb.Handbook.Samples;

public static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var directory = CommonOptions.HandbookDirectory("The folder to create the handbook in; it must be empty or not exist.");
        var baseline = BaselineOption.Create("none", allowNone: true);
        baseline.Description = "Start from the good-practice baseline: " + baseline.Description + " 'none' writes a small example.";
        var name = new Option<string>("--name") { Description = "The handbook title.", DefaultValueFactory = _ => "Our IT service management" };
        var command = new Command("init", "Create a new handbook folder.") { directory, baseline, name };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(directory)!;
            if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
            {
                throw new UsageException($"'{dir}' is not empty; choose a new folder");
            }

            var handbook = BaselineOption.Load(parse.GetValue(baseline)!) ?? ExampleHandbook.Create(parse.GetValue(name)!);
            handbook.Name = parse.GetValue(name)!;
            HandbookFolder.Save(handbook, dir);
            context.Out.WriteLine($"Created a handbook in {dir} with {handbook.Processes.Count} process(es).");
            context.Out.WriteLine($"Next: edit {Path.Combine(dir, "processes")}/*.yaml, then run 'plumb check {dir}'.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
