namespace Plumb.Documents.Tests;

using System.Diagnostics;

/// <summary>
/// Finds LibreOffice for conversion tests. Where the test script installs it (CI or PLUMB_REQUIRE_TOOLS set), its absence
/// fails the test with a clear message; elsewhere the test is skipped, never silently green.
/// </summary>
internal static class Tools
{
    public static string LibreOffice()
    {
        foreach (var candidate in new[] { "/usr/bin/libreoffice", "/usr/bin/soffice", "/usr/local/bin/libreoffice", "/usr/local/bin/soffice" })
        {
            if (File.Exists(candidate)) return candidate;
        }

        const string message = "LibreOffice is not installed; run scripts/install-test-deps.sh (it installs libreoffice-writer and libreoffice-calc)";
        if (Required) Assert.Fail(message);
        Assert.Skip(message);
        return "";
    }

    private static bool Required =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PLUMB_REQUIRE_TOOLS"));

    /// <summary>Converts files to PDF with a private LibreOffice profile, so parallel runs do not share a lock.</summary>
    public static void ConvertToPdf(string libreOffice, string outputFolder, params string[] files)
    {
        var profile = Path.Combine(outputFolder, "profile");
        var start = new ProcessStartInfo(libreOffice)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { $"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", outputFolder })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var file in files) start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("LibreOffice did not finish converting within three minutes");
        }

        Assert.True(process.ExitCode == 0, $"LibreOffice exited with {process.ExitCode}: {output.Result} {error.Result}");
    }
}
