using System.Text;
using System.Text.RegularExpressions;

namespace Configurator.Tests.Fuzzing;

/// <summary>Random damage to text: truncation, deletion, duplication, swapped tokens, wrong types, huge numbers, deep nesting, odd Unicode.</summary>
internal static partial class Mutator
{
    private static readonly string[] OddText =
    [
        "\uD800", "\uDFFF", "\u200F", "\u200D", "\uFEFF", "😀", "\u0000", "\\u0000", "\\uD800", "\u0085", "\u2028", "é", "中", "\t", "\r\n", "\\", "\"", "'",
    ];

    private static readonly string[] Values =
    [
        "null", "true", "false", "0", "-1", "1.5", "1e400", "-1e400", "99999999999999999999999999999999", "0.0000000000000000000000000000001",
        "2147483648", "-2147483649", "\"\"", "\"x\"", "{}", "[]", "[null]", "{\"id\": null}", "\"*\"", "\"" + new string('a', 5000) + "\"",
    ];

    private static readonly string[] RuleFragments =
    [
        "(", ")", "and", "or", "not", "->", "<->", "==", "!=", "<", ">=", "in", "(", ",", "'", "\"", ".", "count(", "has(", "-", "*", "/ 0", "/",
        "true", "false", "1.", "99999999999999999999999999999999", "frame", "glass.weightKg", "extras", "'arched'", "nope", "&&", "||", "!",
    ];

    public static string Mutate(Random random, string text)
    {
        var rounds = random.Next(1, 4);
        for (var i = 0; i < rounds && text.Length > 0; i++)
        {
            text = random.Next(9) switch
            {
                0 => text[..random.Next(text.Length)],
                1 => Delete(random, text),
                2 => Duplicate(random, text),
                3 => SwapTokens(random, text),
                4 => ReplaceValue(random, text),
                5 => Insert(random, text, Nesting(random)),
                6 => Insert(random, text, OddText[random.Next(OddText.Length)]),
                7 => MutateRules(random, text),
                _ => Insert(random, text, Values[random.Next(Values.Length)]),
            };
        }

        return text;
    }

    /// <summary>Damage aimed at rule text: fragments, truncation, swaps, deep nesting.</summary>
    public static string MutateRule(Random random, string rule)
    {
        var rounds = random.Next(1, 4);
        for (var i = 0; i < rounds; i++)
        {
            rule = random.Next(6) switch
            {
                0 when rule.Length > 0 => rule[..random.Next(rule.Length)],
                1 => Insert(random, rule, " " + RuleFragments[random.Next(RuleFragments.Length)] + " "),
                2 => SwapTokens(random, rule),
                3 => Insert(random, rule, OddText[random.Next(OddText.Length)]),
                4 => string.Concat(Enumerable.Repeat(RuleFragments[random.Next(3)] + " ", random.Next(1, 600))) + rule,
                _ => Delete(random, rule),
            };
        }

        return rule;
    }

    private static string Delete(Random random, string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var start = random.Next(text.Length);
        return text.Remove(start, random.Next(Math.Min(50, text.Length - start) + 1));
    }

    private static string Duplicate(Random random, string text)
    {
        var start = random.Next(text.Length);
        var piece = text.Substring(start, random.Next(Math.Min(200, text.Length - start) + 1));
        return Insert(random, text, piece);
    }

    private static string Insert(Random random, string text, string piece) => text.Insert(random.Next(text.Length + 1), piece);

    private static string SwapTokens(Random random, string text)
    {
        var tokens = Token().Matches(text);
        if (tokens.Count < 2)
        {
            return text;
        }

        var (a, b) = (tokens[random.Next(tokens.Count)], tokens[random.Next(tokens.Count)]);
        if (a.Index > b.Index)
        {
            (a, b) = (b, a);
        }

        if (a.Index + a.Length > b.Index)
        {
            return text;
        }

        return new StringBuilder()
            .Append(text, 0, a.Index).Append(b.Value)
            .Append(text, a.Index + a.Length, b.Index - a.Index - a.Length).Append(a.Value)
            .Append(text, b.Index + b.Length, text.Length - b.Index - b.Length)
            .ToString();
    }

    private static string ReplaceValue(Random random, string text)
    {
        var values = JsonValue().Matches(text);
        if (values.Count == 0)
        {
            return text;
        }

        var target = values[random.Next(values.Count)];
        return string.Concat(text.AsSpan(0, target.Index), Values[random.Next(Values.Length)], text.AsSpan(target.Index + target.Length));
    }

    private static string MutateRules(Random random, string text)
    {
        var rules = RuleValue().Matches(text);
        if (rules.Count == 0)
        {
            return text;
        }

        var target = rules[random.Next(rules.Count)].Groups[1];
        var mutated = MutateRule(random, target.Value).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, target.Index), mutated, text.AsSpan(target.Index + target.Length));
    }

    private static string Nesting(Random random)
    {
        var depth = random.Next(1, 3000);
        return random.Next(2) == 0
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
    }

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|-?\d+(?:\.\d+)?|[A-Za-z_]+|[^\s\w]")]
    private static partial Regex Token();

    [GeneratedRegex(@"(?<=:\s*)(""(?:[^""\\]|\\.)*""|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)")]
    private static partial Regex JsonValue();

    [GeneratedRegex(@"""(?:rule|when|add)""\s*:\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex RuleValue();
}
