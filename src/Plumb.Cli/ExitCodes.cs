namespace Plumb.Cli;

/// <summary>The exit codes every command keeps to.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran and found problems (lint errors, drift, gaps).</summary>
    public const int Found = 1;

    /// <summary>Bad input or usage: a file that cannot be read, an unknown option.</summary>
    public const int BadInput = 2;

    /// <summary>Something broke inside Plumb; the message says what.</summary>
    public const int Internal = 3;
}
