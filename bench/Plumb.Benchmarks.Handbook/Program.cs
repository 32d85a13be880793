using BenchmarkDotNet.Running;
using Plumb.Benchmarks.Handbook;
using Plumb.Handbook.Folder;

// "write DIR [PROCESSES]" saves the synthetic handbook, e.g. to time `plumb check` on it by hand.
if (args is ["write", var directory, ..])
{
    var processes = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200;
    HandbookFolder.Save(SyntheticHandbook.Create(processes, seed: 20261125), directory);
    return;
}

// "time" runs load + lint a few times and prints CPU time per run: a quick figure on a busy machine.
if (args is ["time", ..])
{
    var bench = new CheckBenchmarks { Processes = 200 };
    bench.Setup();
    var process = System.Diagnostics.Process.GetCurrentProcess();
    for (var i = 0; i < 6; i++)
    {
        var cpu = process.TotalProcessorTime;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var lintCpu = bench.LoadAndLint();
        process.Refresh();
        Console.WriteLine($"run {i + 1}: {wall.ElapsedMilliseconds} ms wall, {(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU ({lintCpu} errors)");
    }

    var loaded = bench.LoadOnly();
    foreach (var rule in Plumb.Handbook.Lint.Linter.Rules)
    {
        var context = new Plumb.Handbook.Lint.LintContext(loaded);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 5; i++) rule.Check(context);
        Console.WriteLine($"{rule.Code} {rule.Name}: {watch.Elapsed.TotalMilliseconds / 5:F1} ms");
    }

    bench.Cleanup();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CheckBenchmarks).Assembly).Run(args);
