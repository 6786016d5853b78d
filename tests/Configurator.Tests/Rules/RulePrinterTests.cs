using Configurator.Rules;
using Configurator.Tests.Generators;
using CsCheck;

namespace Configurator.Tests.Rules;

public class RulePrinterTests
{
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
    public void Print_GivesCanonicalText(string text, string expected) => Assert.Equal(expected, Canonical(text));

    [Fact]
    public void Print_AnyTree_ParsesBackToAnEqualTree() =>
        Gen.Int.Sample(seed =>
        {
            var tree = RandomRules.Any(new Random(seed), 5);
            var text = RulePrinter.Print(tree);
            var (parsed, error) = RuleParser.Parse(text);
            Assert.True(error is null, $"'{text}' failed to parse: {error?.Message}");
            Assert.Equal(tree, parsed);
            Assert.Equal(text, RulePrinter.Print(parsed!));
        }, iter: 5000);

    [Fact]
    public void Print_IsIdempotentOnCanonicalText() =>
        Gen.Int.Sample(seed =>
        {
            var text = RulePrinter.Print(RandomRules.Any(new Random(seed), 4));
            Assert.Equal(text, Canonical(text));
        }, iter: 2000);
}
