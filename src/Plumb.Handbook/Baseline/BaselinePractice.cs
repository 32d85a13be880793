namespace Plumb.Handbook.Baseline;

/// <summary>One practice of the baseline library: its process id, name and purpose.</summary>
public sealed record BaselinePractice(string Id, string Name, string? Purpose);
