namespace Plumb.Mining.Reporting;

using System.Text.Json.Serialization;

/// <summary>
/// The report's types described at compile time: writing a report reads no type by reflection and emits no accessors to
/// compile at run time (on 1M events, a few MB of the command's peak).
/// </summary>
[JsonSerializable(typeof(AnalysisReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
