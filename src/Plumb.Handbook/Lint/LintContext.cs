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

    /// <summary>Every input and output, of processes and of steps, with its path.</summary>
    public IEnumerable<FlowSite> Flows()
    {
        foreach (var process in Handbook.Processes)
        {
            foreach (var site in Flows(process, null, null, "")) yield return site;
        }

        foreach (var step in Steps())
        {
            foreach (var site in Flows(step.Process, step.Procedure, step.Step, step.Path + ".")) yield return site;
        }
    }

    /// <summary>Every finding of the handbook (on processes, procedures and steps) with its process and path.</summary>
    public IEnumerable<(Process Process, Finding Finding, string Path)> Findings()
    {
        foreach (var process in Handbook.Processes)
        {
            for (var i = 0; i < process.Findings.Count; i++) yield return (process, process.Findings[i], $"findings[{i}]");
            for (var p = 0; p < process.Procedures.Count; p++)
            {
                var procedure = process.Procedures[p];
                for (var i = 0; i < procedure.Findings.Count; i++)
                {
                    yield return (process, procedure.Findings[i], $"procedures[{p}].findings[{i}]");
                }

                for (var s = 0; s < procedure.Steps.Count; s++)
                {
                    var findings = procedure.Steps[s].Findings;
                    for (var i = 0; i < findings.Count; i++) yield return (process, findings[i], $"procedures[{p}].steps[{s}].findings[{i}]");
                }
            }
        }
    }

    private static IEnumerable<FlowSite> Flows(Process process, Procedure? procedure, Step? step, string prefix)
    {
        var inputs = step?.Inputs ?? process.Inputs;
        var outputs = step?.Outputs ?? process.Outputs;
        for (var i = 0; i < inputs.Count; i++) yield return new FlowSite(process, procedure, step, inputs[i], true, $"{prefix}inputs[{i}]");
        for (var i = 0; i < outputs.Count; i++) yield return new FlowSite(process, procedure, step, outputs[i], false, $"{prefix}outputs[{i}]");
    }
}
