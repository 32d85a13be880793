namespace Plumb.Mining.Reporting;

using Plumb.Handbook.Model;
using Plumb.Mining.Conformance;
using Plumb.Mining.Discovery;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Kpis;
using Plumb.Mining.Mapping;

/// <summary>The size of a log: cases, events, activities, variants and the time it spans.</summary>
public sealed record LogSummary(int Cases, int Events, int Activities, int Variants, int Resources, int Groups, DateTime? First, DateTime? Last);

/// <summary>A documented flow between two steps of the procedure, for drawing the model beside practice.</summary>
public sealed record ModelFlow(string From, string To, string? Condition);

/// <summary>A documented step as the report shows it.</summary>
public sealed record ModelStep(string Id, string Name);

/// <summary>The documented procedure as the report draws it: steps in order and the flows between them.</summary>
public sealed record DocumentedModel(string Process, string Procedure, IReadOnlyList<ModelStep> Steps, IReadOnlyList<ModelFlow> Flows);

/// <summary>Everything <c>plumb analyze</c> reports about a log against a process: every figure, for HTML or JSON.</summary>
public sealed record AnalysisReport(
    string Title, LogSummary Summary, IReadOnlyList<KpiResult> Kpis, DirectlyFollowsGraph Dfg, IReadOnlyList<Variant> Variants, GroupFlow Flow,
    IReadOnlyList<ProcessLink> CrossProcess, DocumentedModel Model, ConformanceResult Conformance, IReadOnlyList<UnmappedActivity> Unmapped,
    int MappedEvents)
{
    /// <summary>How much of the log maps onto the procedure's steps (events and cases), shown at the top of the report.</summary>
    public MappingCoverage Mapping { get; init; } = new(0, 0, 0, 0);

    /// <summary>How each documented step is practised: cases, median time, who does it, deviations at the step.</summary>
    public IReadOnlyList<StepPractice> Steps { get; init; } = [];

    /// <summary>Computes the whole analysis of a log against a process and one of its procedures.</summary>
    public static AnalysisReport Build(EventLog log, Process process, Procedure procedure, string period = "month", IProgress<string>? progress = null)
    {
        // Of a log of several tables (a synced instance, merged exports) only the cases of the process's own tables are its practice.
        var whole = log;
        log = EventLogSubset.OfTables(log, EventLogSubset.TablesOf(process.Procedures.SelectMany(p => p.Steps)));
        progress?.Report("discovering the process as practised, replaying it on the documented procedure, evaluating KPIs");
        DirectlyFollowsGraph? dfg = null;
        VariantSet? variants = null;
        GroupFlow? flow = null;
        IReadOnlyList<ProcessLink> links = [];
        ProcedureMapping? mapping = null;
        ConformanceResult? conformance = null;
        IReadOnlyList<StepPractice> steps = [];
        IReadOnlyList<KpiResult> kpis = [];

        // Two independent chains that only read the log, one per core: discovery (~140 ms cold on 1M events); mapping, replay,
        // step practice and KPIs (~250 ms cold, ~110 warm). The KPIs come after the step practice on its thread, so the
        // duration KPIs' scratch buffer is the one the step waits returned to the pool (no collection runs during the
        // stages, so each buffer not reused adds to the peak).
        try
        {
            Parallel.Invoke(
                () =>
                {
                    dfg = DirectlyFollowsGraph.Discover(log);
                    variants = VariantSet.Discover(log);
                    flow = GroupFlow.Discover(log);
                    links = CrossProcessFlow.Discover(whole); // links reach records of the other tables
                },
                () =>
                {
                    mapping = ProcedureMapping.Map(procedure, log);
                    conformance = ConformanceChecker.CheckProcedure(log, procedure, mapping);
                    steps = StepPractice.Of(log, procedure, mapping, conformance);
                    kpis = KpiEvaluation.Evaluate(log, process, period);
                });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // A chain's own exception (bad input such as a procedure too large to map), not the wrapper of the parallel run.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        var span = log.TimeSpan();
        var summary = new LogSummary(log.CaseCount, log.EventCount, log.ActivityNames.Count, variants!.Variants.Count, log.ResourceNames.Count,
            log.GroupNames.Count, span?.First, span?.Last);
        return new AnalysisReport($"{process.Name}: practice against the handbook", summary, kpis, dfg!, variants.Variants.Take(50).ToList(), flow!,
            links, DocumentedModelOf(process, procedure), conformance!, mapping!.Unmapped, mapping.MappedEvents)
        {
            Mapping = mapping.Coverage,
            Steps = steps,
        };
    }

    private static DocumentedModel DocumentedModelOf(Process process, Procedure procedure)
    {
        var steps = procedure.Steps;
        var flows = new List<ModelFlow>();
        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            if (s.Decision is { Branches.Count: > 0 } d)
            {
                flows.AddRange(d.Branches.Select(b => new ModelFlow(s.Id, b.Goto, b.When)));
            }
            else
            {
                flows.Add(new ModelFlow(s.Id, procedure.NextOf(i), null));
            }
        }

        return new DocumentedModel(process.Id, procedure.Id, steps.Select(s => new ModelStep(s.Id, s.Name)).ToList(), flows);
    }
}
