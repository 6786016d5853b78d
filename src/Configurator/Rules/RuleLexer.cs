namespace Configurator.Rules;

/// <summary>Splits rule text into tokens. Stops at the first character it cannot read.</summary>
internal static class RuleLexer
{
    /// <summary>Writes the text's tokens, the last one <see cref="RuleTokenKind.End"/>, to <paramref name="tokens"/> (cleared first); the first error, if any, stops it.</summary>
    public static RuleDiagnostic? Tokenize(string text, List<RuleToken> tokens)
    {
        tokens.Clear();
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
                return null;
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
                        return new RuleDiagnostic(RuleErrorCodes.Syntax, start, "A number needs digits after its decimal point, as in 0.5.");
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
                    return new RuleDiagnostic(RuleErrorCodes.Syntax, start, $"This text has no closing {c}; end it with {c}, as in {c}{Shorten(text[(i + 1)..].TrimEnd())}{c}.");
                }

                tokens.Add(new RuleToken(RuleTokenKind.String, start, close + 1 - start, text[(i + 1)..close]));
                i = close + 1;
                continue;
            }

            var (kind, op) = Operator(text, i);
            if (op.Length == 0)
            {
                var shown = System.Text.Rune.TryGetRuneAt(text, i, out var rune) && !System.Text.Rune.IsControl(rune)
                    ? $"'{rune}' (U+{rune.Value:X4})"
                    : $"U+{(int)c:X4}";
                return new RuleDiagnostic(RuleErrorCodes.Syntax, start, $"Unexpected character {shown}.{Hint(c)}");
            }

            tokens.Add(new RuleToken(kind, start, op.Length, op));
            i += op.Length;
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

    // Longest first: "<->" before "<=" before "<".
    private static readonly (string Text, RuleTokenKind Kind)[] Operators =
    [
        ("<->", RuleTokenKind.Iff),
        ("->", RuleTokenKind.Implies), ("==", RuleTokenKind.Equal), ("!=", RuleTokenKind.NotEqual),
        ("<=", RuleTokenKind.LessOrEqual), (">=", RuleTokenKind.GreaterOrEqual),
        ("&&", RuleTokenKind.And), ("||", RuleTokenKind.Or),
        ("<", RuleTokenKind.Less), (">", RuleTokenKind.Greater), ("!", RuleTokenKind.Not),
        ("+", RuleTokenKind.Plus), ("-", RuleTokenKind.Minus), ("*", RuleTokenKind.Star), ("/", RuleTokenKind.Slash),
        ("(", RuleTokenKind.OpenParen), (")", RuleTokenKind.CloseParen), (",", RuleTokenKind.Comma), (".", RuleTokenKind.Dot),
    ];

    /// <summary>The operator at <paramref name="i"/> and its text (the same string every time); the empty text when there is none.</summary>
    private static (RuleTokenKind Kind, string Text) Operator(string text, int i)
    {
        foreach (var (op, kind) in Operators)
        {
            if (string.CompareOrdinal(text, i, op, 0, op.Length) == 0)
            {
                return (kind, op);
            }
        }

        return (RuleTokenKind.End, "");
    }
}
