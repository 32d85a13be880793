namespace Plumb.Cli;

using Plumb.Handbook.Folder;
using Plumb.Handbook.Model;

/// <summary>Opens a handbook folder for a command, printing load errors in the file:line:col form.</summary>
public static class HandbookLoader
{
    /// <summary>The handbook, or null after the errors were written to standard error (the caller exits 2).</summary>
    public static (Handbook? Handbook, HandbookLoad Load) Open(string directory, CliContext context)
    {
        var load = HandbookFolder.Load(directory);
        foreach (var error in load.Errors) context.Error.WriteLine(error.Format(directory));
        return (load.Handbook, load);
    }
}
