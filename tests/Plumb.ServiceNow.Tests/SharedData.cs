namespace Plumb.ServiceNow.Tests;

/// <summary>The reference data folder: ../shared/data from the folder that holds Plumb.slnx.</summary>
public static class SharedData
{
    public static string Root { get; } = Find();

    public static string ServiceNow(params string[] parts) => Path.Combine([Root, "servicenow", .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Plumb.slnx"))) return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
        }

        throw new InvalidOperationException("Plumb.slnx not found above " + AppContext.BaseDirectory);
    }
}
