namespace Plumb.Handbook.Review;

using Plumb.Handbook.Model;

/// <summary>A finding together with where it was recorded: its process and, if any, its procedure and step.</summary>
public sealed record FindingSite(Finding Finding, Process Process, Procedure? Procedure, Step? Step)
{
    /// <summary>Where the finding sits, in words.</summary>
    public string Location => Step is not null ? Diff.Location.Of(Process, Procedure!, Step)
        : Procedure is not null ? Diff.Location.Of(Process, Procedure)
        : Diff.Location.Of(Process);

    /// <summary>Every finding of the handbook, in document order.</summary>
    public static IEnumerable<FindingSite> All(Handbook handbook)
    {
        foreach (var process in handbook.Processes)
        {
            foreach (var finding in process.Findings) yield return new FindingSite(finding, process, null, null);
            foreach (var procedure in process.Procedures)
            {
                foreach (var finding in procedure.Findings) yield return new FindingSite(finding, process, procedure, null);
                foreach (var step in procedure.Steps)
                {
                    foreach (var finding in step.Findings) yield return new FindingSite(finding, process, procedure, step);
                }
            }
        }
    }
}
