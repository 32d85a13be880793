namespace Plumb.Handbook.Lint;

using Plumb.Handbook.Model;

/// <summary>A step together with where it sits: its process, its procedure and its path in the process document.</summary>
public readonly record struct StepSite(Process Process, Procedure Procedure, Step Step, string Path);
