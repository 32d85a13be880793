namespace Plumb.Handbook.Folder;

using System.Text;
using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Model;
using Plumb.Handbook.Yaml;

/// <summary>
/// A handbook kept as a folder in git: <c>handbook.yaml</c>, <c>processes/ID.yaml</c> and <c>schema/</c>.
/// The only part of the domain that touches the file system.
/// </summary>
public static class HandbookFolder
{
    /// <summary>The handbook document's file name.</summary>
    public const string HandbookFile = "handbook.yaml";

    /// <summary>The folder holding one file per process.</summary>
    public const string ProcessesFolder = "processes";

    /// <summary>The document name of a process, relative to the handbook folder.</summary>
    public static string ProcessDocument(string processId) => $"{ProcessesFolder}/{processId}.yaml";

    /// <summary>Reads a handbook folder. Every problem that stops the read is returned, not thrown.</summary>
    public static HandbookLoad Load(string directory)
    {
        var errors = new List<Diagnostic>();
        var maps = new Dictionary<string, SourceMap>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
        {
            var what = File.Exists(directory) ? "is a file, not a handbook folder" : "does not exist";
            return HandbookLoad.Failed(LoadError.NotAHandbook("", $"'{directory}' {what}"));
        }

        var handbookPath = Path.Combine(directory, HandbookFile);
        if (!File.Exists(handbookPath))
        {
            return HandbookLoad.Failed(LoadError.NotAHandbook("",
                $"'{directory}' is not a handbook folder: it has no {HandbookFile} (create one with 'plumb init {directory}')"));
        }

        var handbookResult = HandbookYamlReader.ReadHandbook(ReadText(handbookPath, HandbookFile, errors) ?? "", HandbookFile);
        errors.AddRange(handbookResult.Errors);
        maps[HandbookFile] = handbookResult.Map;
        var handbook = handbookResult.Value;

        var processesPath = Path.Combine(directory, ProcessesFolder);
        var processFiles = Directory.Exists(processesPath)
            ? Directory.GetFiles(processesPath).Where(IsYaml).Order(StringComparer.Ordinal).ToList()
            : [];
        // Process files are independent, so they are read in parallel; results are merged in file-name order
        // so errors and processes come out the same on every run.
        var reads = new (string Document, List<Diagnostic> Errors, DocumentResult<Process>? Result)[processFiles.Count];
        Parallel.For(0, processFiles.Count, i =>
        {
            var document = $"{ProcessesFolder}/{Path.GetFileName(processFiles[i])}";
            var fileErrors = new List<Diagnostic>();
            var text = ReadText(processFiles[i], document, fileErrors);
            reads[i] = (document, fileErrors, text is null ? null : HandbookYamlReader.ReadProcess(text, document));
        });
        for (var i = 0; i < processFiles.Count; i++)
        {
            var (document, fileErrors, result) = reads[i];
            var file = processFiles[i];
            errors.AddRange(fileErrors);
            if (result is null) continue;
            errors.AddRange(result.Errors);
            if (result.Value is not { } process) continue;
            var expected = Path.GetFileNameWithoutExtension(file);
            if (process.Id.Length > 0 && process.Id != expected)
            {
                errors.Add(new Diagnostic(LoadError.InvalidValueCode, Severity.Error,
                    $"the process id '{process.Id}' must match its file name '{expected}'; rename the file or change the id",
                    document, "id", result.Map.Find("id")));
            }

            maps[ProcessDocument(process.Id)] = result.Map;
            handbook?.Processes.Add(process);
        }

        return new HandbookLoad(errors.Count == 0 ? handbook : null, errors, maps);
    }

    /// <summary>
    /// Writes the handbook to <paramref name="directory"/>: every file is written beside its target and then moved
    /// over it, so a failure leaves each file either old or new, never half-written. Process files of processes
    /// no longer in the handbook are removed.
    /// </summary>
    public static void Save(Handbook handbook, string directory)
    {
        // Every process file is placed before anything is written, so an id that leads outside the folder changes nothing.
        var files = handbook.Processes.Select(p => (Process: p, Path: ContainedPath.Resolve(Path.Combine(directory, ProcessesFolder), p.Id + ".yaml"))).ToList();
        Directory.CreateDirectory(Path.Combine(directory, ProcessesFolder));
        WriteSchemas(directory);
        WriteAtomically(Path.Combine(directory, HandbookFile), KeepComments(Path.Combine(directory, HandbookFile),
            HandbookYamlWriter.HandbookToString(handbook), text => HandbookYamlReader.ReadHandbook(text).Map));
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (process, path) in files)
        {
            kept.Add(path);
            var document = ProcessDocument(process.Id);
            WriteAtomically(path, KeepComments(path, HandbookYamlWriter.ProcessToString(process),
                text => HandbookYamlReader.ReadProcess(text, document).Map));
        }

        foreach (var stale in Directory.GetFiles(Path.Combine(directory, ProcessesFolder)).Where(IsYaml))
        {
            if (!kept.Contains(Path.GetFullPath(stale))) File.Delete(stale);
        }
    }

    /// <summary>
    /// The YAML documents of a handbook folder as text, byte for byte, keyed by their document name
    /// (<c>handbook.yaml</c>, <c>processes/ID.yaml</c>): what <c>plumb push</c> sends, so nothing of the files is lost.
    /// </summary>
    /// <exception cref="IOException">A file cannot be read.</exception>
    /// <exception cref="DecoderFallbackException">A file is not UTF-8.</exception>
    public static Dictionary<string, string> ReadDocuments(string directory)
    {
        var documents = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [HandbookFile] = ReadExact(Path.Combine(directory, HandbookFile)),
        };
        var processes = Path.Combine(directory, ProcessesFolder);
        if (!Directory.Exists(processes)) return documents;
        foreach (var file in Directory.GetFiles(processes).Where(IsYaml).Order(StringComparer.Ordinal))
        {
            documents[ProcessDocument(Path.GetFileNameWithoutExtension(file))] = ReadExact(file);
        }

        return documents;
    }

    /// <summary>
    /// Writes documents keyed by document name into <paramref name="directory"/>, each file atomically, with the schemas,
    /// and removes process files that are no longer among them: what <c>plumb pull</c> does.
    /// </summary>
    /// <exception cref="InvalidDataException">A document name points outside the folder.</exception>
    public static void WriteDocuments(IReadOnlyDictionary<string, string> documents, string directory)
    {
        // Every path is checked before anything is written, so a bad one leaves the folder as it was.
        var root = Path.GetFullPath(directory);
        var targets = new List<(string Target, string Content)>();
        foreach (var (path, content) in documents)
        {
            if (!ContainedPath.TryResolve(root, path, out var target))
            {
                throw new InvalidDataException($"a document outside the handbook folder: {path}");
            }

            targets.Add((target, content));
        }

        Directory.CreateDirectory(Path.Combine(directory, ProcessesFolder));
        WriteSchemas(directory);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (target, content) in targets)
        {
            kept.Add(target);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            WriteAtomically(target, content);
        }

        foreach (var stale in Directory.GetFiles(Path.Combine(root, ProcessesFolder)).Where(IsYaml))
        {
            if (!kept.Contains(Path.GetFullPath(stale))) File.Delete(stale);
        }
    }

    /// <summary>Writes the JSON Schemas the YAML files point at into <c>schema/</c>.</summary>
    public static void WriteSchemas(string directory)
    {
        var schemaDirectory = Path.Combine(directory, "schema");
        Directory.CreateDirectory(schemaDirectory);
        foreach (var name in HandbookSchemas.Names)
        {
            WriteAtomically(Path.Combine(schemaDirectory, name), HandbookSchemas.Read(name));
        }
    }

    // Comments of the file being replaced go back onto the fields they were attached to.
    private static string KeepComments(string path, string text, Func<string, SourceMap> map)
    {
        if (!File.Exists(path)) return text;
        var old = ReadText(path, path, []);
        if (old is null) return text;
        var comments = YamlComments.Read(old, map(old));
        return comments.IsEmpty ? text : comments.Apply(text, map(text));
    }

    private static string ReadExact(string path) => new UTF8Encoding(false, true).GetString(File.ReadAllBytes(path)).TrimStart('\uFEFF');

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    private static string? ReadText(string path, string document, List<Diagnostic> errors)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                errors.Add(LoadError.Binary(document));
                return null;
            }

            try
            {
                return new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
            }
            catch (DecoderFallbackException)
            {
                errors.Add(new Diagnostic(LoadError.BinaryCode, Severity.Error,
                    "the file is not UTF-8 text; save it as UTF-8", document, "", new SourceLocation(1, 1)));
                return null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(LoadError.NotAHandbook(document, $"cannot read the file: {e.Message}"));
            return null;
        }
    }
}
