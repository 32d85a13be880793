namespace Plumb.Handbook.Lint;

using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Folder;
using Plumb.Handbook.Model;

/// <summary>The handbook under check, with helpers that walk it and collect diagnostics.</summary>
public sealed class LintContext(Handbook handbook)
{
    private readonly List<Diagnostic> _diagnostics = [];

    /// <summary>The handbook being checked.</summary>
    public Handbook Handbook { get; } = handbook;

    /// <summary>What has been reported so far.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>Reports a problem in the handbook document.</summary>
    public void ReportInHandbook(LintRule rule, string path, string message) =>
        _diagnostics.Add(new Diagnostic(rule.Code, rule.Severity, message, HandbookFolder.HandbookFile, path));

    /// <summary>Reports a problem in a process document.</summary>
    public void Report(LintRule rule, Process process, string path, string message) =>
        _diagnostics.Add(new Diagnostic(rule.Code, rule.Severity, message, HandbookFolder.ProcessDocument(process.Id), path));

    /// <summary>Every procedure with its process and path.</summary>
    public IEnumerable<(Process Process, Procedure Procedure, string Path)> Procedures()
    {
        foreach (var process in Handbook.Processes)
        {
            for (var i = 0; i < process.Procedures.Count; i++) yield return (process, process.Procedures[i], $"procedures[{i}]");
        }
    }

    /// <summary>Every step with its procedure, process and path.</summary>
    public IEnumerable<StepSite> Steps()
    {
        foreach (var (process, procedure, path) in Procedures())
        {
            for (var i = 0; i < procedure.Steps.Count; i++)
            {
                yield return new StepSite(process, procedure, procedure.Steps[i], $"{path}.steps[{i}]");
            }
        }
    }
}
