namespace Plumb.Server.Handbooks;

using System.Text;
using Plumb.Handbook.Folder;

/// <summary>Reads and writes a handbook folder's YAML documents as text, byte for byte, so push and pull lose nothing.</summary>
public static class FolderDocuments
{
    public static Dictionary<string, string> Read(string directory)
    {
        var documents = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [HandbookFolder.HandbookFile] = ReadText(Path.Combine(directory, HandbookFolder.HandbookFile)),
        };
        var processes = Path.Combine(directory, HandbookFolder.ProcessesFolder);
        if (!Directory.Exists(processes)) return documents;
        foreach (var file in Directory.GetFiles(processes).Order(StringComparer.Ordinal))
        {
            var extension = Path.GetExtension(file);
            if (extension is not (".yaml" or ".yml")) continue;
            documents[DocumentSet.ProcessPath(Path.GetFileNameWithoutExtension(file))] = ReadText(file);
        }

        return documents;
    }

    /// <summary>Writes the documents into <paramref name="directory"/> and removes process files that are no longer there.</summary>
    public static void Write(IReadOnlyDictionary<string, string> documents, string directory)
    {
        // Every path is checked before anything is written, so a bad one leaves the folder as it was.
        var root = Path.GetFullPath(directory);
        var targets = new List<(string Target, string Content)>();
        foreach (var (path, content) in documents)
        {
            var target = Path.GetFullPath(Path.Combine(root, path));
            if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"the server sent a document outside the handbook folder: {path}");
            }

            targets.Add((target, content));
        }

        Directory.CreateDirectory(Path.Combine(directory, HandbookFolder.ProcessesFolder));
        HandbookFolder.WriteSchemas(directory);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (target, content) in targets)
        {
            kept.Add(target);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temporary = target + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
            File.WriteAllText(temporary, content, new UTF8Encoding(false));
            File.Move(temporary, target, overwrite: true);
        }

        foreach (var stale in Directory.GetFiles(Path.Combine(root, HandbookFolder.ProcessesFolder)))
        {
            if (Path.GetExtension(stale) is ".yaml" or ".yml" && !kept.Contains(stale)) File.Delete(stale);
        }
    }

    private static string ReadText(string path) => new UTF8Encoding(false, true).GetString(File.ReadAllBytes(path)).TrimStart('\uFEFF');
}
