namespace Plumb.Handbook.Measures;

using System.Globalization;

public sealed partial class MeasureParser
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "not", "has", "visits", "duration", "where", "of", "by", "from", "to", "in", "count", "ratio", "start", "end",
    };

    private Condition ParseCondition()
    {
        var left = ParseTerm();
        while (AcceptWord("or")) left = new OrCondition(left, ParseTerm());
        return left;
    }

    private Condition ParseTerm()
    {
        var left = ParseFactor();
        while (AcceptWord("and")) left = new AndCondition(left, ParseFactor());
        return left;
    }

    private Condition ParseFactor()
    {
        if (AcceptWord("not")) return new NotCondition(ParseFactor());
        if (AcceptSymbol("("))
        {
            var inner = ParseCondition();
            ExpectSymbol(")", "a '(' is not closed");
            return inner;
        }

        if (AcceptWord("has")) return new HasCondition(ParseTarget());
        if (AcceptWord("visits"))
        {
            var target = ParseTarget();
            var comparison = ExpectComparison();
            return new VisitsCondition(target, comparison, ExpectNumber());
        }

        if (AcceptWord("duration"))
        {
            var (from, to) = ParseSpan();
            var comparison = ExpectComparison();
            return new DurationCondition(from, to, comparison, ExpectDuration());
        }

        var field = ExpectField();
        if (AcceptWord("in"))
        {
            ExpectSymbol("(", "write the values as in (1, 2)");
            var values = new List<string> { ExpectValue() };
            while (AcceptSymbol(",")) values.Add(ExpectValue());
            ExpectSymbol(")", "close the list of values with ')'");
            return new InCondition(field, values);
        }

        var op = ExpectComparison();
        return new FieldCondition(field, op, ExpectValue());
    }

    private string ExpectField()
    {
        var token = Current;
        if (token.Kind != MeasureTokenKind.Word || Keywords.Contains(token.Text) || token.Text.Contains(':', StringComparison.Ordinal))
        {
            throw Fail($"expected a field such as priority, group or category — not '{Describe(token)}'");
        }

        _index++;
        return token.Text;
    }

    private string ExpectValue()
    {
        var token = Current;
        if (token.Kind is MeasureTokenKind.Number or MeasureTokenKind.String or MeasureTokenKind.Word)
        {
            _index++;
            return token.Text;
        }

        throw Fail($"expected a value — not '{Describe(token)}'");
    }

    private double ExpectNumber()
    {
        var token = Current;
        if (token.Kind == MeasureTokenKind.Number && double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            _index++;
            return value;
        }

        throw Fail($"expected a number — not '{Describe(token)}'");
    }

    private TimeSpan ExpectDuration()
    {
        var amount = ExpectNumber();
        var unit = Current;
        TimeSpan? duration = unit.Kind != MeasureTokenKind.Word ? null : unit.Text switch
        {
            "m" or "min" or "minutes" => TimeSpan.FromMinutes(amount),
            "h" or "hours" => TimeSpan.FromHours(amount),
            "d" or "days" => TimeSpan.FromDays(amount),
            "w" or "weeks" => TimeSpan.FromDays(7 * amount),
            _ => null,
        };
        if (duration is null) throw Fail($"a duration needs a unit: m, h, d or w (as in 4h) — not '{Describe(unit)}'");
        _index++;
        return duration.Value;
    }

    private Comparison ExpectComparison()
    {
        var token = Current;
        Comparison? comparison = token.Kind != MeasureTokenKind.Symbol ? null : token.Text switch
        {
            "=" => Comparison.Equal,
            "!=" => Comparison.NotEqual,
            "<" => Comparison.Less,
            "<=" => Comparison.LessOrEqual,
            ">" => Comparison.Greater,
            ">=" => Comparison.GreaterOrEqual,
            _ => null,
        };
        if (comparison is null) throw Fail($"expected a comparison (=, !=, <, <=, >, >=) — not '{Describe(token)}'");
        _index++;
        return comparison.Value;
    }

    private bool AcceptWord(string word)
    {
        if (Current.Kind != MeasureTokenKind.Word || Current.Text != word) return false;
        _index++;
        return true;
    }

    private bool AcceptSymbol(string symbol)
    {
        if (Current.Kind != MeasureTokenKind.Symbol || Current.Text != symbol) return false;
        _index++;
        return true;
    }

    private void ExpectWord(string word, string hint)
    {
        if (!AcceptWord(word)) throw Fail($"{hint} (found '{Describe(Current)}')");
    }

    private void ExpectSymbol(string symbol, string hint)
    {
        if (!AcceptSymbol(symbol)) throw Fail($"{hint} (found '{Describe(Current)}')");
    }

    private static string Describe(MeasureToken token) => token.Kind == MeasureTokenKind.End ? "the end" : token.Text;

    private MeasureSyntaxException Fail(string message) => new(message, Current.Position);

    private sealed class MeasureSyntaxException(string message, int position) : Exception(message)
    {
        public int Position { get; } = position;
    }
}
