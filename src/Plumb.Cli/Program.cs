using Plumb.Cli;

return await PlumbCli.RunAsync(args, new CliContext(Console.Out, Console.Error));
