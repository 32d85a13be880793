namespace Plumb.Handbook.Tests;

/// <summary>A folder under the system temp directory, removed when the test ends.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "plumb-test-" + Guid.NewGuid().ToString("N")[..10]);

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public void Edit(string relative, Func<string, string> edit)
    {
        var before = System.IO.File.ReadAllText(File(relative));
        var after = edit(before);
        Assert.NotEqual(before, after);
        System.IO.File.WriteAllText(File(relative), after);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
