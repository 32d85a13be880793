namespace Plumb.Handbook.Measures;

/// <summary>Walks a measure for the event targets it names, so they can be checked against the handbook.</summary>
public static class MeasureTargets
{
    /// <summary>Every target the measure names, in order of appearance.</summary>
    public static IEnumerable<Target> Of(Measure measure) => measure.Aggregate switch
    {
        CountAggregate c => Of(c.Where),
        RatioAggregate r => Of(r.Where).Concat(Of(r.Of)),
        DurationAggregate d => Of(d.From).Concat(Of(d.To)).Concat(Of(d.Where)),
        _ => [],
    };

    /// <summary>Every field the measure's conditions read (not its groupings), in order of appearance.</summary>
    public static IEnumerable<string> FieldsOf(Measure measure) => measure.Aggregate switch
    {
        CountAggregate c => FieldsOf(c.Where),
        RatioAggregate r => FieldsOf(r.Where).Concat(FieldsOf(r.Of)),
        DurationAggregate d => FieldsOf(d.Where),
        _ => [],
    };

    private static IEnumerable<string> FieldsOf(Condition? condition) => condition switch
    {
        AndCondition a => FieldsOf(a.Left).Concat(FieldsOf(a.Right)),
        OrCondition o => FieldsOf(o.Left).Concat(FieldsOf(o.Right)),
        NotCondition n => FieldsOf(n.Inner),
        FieldCondition f => [f.Field],
        InCondition i => [i.Field],
        _ => [],
    };

    private static IEnumerable<Target> Of(Milestone milestone) => milestone.Target is { } t ? [t] : [];

    private static IEnumerable<Target> Of(Condition? condition) => condition switch
    {
        AndCondition a => Of(a.Left).Concat(Of(a.Right)),
        OrCondition o => Of(o.Left).Concat(Of(o.Right)),
        NotCondition n => Of(n.Inner),
        HasCondition h => [h.Target],
        VisitsCondition v => [v.Target],
        DurationCondition d => Of(d.From).Concat(Of(d.To)),
        _ => [],
    };
}
