namespace Plumb.Cli;

/// <summary>Bad input or usage the user can fix; printed as one line and exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
