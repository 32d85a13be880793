namespace Plumb.Cli.Commands;

using System.CommandLine;
using Plumb.ServiceNow.Embed;
using Plumb.ServiceNow.TableApi;

public static class SnowPushCommand
{
    public static Command Create(CliContext context)
    {
        var handbook = new Option<string>("--handbook") { Description = "The handbook folder (holds handbook.yaml).", Required = true };
        var instance = SnowCommand.Instance();
        var credentials = SnowCommand.Credentials();
        var command = new Command("push",
            "Deploy what 'plumb snow embed' writes (UI pages, knowledge articles, process-flow stages) straight through the Table API; " +
            "records keep stable sys_ids, so pushing again updates them.")
        {
            handbook, instance, credentials,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (book, _) = HandbookLoader.Open(parse.GetValue(handbook)!, context);
            if (book is null) return ExitCodes.BadInput;
            try
            {
                var url = InstanceUrl.Parse(parse.GetValue(instance)!);
                var signIn = SnowCredentials.Resolve(SnowCommand.Environment, parse.GetValue(credentials));
                using var http = TableApiClient.CreateHttpClient();
                var client = new TableApiClient(url, signIn, http, time: context.Time);
                var records = EmbedPlan.Build(book, SnowEmbedCommand.Diagrams, context.Time.GetUtcNow());
                var pusher = new RecordPusher(client) { Progress = line => context.Error.WriteLine(line) };
                var (inserted, updated) = await pusher.PushAsync(records, cancellationToken);
                context.Out.WriteLine($"Pushed {records.Count} record(s) to {url}: {inserted} inserted, {updated} updated.");
                return ExitCodes.Ok;
            }
            catch (SnowException e)
            {
                throw new UsageException(e.Message);
            }
        });
        return command;
    }
}
