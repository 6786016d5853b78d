using Configurator.Rules;
using Configurator.Tests.Generators;
using CsCheck;

namespace Configurator.Tests.Rules;

public class RulePrinterTests
{
    /// <summary>The tree's text parses to an equal tree, which prints as the same text.</summary>
    private static void AssertParsesBackToItself(RuleNode tree)
    {
        var text = RulePrinter.Print(tree);
        var (parsed, error) = RuleParser.Parse(text);
        Assert.True(error is null, $"'{text}' failed to parse: {error?.Message}");
        Assert.Equal(tree, parsed);
        Assert.Equal(text, RulePrinter.Print(parsed!));
    }

    private static string Canonical(string text)
    {
        var (node, error) = RuleParser.Parse(text);
        Assert.Null(error);
        return RulePrinter.Print(node!);
    }

    [Theory]
    [InlineData("frame=='arched'&&glass!=\"triple\"", "frame == 'arched' and glass != 'triple'")]
    [InlineData("!(a=='x')||b=='y'", "not a == 'x' or b == 'y'")]
    [InlineData("(a == 'x' -> b == 'y') -> c == 'z'", "(a == 'x' -> b == 'y') -> c == 'z'")]
    [InlineData("a == 'x' -> (b == 'y' -> c == 'z')", "a == 'x' -> b == 'y' -> c == 'z'")]
    [InlineData("1 - (2 - 3) < 4", "1 - (2 - 3) < 4")]
    [InlineData("(1 - 2) - 3 < 4", "1 - 2 - 3 < 4")]
    [InlineData("(1 + 2) * 3.50 >= 0010", "(1 + 2) * 3.5 >= 10")]
    [InlineData("-(1 + 2) < - - 3", "-(1 + 2) < --3")]
    [InlineData("not (not true)", "not not true")]
    [InlineData("(a == 'x') == (b == 'y')", "(a == 'x') == (b == 'y')")]
    [InlineData("x in ( 'a' ,\"it's\", -1 )", "x in ('a', \"it's\", -1)")]
    [InlineData("has(extras,\"lock\") and count(extras) <= 2", "has(extras, 'lock') and count(extras) <= 2")]
    [InlineData("(true <-> false) <-> (true <-> false)", "true <-> false <-> (true <-> false)")]
    [InlineData("((a.w))", "a.w")]
    [InlineData("1 + 2 + 3 + 4 - 5 < 6", "1 + 2 + 3 + 4 - 5 < 6")]
    [InlineData("(1 + 2 + 3 + 4) - 5 < 6", "(1 + 2 + 3 + 4) - 5 < 6")]
    [InlineData("(1 + 2 + 3) - 4 - (5 - 6) + 7 < 8", "1 + 2 + 3 - 4 - (5 - 6) + 7 < 8")]
    [InlineData("a.w - b.w + c.w == 1", "a.w - b.w + c.w == 1")]
    [InlineData("(a.w - b.w) + (c.w + d.w) + e.w == 1", "a.w - b.w + (c.w + d.w) + e.w == 1")]
    public void Print_GivesCanonicalText(string text, string expected) => Assert.Equal(expected, Canonical(text));

    [Fact]
    public void Print_AnyTree_ParsesBackToAnEqualTree() =>
        Gen.Int.Sample(seed => AssertParsesBackToItself(RandomRules.Any(new Random(seed), 5)), iter: 5000);

    [Theory]
    [InlineData("(1 + 2 + 3 + 4) - 5 < 6")]
    [InlineData("1 + 2 + 3 + 4 - 5 < 6")]
    [InlineData("(a.w + b.w) + (c.w + d.w + e.w) - f.w * 2 + (g.w - h.w) == 0")]
    public void Print_ARunWithAMinus_ParsesBackToAnEqualTree(string text)
    {
        // Additions alone parse balanced, a run with a minus left to right: each shape must print so that it parses back to itself.
        var tree = RuleParser.Parse(text).Node!;
        Assert.Equal(tree, RuleParser.Parse(RulePrinter.Print(tree)).Node);
    }

    [Fact]
    public void Print_AnySum_ParsesBackToAnEqualTree() =>
        Gen.Int.Sample(seed =>
        {
            // Runs of + and - are where the parser's two shapes meet (balanced without a minus, left to right with one).
            AssertParsesBackToItself(new BinaryExpression(BinaryOperator.LessOrEqual, RandomRules.Sum(new Random(seed), 5), new NumberLiteral(0)));
        }, iter: 3000);

    [Fact]
    public void Print_IsIdempotentOnCanonicalText() =>
        Gen.Int.Sample(seed =>
        {
            var text = RulePrinter.Print(RandomRules.Any(new Random(seed), 4));
            Assert.Equal(text, Canonical(text));
        }, iter: 2000);
}
