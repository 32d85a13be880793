namespace Plumb.Handbook.Measures;

/// <summary>Splits a measure into words, numbers, quoted strings and symbols.</summary>
internal static class MeasureLexer
{
    public static List<MeasureToken> Tokenize(string text, out (string Message, int Position)? error)
    {
        var tokens = new List<MeasureToken>();
        error = null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (c == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"') i++;
                if (i >= text.Length)
                {
                    error = ("a quoted name is not closed with \"", start);
                    return tokens;
                }

                tokens.Add(new MeasureToken(MeasureTokenKind.String, text[(start + 1)..i], start));
                i++;
            }
            else if (char.IsDigit(c) || (c == '-' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                i++;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.')) i++;
                tokens.Add(new MeasureToken(MeasureTokenKind.Number, text[start..i], start));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-' or '.' or ':')) i++;
                tokens.Add(new MeasureToken(MeasureTokenKind.Word, text[start..i], start));
            }
            else if (c is '<' or '>' or '!' or '=')
            {
                i++;
                if (i < text.Length && text[i] == '=') i++;
                var symbol = text[start..i];
                if (symbol == "!")
                {
                    error = ("'!' must be followed by '=' (not equal)", start);
                    return tokens;
                }

                tokens.Add(new MeasureToken(MeasureTokenKind.Symbol, symbol == "==" ? "=" : symbol, start));
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new MeasureToken(MeasureTokenKind.Symbol, c.ToString(), start));
                i++;
            }
            else
            {
                error = ($"unexpected character '{c}'", start);
                return tokens;
            }
        }

        tokens.Add(new MeasureToken(MeasureTokenKind.End, "", text.Length));
        return tokens;
    }
}
