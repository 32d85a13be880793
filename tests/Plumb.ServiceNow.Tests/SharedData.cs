namespace Plumb.ServiceNow.Tests;

/// <summary>The ServiceNow part of the shared reference data.</summary>
public static class SharedData
{
    public static string Root { get; } = RepoPaths.SharedData();

    public static string ServiceNow(params string[] parts) => Path.Combine([Root, "servicenow", .. parts]);
}
