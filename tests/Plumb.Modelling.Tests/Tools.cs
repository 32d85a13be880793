namespace Plumb.Modelling.Tests;

using System.Diagnostics;

/// <summary>Runs external tools (node, npm, LibreOffice) for tests; missing tools skip locally but fail in CI.</summary>
internal static class Tools
{
    public static string? Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path)) return path;
        }

        return null;
    }

    public static string Require(string name, string installHint)
    {
        if (Find(name) is { } path) return path;
        var message = $"'{name}' is not installed; {installHint}";
        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 } || Environment.GetEnvironmentVariable("PLUMB_REQUIRE_TOOLS") is { Length: > 0 })
            Assert.Fail(message);
        Assert.Skip(message);
        return "";
    }

    public static (int Exit, string Out, string Error) Run(string file, IEnumerable<string> args, string workingDirectory, int timeoutSeconds = 120)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(file)} did not finish in {timeoutSeconds} s");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    public static string TempDirectory(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "plumb-modelling-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
