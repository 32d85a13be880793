namespace Plumb.Modelling.Import;

using Plumb.Handbook.Model;

/// <summary>What an import gave: the process holding the imported procedures, and what could not be carried over.</summary>
public sealed record ImportResult(Process Process, IReadOnlyList<string> NotCarried);
