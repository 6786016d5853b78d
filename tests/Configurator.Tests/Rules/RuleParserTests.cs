using Configurator.Rules;

namespace Configurator.Tests.Rules;

public class RuleParserTests
{
    private static RuleNode Parse(string text)
    {
        var (node, error) = RuleParser.Parse(text);
        Assert.Null(error);
        return node!;
    }

    private static RuleDiagnostic Fail(string text)
    {
        var (node, error) = RuleParser.Parse(text);
        Assert.Null(node);
        return Assert.NotNull(error);
    }

    private static ModuleReference M(string id) => new(id);

    private static BinaryExpression Eq(string module, string option) => new(BinaryOperator.Equal, M(module), new StringLiteral(option));

    [Fact]
    public void Parse_Literals_GiveLiteralNodes()
    {
        Assert.Equal(new NumberLiteral(12), Parse("12"));
        Assert.Equal(new NumberLiteral(0.5m), Parse("0.5"));
        Assert.Equal(new StringLiteral("it's"), Parse("\"it's\""));
        Assert.Equal(new StringLiteral("a \"b\""), Parse("'a \"b\"'"));
        Assert.Equal(new BoolLiteral(true), Parse("true"));
        Assert.Equal(new BoolLiteral(false), Parse(" false "));
    }

    [Fact]
    public void Parse_Names_GiveModulePropertyAndFunctionNodes()
    {
        Assert.Equal(M("frame"), Parse("frame"));
        Assert.Equal(new PropertyReference("glass", "weightKg"), Parse("glass.weightKg"));
        Assert.Equal(new CountCall("extras"), Parse("count(extras)"));
        Assert.Equal(new HasCall("extras", "lock"), Parse("has( extras , 'lock' )"));

        // Without '(' the function names are ordinary module names.
        Assert.Equal(Eq("count", "x"), Parse("count == 'x'"));
    }

    [Theory]
    [InlineData("==", (int)BinaryOperator.Equal)]
    [InlineData("!=", (int)BinaryOperator.NotEqual)]
    [InlineData("<", (int)BinaryOperator.Less)]
    [InlineData("<=", (int)BinaryOperator.LessOrEqual)]
    [InlineData(">", (int)BinaryOperator.Greater)]
    [InlineData(">=", (int)BinaryOperator.GreaterOrEqual)]
    public void Parse_Comparison_GivesBinaryNode(string symbol, int expected) =>
        Assert.Equal(new BinaryExpression((BinaryOperator)expected, new PropertyReference("a", "w"), new NumberLiteral(3)), Parse($"a.w {symbol} 3"));

    [Fact]
    public void Parse_InList_TakesStringsAndSignedNumbers()
    {
        Assert.Equal(InExpression.Create(M("frame"), [new StringLiteral("a"), new StringLiteral("b")]), Parse("frame in ('a', \"b\")"));
        Assert.Equal(
            InExpression.Create(new PropertyReference("a", "w"), [new NumberLiteral(1), new UnaryExpression(UnaryOperator.Negate, new NumberLiteral(2.5m))]),
            Parse("a.w in (1, -2.5)"));
    }

    [Theory]
    [InlineData("a == 'x' and b == 'y'")]
    [InlineData("a == 'x' && b == 'y'")]
    public void Parse_AndSpellings_AreTheSame(string text) =>
        Assert.Equal(new BinaryExpression(BinaryOperator.And, Eq("a", "x"), Eq("b", "y")), Parse(text));

    [Theory]
    [InlineData("a == 'x' or b == 'y'")]
    [InlineData("a == 'x' || b == 'y'")]
    public void Parse_OrSpellings_AreTheSame(string text) =>
        Assert.Equal(new BinaryExpression(BinaryOperator.Or, Eq("a", "x"), Eq("b", "y")), Parse(text));

    [Theory]
    [InlineData("not a == 'x'")]
    [InlineData("!a == 'x'")]
    public void Parse_Not_BindsLooserThanComparison(string text) =>
        Assert.Equal(new UnaryExpression(UnaryOperator.Not, Eq("a", "x")), Parse(text));

    [Fact]
    public void Parse_Precedence_FollowsTheGrammar()
    {
        var a = Eq("a", "x");
        var b = Eq("b", "y");
        var c = Eq("c", "z");

        // not > and > or > -> > <->
        Assert.Equal(new BinaryExpression(BinaryOperator.Or, new UnaryExpression(UnaryOperator.Not, a), new BinaryExpression(BinaryOperator.And, b, c)),
            Parse("not a == 'x' or b == 'y' and c == 'z'"));
        Assert.Equal(new BinaryExpression(BinaryOperator.Implies, new BinaryExpression(BinaryOperator.Or, a, b), c),
            Parse("a == 'x' or b == 'y' -> c == 'z'"));
        Assert.Equal(new BinaryExpression(BinaryOperator.Iff, new BinaryExpression(BinaryOperator.Implies, a, b), c),
            Parse("a == 'x' -> b == 'y' <-> c == 'z'"));

        // * > + > comparison
        Assert.Equal(
            new BinaryExpression(BinaryOperator.Less,
                new BinaryExpression(BinaryOperator.Add, new NumberLiteral(1), new BinaryExpression(BinaryOperator.Multiply, new NumberLiteral(2), new NumberLiteral(3))),
                new NumberLiteral(9)),
            Parse("1 + 2 * 3 < 9"));

        // unary minus binds tightest
        Assert.Equal(new BinaryExpression(BinaryOperator.Multiply, new UnaryExpression(UnaryOperator.Negate, new NumberLiteral(1)), new NumberLiteral(2)), Parse("-1 * 2"));
        Assert.Equal(new UnaryExpression(UnaryOperator.Negate, new UnaryExpression(UnaryOperator.Negate, new NumberLiteral(1))), Parse("- -1"));

        // parentheses override
        Assert.Equal(new BinaryExpression(BinaryOperator.And, a, new BinaryExpression(BinaryOperator.Or, b, c)), Parse("a == 'x' and (b == 'y' or c == 'z')"));
    }

    [Fact]
    public void Parse_Associativity_LeftExceptImplies()
    {
        var (one, two, three) = (new NumberLiteral(1), new NumberLiteral(2), new NumberLiteral(3));
        Assert.Equal(new BinaryExpression(BinaryOperator.Subtract, new BinaryExpression(BinaryOperator.Subtract, one, two), three), Parse("1 - 2 - 3"));
        Assert.Equal(new BinaryExpression(BinaryOperator.Divide, new BinaryExpression(BinaryOperator.Divide, one, two), three), Parse("1 / 2 / 3"));

        var (a, b, c) = (new BoolLiteral(true), new BoolLiteral(false), new BoolLiteral(true));
        Assert.Equal(new BinaryExpression(BinaryOperator.Implies, a, new BinaryExpression(BinaryOperator.Implies, b, c)), Parse("true -> false -> true"));
        Assert.Equal(new BinaryExpression(BinaryOperator.Iff, new BinaryExpression(BinaryOperator.Iff, a, b), c), Parse("true <-> false <-> true"));
        Assert.Equal(new BinaryExpression(BinaryOperator.And, new BinaryExpression(BinaryOperator.And, a, b), c), Parse("true and false and true"));
        Assert.Equal(new BinaryExpression(BinaryOperator.Or, new BinaryExpression(BinaryOperator.Or, a, b), c), Parse("true or false or true"));
    }

    [Fact]
    public void Parse_ComparisonChain_IsASyntaxError()
    {
        var error = Fail("a.w == 1 == 2");
        Assert.Equal(RuleErrorCodes.Syntax, error.Code);
        Assert.Equal(10, error.ColumnIn("a.w == 1 == 2"));
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("   ", 1, "empty")]
    [InlineData("frame ==", 9, "end of the rule")]
    [InlineData("frame == 'rect", 10, "closing")]
    [InlineData("weight > 1.", 10, "decimal point")]
    [InlineData("frame # 1", 7, "'#'")]
    [InlineData("(a == 'x'", 10, "')'")]
    [InlineData("has(frame)", 10, "','")]
    [InlineData("has(frame, rect)", 12, "quotes")]
    [InlineData("count('x')", 7, "module id")]
    [InlineData("frame.", 7, "property name")]
    [InlineData("a in ()", 7, "option id")]
    [InlineData("a in ('x' 'y')", 11, "',' or ')'")]
    [InlineData("a == 'x' b", 10, "end of the rule")]
    [InlineData("AND", 1, "")]
    [InlineData("'😀😀' == a #", 11, "'#'")]
    [InlineData("x == '\u0007' \u0001", 10, "U+0001")]
    public void Parse_SyntaxError_ReportsColumn(string text, int column, string messagePart)
    {
        if (text == "AND")
        {
            // Keywords are case-sensitive: AND is a module name, so this parses.
            Assert.Equal(M("AND"), Parse(text));
            return;
        }

        var error = Fail(text);
        Assert.Equal(RuleErrorCodes.Syntax, error.Code);
        Assert.Equal(column, error.ColumnIn(text));
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HugeNumber_IsOutOfRange()
    {
        var error = Fail("a.w < 99999999999999999999999999999999");
        Assert.Equal(RuleErrorCodes.NumberOutOfRange, error.Code);
        Assert.Equal(7, error.ColumnIn("a.w < 99999999999999999999999999999999"));
    }

    [Theory]
    [InlineData(300, "not ", "true", "")]
    [InlineData(300, "(", "true", ")")]
    [InlineData(300, "-", "1 > 0", "")]
    [InlineData(300, "true -> ", "true", "")]
    public void Parse_DeepNesting_IsRefusedNotOverflowed(int repeat, string prefix, string core, string suffix)
    {
        var text = string.Concat(Enumerable.Repeat(prefix, repeat)) + core + string.Concat(Enumerable.Repeat(suffix, repeat));
        Assert.Equal(RuleErrorCodes.TooDeep, Fail(text).Code);
    }

    [Theory]
    [InlineData(" or ", 201)]
    [InlineData(" and ", 100_000)]
    [InlineData(" + ", 5_000)]
    public void Parse_FlatOrOf201Terms_IsNotNesting(string op, int terms)
    {
        // Hardening, item 8: a flat chain was a left-deep tree, refused as "nests more than 200 levels deep".
        var operand = op == " + " ? "1" : "true";
        var text = string.Join(op, Enumerable.Repeat(operand, terms));
        var node = Parse(text);
        Assert.True(node.Depth <= (int)Math.Ceiling(Math.Log2(terms)) + 1, $"depth {node.Depth}");
        Assert.Equal(text, RulePrinter.Print(node));
    }

    [Fact]
    public void Parse_LongChainWithSubtraction_IsStillNestingBecauseItIsNotAssociative()
    {
        var text = string.Join(" - ", Enumerable.Repeat("1", 1000)) + " < 0";
        Assert.Equal(RuleErrorCodes.TooDeep, Fail(text).Code);
    }

    [Fact]
    public void Parse_DeepParenthesesInsideAFlatChain_StillCountAsNesting()
    {
        var deep = string.Concat(Enumerable.Repeat("(", RuleParser.MaxDepth + 5)) + "true" + string.Concat(Enumerable.Repeat(")", RuleParser.MaxDepth + 5));
        Assert.Equal(RuleErrorCodes.TooDeep, Fail($"true or {deep} or false").Code);
    }

    [Fact]
    public void Parse_NestingJustWithinTheLimit_Parses()
    {
        var depth = RuleParser.MaxDepth - 1;
        var text = string.Concat(Enumerable.Repeat("not ", depth)) + "true";
        Assert.IsType<UnaryExpression>(Parse(text));
    }

    [Fact]
    public void Parse_Offsets_PointAtTheNode()
    {
        var node = Assert.IsType<BinaryExpression>(Parse("  frame == 'rect'"));
        Assert.Equal(2, node.Offset);
        Assert.Equal(8, node.OperatorOffset);
        Assert.Equal(11, node.Right.Offset);
    }
}
