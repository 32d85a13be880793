namespace Plumb.Server.Handbooks;

using System.Security.Claims;
using Plumb.Handbook.Model;

/// <summary>
/// The one place that decides which processes a reader sees. Today every stored process shows; when the review
/// workflow lands, anonymous readers and readers see only published processes and editors see every one.
/// </summary>
public static class ReaderView
{
    public static bool CanSee(Process process, ClaimsPrincipal user)
    {
        _ = user;
        return process.Status is ProcessStatus.Published or ProcessStatus.InReview or ProcessStatus.Draft;
    }

    public static IEnumerable<Process> Processes(Handbook handbook, ClaimsPrincipal user) => handbook.Processes.Where(p => CanSee(p, user));

    public static bool CanSee(Handbook handbook, string? processId, ClaimsPrincipal user) =>
        processId is null || handbook.FindProcess(processId) is not { } process || CanSee(process, user);

    /// <summary>A key for page caches: readers who see the same processes share cached pages.</summary>
    public static string AudienceKey(ClaimsPrincipal user) => "all";
}
