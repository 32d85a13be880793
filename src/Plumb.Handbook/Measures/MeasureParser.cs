namespace Plumb.Handbook.Measures;

using System.Globalization;

/// <summary>Parses KPI measures written in the measure language (docs/measure-language.md).</summary>
public sealed partial class MeasureParser
{
    private readonly List<MeasureToken> _tokens;
    private int _index;

    private MeasureParser(List<MeasureToken> tokens) => _tokens = tokens;

    /// <summary>Parses a measure; a problem is returned with its column, never thrown.</summary>
    public static MeasureParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = MeasureLexer.Tokenize(text, out var lexError);
        if (lexError is { } e) return new MeasureParseResult(null, e.Message, e.Position + 1);
        if (tokens.Count == 1) return new MeasureParseResult(null, "the measure is empty", 1);
        try
        {
            var parser = new MeasureParser(tokens);
            var measure = parser.ParseMeasure();
            return new MeasureParseResult(measure, null, 0);
        }
        catch (MeasureSyntaxException error)
        {
            return new MeasureParseResult(null, error.Message, error.Position + 1);
        }
    }

    private MeasureToken Current => _tokens[_index];

    private Measure ParseMeasure()
    {
        var aggregate = ParseAggregate();
        var groupings = new List<Grouping>();
        if (AcceptWord("by"))
        {
            do groupings.Add(ParseGrouping());
            while (AcceptSymbol(","));
        }

        if (Current.Kind != MeasureTokenKind.End) throw Fail($"unexpected '{Current.Text}' after the measure");
        return new Measure(aggregate, groupings);
    }

    private Aggregate ParseAggregate()
    {
        var start = Current;
        if (AcceptWord("count")) return new CountAggregate(AcceptWord("where") ? ParseCondition() : null);
        if (AcceptWord("ratio"))
        {
            ExpectWord("where", "'ratio' is followed by 'where' and the condition to count");
            var where = ParseCondition();
            return new RatioAggregate(where, AcceptWord("of") ? ParseCondition() : null);
        }

        if (start.Kind == MeasureTokenKind.Word && TryStatistic(start.Text) is { } statistic)
        {
            _index++;
            ExpectWord("duration", $"'{start.Text}' is followed by 'duration from ... to ...'");
            var (from, to) = ParseSpan();
            return new DurationAggregate(statistic, from, to, AcceptWord("where") ? ParseCondition() : null);
        }

        throw Fail($"a measure starts with count, ratio, or a statistic (mean, median, min, max, p90) — not '{start.Text}'");
    }

    private (Milestone From, Milestone To) ParseSpan()
    {
        ExpectWord("from", "a duration is written 'duration from MILESTONE to MILESTONE'");
        var from = ParseMilestone();
        ExpectWord("to", "a duration is written 'duration from MILESTONE to MILESTONE'");
        return (from, ParseMilestone());
    }

    private Milestone ParseMilestone()
    {
        if (AcceptWord("start")) return new Milestone(MilestoneKind.Start);
        if (AcceptWord("end")) return new Milestone(MilestoneKind.End);
        var last = AcceptWord("last");
        if (!last) AcceptWord("first");
        return new Milestone(MilestoneKind.Target, ParseTarget(), last);
    }

    private Target ParseTarget()
    {
        var token = Current;
        if (token.Kind == MeasureTokenKind.String)
        {
            _index++;
            return new Target(TargetKind.Activity, token.Text);
        }

        if (token.Kind == MeasureTokenKind.Word)
        {
            if (token.Text.StartsWith("step:", StringComparison.Ordinal) && token.Text.Length > 5)
            {
                _index++;
                return new Target(TargetKind.Step, token.Text[5..]);
            }

            if (token.Text.StartsWith("state:", StringComparison.Ordinal) && token.Text.Length > 6)
            {
                _index++;
                return new Target(TargetKind.State, token.Text[6..]);
            }

            if (token.Text.StartsWith("field:", StringComparison.Ordinal) && token.Text.Length > 6)
            {
                _index++;
                return new Target(TargetKind.Field, token.Text[6..]);
            }
        }

        throw Fail($"expected a milestone: start, end, step:ID, state:VALUE, field:NAME or a \"quoted activity\" — not '{Describe(token)}'");
    }

    private Grouping ParseGrouping()
    {
        if (AcceptWord("period"))
        {
            ExpectSymbol("(", "write the period as period(month)");
            var token = Current;
            if (token.Kind != MeasureTokenKind.Word || !MeasureFields.Periods.Contains(token.Text))
            {
                throw Fail($"the period must be day, week, month, quarter or year — not '{Describe(token)}'");
            }

            _index++;
            ExpectSymbol(")", "close the period with ')'");
            return new Grouping(GroupingKind.Period, token.Text);
        }

        return new Grouping(GroupingKind.Field, ExpectField());
    }

    private static Statistic? TryStatistic(string word)
    {
        switch (word)
        {
            case "mean": return new Statistic(StatisticKind.Mean);
            case "median": return new Statistic(StatisticKind.Median);
            case "min": return new Statistic(StatisticKind.Min);
            case "max": return new Statistic(StatisticKind.Max);
        }

        return word.Length > 1 && word[0] == 'p'
            && int.TryParse(word.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 100
            ? new Statistic(StatisticKind.Percentile, p)
            : null;
    }
}
