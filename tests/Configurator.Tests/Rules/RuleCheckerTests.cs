using Configurator.Modeling;
using Configurator.Rules;

namespace Configurator.Tests.Rules;

public class RuleCheckerTests
{
    private static readonly ProductModel Model = new ProductModelBuilder("m")
        .AddModule("frame", m => m
            .AddOption("rect", properties: [new("w", 4), new("material", "pvc")])
            .AddOption("arched", properties: [new("w", 5), new("material", "wood")]))
        .AddModule("colour", m => m
            .AddOption("white", properties: [new("material", "pvc")])
            .AddOption("stain"))
        .AddModule("extras", m => m.Selecting(0, 2).AddOption("handle", properties: [new("w", 1)]).AddOption("lock", properties: [new("w", 2)]))
        .Build();

    private static IReadOnlyList<RuleDiagnostic> Check(string text, RuleType expected = RuleType.Bool)
    {
        var (node, error) = RuleParser.Parse(text);
        Assert.Null(error);
        return RuleChecker.Check(node!, Model, expected);
    }

    [Theory]
    [InlineData("frame == 'rect'")]
    [InlineData("'rect' == frame")]
    [InlineData("frame != 'arched'")]
    [InlineData("frame in ('rect', 'arched')")]
    [InlineData("has(extras, 'lock')")]
    [InlineData("has(frame, 'rect')")]
    [InlineData("count(extras) <= 1")]
    [InlineData("frame.w + extras.w * 2 - 1 / 2 > -3")]
    [InlineData("frame.w / -4 < 1")]
    [InlineData("frame.w in (4, 5, -1)")]
    [InlineData("frame.material == colour.material")]
    [InlineData("frame.material != 'pvc'")]
    [InlineData("colour.material in ('pvc', 'wood')")]
    [InlineData("(frame == 'rect') == (colour == 'white')")]
    [InlineData("true <-> not false -> true or false and true")]
    public void Check_WellTypedCondition_HasNoDiagnostics(string text) => Assert.Empty(Check(text));

    [Theory]
    [InlineData("frame.w * 2 + count(extras)")]
    [InlineData("-frame.w")]
    [InlineData("3")]
    public void Check_NumericExpressionWhereANumberIsExpected_HasNoDiagnostics(string text) => Assert.Empty(Check(text, RuleType.Number));

    [Theory]
    [InlineData("frame.w", RuleErrorCodes.TypeMismatch, 1)]
    [InlineData("'rect'", RuleErrorCodes.TypeMismatch, 1)]
    [InlineData("frame", RuleErrorCodes.TypeMismatch, 1)]
    [InlineData("frame == glass", RuleErrorCodes.UnknownModule, 10)]
    [InlineData("frame == colour", RuleErrorCodes.TypeMismatch, 7)]
    [InlineData("frame == 1", RuleErrorCodes.TypeMismatch, 7)]
    [InlineData("frame == colour.material", RuleErrorCodes.TypeMismatch, 10)]
    [InlineData("frame.w == 'heavy'", RuleErrorCodes.TypeMismatch, 9)]
    [InlineData("frame.w < true", RuleErrorCodes.TypeMismatch, 11)]
    [InlineData("frame.material < 3", RuleErrorCodes.TypeMismatch, 1)]
    [InlineData("not frame.w", RuleErrorCodes.TypeMismatch, 5)]
    [InlineData("-true", RuleErrorCodes.TypeMismatch, 2)]
    [InlineData("true and 1", RuleErrorCodes.TypeMismatch, 10)]
    [InlineData("frame.w / 0 > 1", RuleErrorCodes.InvalidDivisor, 11)]
    [InlineData("frame.w / count(extras) > 1", RuleErrorCodes.InvalidDivisor, 11)]
    [InlineData("frame in ('rect', 3)", RuleErrorCodes.TypeMismatch, 19)]
    [InlineData("frame in ('rect', 'round')", RuleErrorCodes.UnknownOption, 19)]
    [InlineData("frame.w in ('a')", RuleErrorCodes.TypeMismatch, 13)]
    [InlineData("(frame == 'rect') in ('a')", RuleErrorCodes.TypeMismatch, 23)]
    [InlineData("extras != 'lock'", RuleErrorCodes.MultiSelectComparison, 8)]
    [InlineData("extras in ('lock')", RuleErrorCodes.MultiSelectComparison, 8)]
    [InlineData("has(extras, 'knob')", RuleErrorCodes.UnknownOption, 13)]
    [InlineData("count(glass) > 1", RuleErrorCodes.UnknownModule, 7)]
    [InlineData("colour.w > 1", RuleErrorCodes.UnknownProperty, 8)]
    public void Check_IllTypedCondition_ReportsCodeAndColumn(string text, string code, int column)
    {
        var diagnostic = Assert.Single(Check(text));
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(column, diagnostic.ColumnIn(text));
    }

    [Fact]
    public void Check_ManyProblems_ReportsEachOnce()
    {
        var diagnostics = Check("frame == 'x' and glass == 'y' or has(extras, 'z')");
        Assert.Equal([RuleErrorCodes.UnknownOption, RuleErrorCodes.UnknownModule, RuleErrorCodes.UnknownOption], diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Check_TextPropertyMissingOnSomeOptions_IsAllowed() =>
        Assert.Empty(Check("colour.material == 'pvc'"));
}
