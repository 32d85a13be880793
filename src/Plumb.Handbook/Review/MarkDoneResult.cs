namespace Plumb.Handbook.Review;

using Plumb.Handbook.Model;

/// <summary>What marking a planned update done gave: the error, or the finding's site, the old version and the new change log entry.</summary>
public sealed record MarkDoneResult(string? Error, FindingSite? Site, string? PreviousVersion, ChangeLogEntry? Entry)
{
    /// <summary>True when the update was recorded.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A result that says why nothing was changed.</summary>
    public static MarkDoneResult Failed(string error) => new(error, null, null, null);
}
