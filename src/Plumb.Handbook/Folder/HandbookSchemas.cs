namespace Plumb.Handbook.Folder;

/// <summary>The JSON Schemas of the handbook format, shipped inside the library.</summary>
public static class HandbookSchemas
{
    /// <summary>The schema file names.</summary>
    public static readonly string[] Names = ["handbook.schema.json", "process.schema.json"];

    /// <summary>The text of one schema.</summary>
    public static string Read(string name)
    {
        using var stream = typeof(HandbookSchemas).Assembly.GetManifestResourceStream("schema/" + name)
            ?? throw new InvalidOperationException($"The schema {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
