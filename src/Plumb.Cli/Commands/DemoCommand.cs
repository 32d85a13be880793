namespace Plumb.Cli.Commands;

using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Plumb.Cli.Demo;
using Plumb.Handbook.Folder;
using Plumb.Server.Accounts;
using Plumb.Server.Storage;

public static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var dir = new Option<string>("--dir") { Description = "The demo workspace (created, or reused when it exists).", DefaultValueFactory = _ => "plumb-demo" };
        var urls = new Option<string>("--urls") { Description = "Where to serve the portal.", DefaultValueFactory = _ => ServeCommand.DefaultUrl };
        var noServe = new Option<bool>("--no-serve") { Description = "Prepare and analyse the workspace, then stop instead of serving." };
        var fresh = new Option<bool>("--fresh") { Description = "Delete the workspace first and build it again." };
        var command = new Command("demo", "The whole product in one command: a baseline handbook with local changes, a drifted ServiceNow snapshot and "
            + "thousands of tickets, checked and analysed, served as a portal on 127.0.0.1.") { dir, urls, noServe, fresh };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(dir)!, parse.GetValue(urls)!, parse.GetValue(noServe), parse.GetValue(fresh), context, ct));
        return command;
    }

    private static async Task<int> RunAsync(string directory, string urls, bool noServe, bool fresh, CliContext context, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (fresh && Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        var workspace = new DemoPaths(Path.GetFullPath(directory));
        var run = new DemoRunner(workspace, context, cancellationToken);
        await context.Error.WriteLineAsync($"Preparing the demo workspace in {workspace.Root}");

        if (!DemoWorkspace.Exists(workspace.Handbook))
        {
            await run.StepAsync("handbook from the baseline, with local changes", () =>
            {
                HandbookFolder.Save(DemoWorkspace.CreateHandbook(), workspace.Handbook);
                return Task.FromResult(ExitCodes.Ok);
            });
        }

        if (!Directory.Exists(workspace.Snapshot))
        {
            await run.PlumbAsync("ServiceNow snapshot of an instance that has drifted", null,
                "snow", "generate", "--handbook", workspace.Handbook, "-o", workspace.Snapshot, "--seed", "7", "--tickets", "60",
                "--drift", "missing-state,extra-group,sla");
        }

        Directory.CreateDirectory(workspace.History);
        foreach (var (process, cases) in DemoPaths.Histories)
        {
            var log = workspace.Log(process);
            if (File.Exists(log)) continue;
            await run.PlumbAsync($"ticket history: {cases:N0} {process} cases", null,
                "generate", "log", "--handbook", workspace.Handbook, "--process", process, "--cases", cases.ToString(), "--seed", "42", "-o", log);
        }

        Directory.CreateDirectory(workspace.Reports);
        var reports = new List<Dictionary<string, string>>();
        void Report(string file, string title, string description) =>
            reports.Add(new() { ["file"] = file, ["title"] = title, ["description"] = description });

        await run.PlumbAsync("check (lint)", workspace.Report("check.txt"), "check", workspace.Handbook);
        Report("check.md", "Handbook check", "What plumb check finds in the handbook: broken references, RACI gaps, data flows nobody consumes.");
        await File.WriteAllTextAsync(workspace.Report("check.md"),
            "# Handbook check\n\n```\n" + (await File.ReadAllTextAsync(workspace.Report("check.txt"), cancellationToken))
                .Replace(workspace.Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal) + "```\n", cancellationToken);
        File.Delete(workspace.Report("check.txt"));

        await run.PlumbAsync("gap against the baseline", workspace.Report("gap.md"), "gap", workspace.Handbook, "--format", "md");
        Report("gap.md", "Gap against the good-practice baseline", "What the handbook lacks, adds or does differently from the baseline.");
        await run.PlumbAsync("configuration drift", workspace.Report("drift.md"), "drift", "--handbook", workspace.Handbook, "--snapshot", workspace.Snapshot, "--format", "md");
        Report("drift.md", "Configuration drift", "Where the ServiceNow configuration and the handbook disagree, and what to change on which side.");
        foreach (var (process, _) in DemoPaths.Histories)
        {
            var file = $"analysis-{process}.html";
            await run.PlumbAsync($"analysis of {process} practice", null, "analyze", "--log", workspace.Log(process), "--handbook", workspace.Handbook,
                "--process", process, "-o", workspace.Report(file));
            Report(file, $"Practice analysis: {process}", "KPIs against targets with trends, the process as practised beside the documented model, variants and conformance hot spots.");
        }

        foreach (var (format, title) in new[] { ("html", "Review workbook"), ("docx", "Review workbook (Word)"), ("xlsx", "Review workbook (Excel)") })
        {
            await run.PlumbAsync($"review workbook ({format})", null, "review", workspace.Handbook, "-o", workspace.Report($"review-workbook.{format}"));
            Report($"review-workbook.{format}", title, "Process and procedure reviews, RACI matrix, role coverage, data-flow map and findings register.");
        }

        await run.PlumbAsync("process handbook (Word)", null, "export", workspace.Handbook, "--format", "docx", "-o", workspace.Report("process-handbook.docx"));
        Report("process-handbook.docx", "Process handbook (Word)", "Every process: its review, KPIs, procedure diagrams, RACI tables and step instructions, with a table of contents.");
        await run.PlumbAsync("RACI matrix (Excel)", null, "export", workspace.Handbook, "--format", "xlsx", "-o", workspace.Report("raci-matrix.xlsx"));
        Report("raci-matrix.xlsx", "RACI matrix (Excel)", "Roles against steps, one sheet per process.");
        await run.PlumbAsync("ServiceNow update set", null, "snow", "embed", "--handbook", workspace.Handbook, "-o", workspace.Report("plumb-update-set.xml"));
        Report("plumb-update-set.xml", "ServiceNow update set", "Puts the processes, diagrams and instructions inside ServiceNow (import through Retrieved Update Sets).");
        await File.WriteAllTextAsync(workspace.Report("index.json"), JsonSerializer.Serialize(reports, JsonOutput.Options), cancellationToken);

        var credentials = await DemoAccountsAsync(workspace, cancellationToken);
        await context.Error.WriteLineAsync($"Workspace ready in {clock.Elapsed.TotalSeconds:F1} s; {run.Failures} step(s) found something to look at (see Reports in the portal).");
        if (noServe) return ExitCodes.Ok;

        var live = new DemoLive(workspace, context);
        var settings = new ServeCommand.ServeSettings(workspace.Database, urls, workspace.Handbook, false, null, workspace.Reports)
        {
            Running = live.RunAsync,
            Started = address =>
            {
                context.Out.WriteLine();
                context.Out.WriteLine($"  Open {address.Split(' ')[0]} in a browser.");
                foreach (var (name, role, password) in credentials) context.Out.WriteLine($"  Sign in as {role}: {name} / {password}");
                context.Out.WriteLine($"  Alignment: {address.Split(' ')[0]}/alignment — figures computed by the server, refreshed every {live.Interval.TotalSeconds:F0} s");
                context.Out.WriteLine($"  Reports: {address.Split(' ')[0]}/reports — the workspace is {workspace.Root}");
                context.Out.WriteLine();
            },
        };
        return await ServeCommand.RunAsync(settings, context, cancellationToken);
    }

    // The demo's accounts keep their passwords in the workspace, so a second run signs in the same way.
    private static async Task<List<(string Name, string Role, string Password)>> DemoAccountsAsync(DemoPaths workspace, CancellationToken cancellationToken)
    {
        var file = Path.Combine(workspace.Root, "demo-accounts.json");
        var accounts = File.Exists(file)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(file, cancellationToken)) ?? []
            : [];
        var store = StoreFactory.Create(workspace.Database);
        var result = new List<(string, string, string)>();
        try
        {
            await store.MigrateAsync(cancellationToken);
            var service = new AccountService(store, TimeProvider.System);
            foreach (var (name, role) in new[] { ("editor", AccountRole.Editor), ("owner", AccountRole.Owner) })
            {
                if (!accounts.TryGetValue(name, out var password))
                {
                    password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');
                    accounts[name] = password;
                }

                if (await store.FindUserAsync(AccountService.NormaliseName(name), cancellationToken) is null)
                {
                    await service.CreateUserAsync(name, password, role, "plumb demo", cancellationToken);
                }
                else
                {
                    await service.SetPasswordAsync(name, password, "plumb demo", cancellationToken);
                }

                result.Add((name, SqlStore.RoleWord(role), password));
            }
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }

        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(accounts), cancellationToken);
        return result;
    }
}
