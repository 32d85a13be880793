namespace Plumb.Mining.Reporting;

using System.Text.Json;
using Plumb.Mining.Conformance;
using Plumb.Mining.Discovery;
using Plumb.Mining.Kpis;

/// <summary>
/// Writes a report as <see cref="ReportJson.Options"/> make the general serializer write it (names in camelCase and in
/// declaration order, enums as kebab-case words, the conformance figures omitted when not measurable), through the writer's own
/// calls: writing a report on 1M events set up the serializer's metadata and compiled its accessors, ~3 MB of the command's
/// peak for a fixed text. <c>ReportJsonTests</c> holds it to the general serializer's text.
/// </summary>
internal static class ReportJsonWriter
{
    public static void Write(Utf8JsonWriter w, AnalysisReport report, JsonSerializerOptions options)
    {
        w.WriteStartObject();
        w.WriteString("title", report.Title);
        var s = report.Summary;
        w.WriteStartObject("summary");
        w.WriteNumber("cases", s.Cases);
        w.WriteNumber("events", s.Events);
        w.WriteNumber("activities", s.Activities);
        w.WriteNumber("variants", s.Variants);
        w.WriteNumber("resources", s.Resources);
        w.WriteNumber("groups", s.Groups);
        Time(w, "first", s.First);
        Time(w, "last", s.Last);
        w.WriteEndObject();
        Items(w, "kpis", report.Kpis, Kpi);
        Dfg(w, report.Dfg);
        Items(w, "variants", report.Variants, (w, v) =>
        {
            w.WriteStartObject();
            Items(w, "activities", v.Activities, (w, a) => w.WriteStringValue(a));
            w.WriteNumber("count", v.Count);
            w.WriteNumber("coverage", v.Coverage);
            w.WriteNumber("exampleCase", v.ExampleCase);
            w.WriteEndObject();
        });
        Flow(w, report.Flow);
        Items(w, "crossProcess", report.CrossProcess, (w, l) =>
        {
            w.WriteStartObject();
            w.WriteString("fromTable", l.FromTable);
            w.WriteString("toTable", l.ToTable);
            w.WriteString("field", l.Field);
            w.WriteNumber("links", l.Links);
            w.WriteNumber("sourceCases", l.SourceCases);
            w.WriteNumber("share", l.Share);
            Number(w, "medianHours", l.MedianHours);
            w.WriteNumber("resolved", l.Resolved);
            w.WriteEndObject();
        });
        Model(w, report.Model);
        Conformance(w, report.Conformance, options);
        Items(w, "unmapped", report.Unmapped, (w, u) =>
        {
            w.WriteStartObject();
            w.WriteString("activity", u.Activity);
            w.WriteNumber("events", u.Events);
            w.WriteEndObject();
        });
        w.WriteNumber("mappedEvents", report.MappedEvents);
        var m = report.Mapping;
        w.WriteStartObject("mapping");
        w.WriteNumber("events", m.Events);
        w.WriteNumber("mappedEvents", m.MappedEvents);
        w.WriteNumber("cases", m.Cases);
        w.WriteNumber("mappedCases", m.MappedCases);
        w.WriteNumber("eventPercent", m.EventPercent);
        w.WriteNumber("casePercent", m.CasePercent);
        w.WriteBoolean("low", m.Low);
        w.WriteString("warning", m.Warning);
        w.WriteEndObject();
        Items(w, "steps", report.Steps, Step);
        w.WriteEndObject();
    }

    private static void Kpi(Utf8JsonWriter w, KpiResult k)
    {
        w.WriteStartObject();
        w.WriteString("id", k.Id);
        w.WriteString("name", k.Name);
        w.WriteString("measure", k.Measure);
        w.WriteString("unit", k.Unit);
        Number(w, "target", k.Target);
        w.WriteString("direction", Word(k.Direction));
        w.WritePropertyName("overall");
        Cell(w, k.Overall);
        Items(w, "byMeasure", k.ByMeasure, Cell);
        Items(w, "byPeriod", k.ByPeriod, Cell);
        Items(w, "byGroup", k.ByGroup, Cell);
        w.WriteString("error", k.Error);
        w.WriteString("notMeasurable", k.NotMeasurable);
        w.WriteEndObject();
    }

    private static void Cell(Utf8JsonWriter w, KpiCell? c)
    {
        if (c is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString("key", c.Key);
        Number(w, "value", c.Value);
        w.WriteNumber("cases", c.Cases);
        w.WriteString("status", c.Status is { } status ? Word(status) : null);
        w.WriteEndObject();
    }

    private static void Dfg(Utf8JsonWriter w, DirectlyFollowsGraph dfg)
    {
        w.WriteStartObject("dfg");
        Counts(w, "activities", dfg.Activities);
        Items(w, "edges", dfg.Edges, (w, e) =>
        {
            w.WriteStartObject();
            w.WriteString("from", e.From);
            w.WriteString("to", e.To);
            w.WriteNumber("count", e.Count);
            w.WriteNumber("meanHours", e.MeanHours);
            w.WriteNumber("medianHours", e.MedianHours);
            w.WriteEndObject();
        });
        Counts(w, "startActivities", dfg.StartActivities);
        Counts(w, "endActivities", dfg.EndActivities);
        w.WriteEndObject();
    }

    private static void Flow(Utf8JsonWriter w, GroupFlow flow)
    {
        w.WriteStartObject("flow");
        Items(w, "rework", flow.Rework, (w, r) =>
        {
            w.WriteStartObject();
            w.WriteString("activity", r.Activity);
            w.WriteNumber("cases", r.Cases);
            w.WriteNumber("repeats", r.Repeats);
            w.WriteEndObject();
        });
        w.WriteNumber("casesWithRework", flow.CasesWithRework);
        Items(w, "handovers", flow.Handovers, (w, h) =>
        {
            w.WriteStartObject();
            w.WriteString("from", h.From);
            w.WriteString("to", h.To);
            w.WriteNumber("count", h.Count);
            w.WriteNumber("medianHours", h.MedianHours);
            w.WriteEndObject();
        });
        Items(w, "pingPong", flow.PingPong, (w, p) =>
        {
            w.WriteStartObject();
            w.WriteString("groupA", p.GroupA);
            w.WriteString("groupB", p.GroupB);
            w.WriteNumber("cases", p.Cases);
            w.WriteEndObject();
        });
        w.WriteNumber("casesWithPingPong", flow.CasesWithPingPong);
        w.WriteEndObject();
    }

    private static void Model(Utf8JsonWriter w, DocumentedModel model)
    {
        w.WriteStartObject("model");
        w.WriteString("process", model.Process);
        w.WriteString("procedure", model.Procedure);
        Items(w, "steps", model.Steps, (w, s) =>
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("name", s.Name);
            w.WriteEndObject();
        });
        Items(w, "flows", model.Flows, (w, f) =>
        {
            w.WriteStartObject();
            w.WriteString("from", f.From);
            w.WriteString("to", f.To);
            w.WriteString("condition", f.Condition);
            w.WriteEndObject();
        });
        w.WriteEndObject();
    }

    private static void Conformance(Utf8JsonWriter w, ConformanceResult result, JsonSerializerOptions options)
    {
        // Not measurable: no figures from replaying no step (as ReportJson's modifier omits them).
        w.WriteStartObject("conformance");
        if (result.Measurable)
        {
            w.WritePropertyName("overall");
            Figures(w, result.Overall);
        }

        Items(w, "deviations", result.Deviations, Deviation);
        if (result.Measurable)
        {
            Items(w, "breakdown", result.Breakdown, (w, b) =>
            {
                w.WriteStartObject();
                w.WriteString("dimension", b.Dimension);
                w.WriteString("key", b.Key);
                w.WritePropertyName("figures");
                Figures(w, b.Figures);
                w.WriteEndObject();
            });
            w.WritePropertyName("perCase");
            // Kinds as the words Deviation writes below: ReportJson's converter, not looked up in the options.
            CaseConformanceListJson.WriteList(w, result.PerCase, options);
        }

        w.WriteNumber("variants", result.Variants);
        w.WriteString("notMeasurable", result.NotMeasurable);
        w.WriteEndObject();
    }

    private static void Figures(Utf8JsonWriter w, FitnessFigures f)
    {
        w.WriteStartObject();
        w.WriteNumber("cases", f.Cases);
        w.WriteNumber("fittingCases", f.FittingCases);
        w.WriteNumber("produced", f.Produced);
        w.WriteNumber("consumed", f.Consumed);
        w.WriteNumber("missing", f.Missing);
        w.WriteNumber("remaining", f.Remaining);
        w.WriteNumber("logFitness", f.LogFitness);
        w.WriteNumber("averageTraceFitness", f.AverageTraceFitness);
        w.WriteNumber("percentFittingCases", f.PercentFittingCases);
        w.WriteEndObject();
    }

    private static void Deviation(Utf8JsonWriter w, StepDeviation d)
    {
        w.WriteStartObject();
        w.WriteString("step", d.Step);
        w.WriteString("kind", Word(d.Kind));
        w.WriteNumber("cases", d.Cases);
        w.WriteEndObject();
    }

    private static void Step(Utf8JsonWriter w, StepPractice s)
    {
        w.WriteStartObject();
        w.WriteString("step", s.Step);
        w.WriteString("name", s.Name);
        w.WriteNumber("cases", s.Cases);
        w.WriteNumber("events", s.Events);
        Number(w, "medianHours", s.MedianHours);
        Items(w, "groups", s.Groups, Worker);
        Items(w, "resources", s.Resources, Worker);
        Items(w, "deviations", s.Deviations, Deviation);
        w.WriteEndObject();
    }

    private static void Worker(Utf8JsonWriter w, StepWorker worker)
    {
        w.WriteStartObject();
        w.WriteString("name", worker.Name);
        w.WriteNumber("events", worker.Events);
        w.WriteEndObject();
    }

    private static void Counts(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, int> counts)
    {
        w.WriteStartObject(name);
        foreach (var (key, count) in counts) w.WriteNumber(key, count);
        w.WriteEndObject();
    }

    private static void Items<T>(Utf8JsonWriter w, string name, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> item)
    {
        w.WriteStartArray(name);
        foreach (var i in items) item(w, i);
        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static void Time(Utf8JsonWriter w, string name, DateTime? value)
    {
        if (value is { } t) w.WriteString(name, t);
        else w.WriteNull(name);
    }

    // An enum value as JsonStringEnumConverter writes it with the kebab-case policy.
    internal static string Word<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
