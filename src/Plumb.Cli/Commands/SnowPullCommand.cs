namespace Plumb.Cli.Commands;

using System.CommandLine;
using System.Globalization;
using Plumb.ServiceNow.TableApi;

public static class SnowPullCommand
{
    public static Command Create(CliContext context)
    {
        var instance = SnowCommand.Instance();
        var credentials = SnowCommand.Credentials();
        var output = new Option<string>("--output", "-o") { Description = "The snapshot folder to write (new or empty, or an interrupted pull to resume).", Required = true };
        var since = new Option<string?>("--since") { Description = "Only ticket history updated on or after this date (yyyy-MM-dd); configuration is always pulled whole." };
        var pageSize = new Option<int>("--page-size") { Description = "Records per request (sysparm_limit).", DefaultValueFactory = _ => 1000 };
        var timeout = new Option<int>("--timeout") { Description = "Seconds one request may take before it is tried again.", DefaultValueFactory = _ => 120 };
        var configOnly = new Option<bool>("--config-only") { Description = "Pull the configuration only, not the ticket history." };
        var command = new Command("pull",
            "Pull a configuration snapshot (sys_choice, sys_user_group, contract_sla, sys_process_flow, sys_dictionary) and the ticket " +
            "history (incident, problem, change_request, sc_req_item and their sys_audit rows) into a folder, page by page. " +
            "Run it again on the same folder to resume an interrupted pull.")
        {
            instance, credentials, output, since, pageSize, timeout, configOnly,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var from = parse.GetValue(since);
            if (from is not null && !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                throw new UsageException($"--since '{from}' is not a date; use yyyy-MM-dd");
            }

            if (parse.GetValue(pageSize) is < 1 or > 10000) throw new UsageException("--page-size must be between 1 and 10000");
            try
            {
                var url = InstanceUrl.Parse(parse.GetValue(instance)!);
                var signIn = SnowCredentials.Resolve(SnowCommand.Environment, parse.GetValue(credentials));
                using var http = TableApiClient.CreateHttpClient();
                var client = new TableApiClient(url, signIn, http, time: context.Time) { Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) };
                var directory = parse.GetValue(output)!;
                var puller = new SnapshotPuller(client, directory, context.Time) { Progress = line => context.Error.WriteLine(line) };
                var plan = PullPlan.Create(from, parse.GetValue(pageSize), history: !parse.GetValue(configOnly));
                var manifest = await puller.RunAsync(plan, from, cancellationToken);
                context.Out.WriteLine($"Pulled {manifest.Tables.Count} table(s), {manifest.Tables.Sum(t => t.Records)} record(s) from {url} into {directory}.");
                foreach (var table in manifest.Tables.Where(t => manifest.Refusals.All(r => r.Table != t.Table)))
                {
                    context.Out.WriteLine($"  {table.Table,-18} {table.Records,10} record(s) in {table.Pages.Count} page(s)");
                }

                foreach (var refusal in manifest.Refusals)
                {
                    context.Out.WriteLine($"  {refusal.Table,-18} refused ({refusal.Status}); read access usually comes with role {refusal.Role}. Drift skips the checks that need it; pull again into the folder to retry.");
                }

                context.Out.WriteLine($"Next: plumb drift --handbook DIR --snapshot {directory}");
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
