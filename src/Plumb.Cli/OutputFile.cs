namespace Plumb.Cli;

/// <summary>Writes a command's output file whole or not at all: to a temporary file first, then moved into place.</summary>
public static class OutputFile
{
    public static void Write(string path, byte[] content)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory)) throw new UsageException($"{path}: the folder '{directory}' does not exist");
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public static void Write(string path, string content) => Write(path, new System.Text.UTF8Encoding(false).GetBytes(content));
}
