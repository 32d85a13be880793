namespace Plumb.Cli.Tests;

/// <summary>
/// Compares output with a golden file kept in the repository. On a mismatch the output is written beside it as
/// <c>NAME.received.EXT</c> for a diff; with <c>PLUMB_ACCEPT=1</c> the golden file is overwritten instead.
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string relativePath, string actual)
    {
        var path = Repo.Path(relativePath);
        var received = System.IO.Path.ChangeExtension(path, ".received" + System.IO.Path.GetExtension(path));
        actual = actual.ReplaceLineEndings("\n");
        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (Environment.GetEnvironmentVariable("PLUMB_ACCEPT") == "1")
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail($"{relativePath} differs from the output (written to {System.IO.Path.GetFileName(received)}); "
            + "review the difference and run with PLUMB_ACCEPT=1 to accept it.\n" + actual);
    }
}
