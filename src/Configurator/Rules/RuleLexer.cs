namespace Configurator.Rules;

/// <summary>Splits rule text into tokens. Stops at the first character it cannot read.</summary>
internal static class RuleLexer
{
    public static (List<RuleToken> Tokens, RuleDiagnostic? Error) Tokenize(string text)
    {
        // About one token per three characters in imported rules ("x12 == 'yes' or ..."): sized
        // once, rather than grown and copied a dozen times for a clause of hundreds of features.
        var tokens = new List<RuleToken>((text.Length / 3) + 2);
        var i = 0;
        while (true)
        {
            while (i < text.Length && text[i] is ' ' or '\t' or '\r' or '\n')
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new RuleToken(RuleTokenKind.End, text.Length, 0, ""));
                return (tokens, null);
            }

            var start = i;
            var c = text[i];
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                var word = text[start..i];
                tokens.Add(new RuleToken(KeywordKind(word), start, i - start, word));
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                if (i < text.Length && text[i] == '.')
                {
                    i++;
                    if (i >= text.Length || !char.IsAsciiDigit(text[i]))
                    {
                        return (tokens, new RuleDiagnostic(RuleErrorCodes.Syntax, start, "A number needs digits after its decimal point, as in 0.5."));
                    }

                    while (i < text.Length && char.IsAsciiDigit(text[i]))
                    {
                        i++;
                    }
                }

                tokens.Add(new RuleToken(RuleTokenKind.Number, start, i - start, text[start..i]));
                continue;
            }

            if (c is '\'' or '"')
            {
                var close = text.IndexOf(c, i + 1);
                if (close < 0)
                {
                    return (tokens, new RuleDiagnostic(RuleErrorCodes.Syntax, start, $"This text has no closing {c}; end it with {c}, as in {c}{Shorten(text[(i + 1)..].TrimEnd())}{c}."));
                }

                tokens.Add(new RuleToken(RuleTokenKind.String, start, close + 1 - start, text[(i + 1)..close]));
                i = close + 1;
                continue;
            }

            var (kind, length) = Operator(text, i);
            if (length == 0)
            {
                var shown = System.Text.Rune.TryGetRuneAt(text, i, out var rune) && !System.Text.Rune.IsControl(rune)
                    ? $"'{rune}' (U+{rune.Value:X4})"
                    : $"U+{(int)c:X4}";
                return (tokens, new RuleDiagnostic(RuleErrorCodes.Syntax, start, $"Unexpected character {shown}.{Hint(c)}"));
            }

            tokens.Add(new RuleToken(kind, start, length, text.Substring(start, length)));
            i += length;
        }
    }

    /// <summary>The likely fix for a character the rule language does not have, as a sentence, or nothing.</summary>
    private static string Hint(char c) => c switch
    {
        '=' => " Did you mean '==' (a comparison)?",
        '&' => " Did you mean 'and'?",
        '|' => " Did you mean 'or'?",
        '\u2018' or '\u2019' or '\u201C' or '\u201D' => " Use straight quotes ' or \" around texts.",
        _ => "",
    };

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..17] + "...";

    private static RuleTokenKind KeywordKind(string word) => word switch
    {
        "and" => RuleTokenKind.And,
        "or" => RuleTokenKind.Or,
        "not" => RuleTokenKind.Not,
        "in" => RuleTokenKind.In,
        "true" => RuleTokenKind.True,
        "false" => RuleTokenKind.False,
        _ => RuleTokenKind.Identifier,
    };

    private static (RuleTokenKind Kind, int Length) Operator(string text, int i)
    {
        static bool At(string text, int i, string op) => string.CompareOrdinal(text, i, op, 0, op.Length) == 0;

        if (At(text, i, "<->"))
        {
            return (RuleTokenKind.Iff, 3);
        }

        (string Text, RuleTokenKind Kind)[] twoChar =
        [
            ("->", RuleTokenKind.Implies), ("==", RuleTokenKind.Equal), ("!=", RuleTokenKind.NotEqual),
            ("<=", RuleTokenKind.LessOrEqual), (">=", RuleTokenKind.GreaterOrEqual),
            ("&&", RuleTokenKind.And), ("||", RuleTokenKind.Or),
        ];
        foreach (var (op, kind) in twoChar)
        {
            if (At(text, i, op))
            {
                return (kind, 2);
            }
        }

        return text[i] switch
        {
            '<' => (RuleTokenKind.Less, 1),
            '>' => (RuleTokenKind.Greater, 1),
            '!' => (RuleTokenKind.Not, 1),
            '+' => (RuleTokenKind.Plus, 1),
            '-' => (RuleTokenKind.Minus, 1),
            '*' => (RuleTokenKind.Star, 1),
            '/' => (RuleTokenKind.Slash, 1),
            '(' => (RuleTokenKind.OpenParen, 1),
            ')' => (RuleTokenKind.CloseParen, 1),
            ',' => (RuleTokenKind.Comma, 1),
            '.' => (RuleTokenKind.Dot, 1),
            _ => (RuleTokenKind.End, 0),
        };
    }
}
