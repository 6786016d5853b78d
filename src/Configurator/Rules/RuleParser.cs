using System.Collections.Immutable;
using System.Globalization;

namespace Configurator.Rules;

/// <summary>
/// Recursive-descent parser for the rule language of the model format. Reports the first syntax
/// error with its offset. Trees deeper than <see cref="MaxDepth"/> are refused, so that every later
/// recursive pass over a tree (checking, printing, compiling) is safe from stack overflow.
/// </summary>
internal sealed class RuleParser
{
    public const int MaxDepth = 200;

    // A token list this long (a rule of thousands of terms) is not kept for the next parse.
    private const int MaxKeptTokens = 4096;

    [ThreadStatic]
    private static List<RuleToken>? t_tokens;

    private readonly string _text;
    private readonly List<RuleToken> _tokens;
    private int _position;
    private int _nesting;

    private RuleParser(string text, List<RuleToken> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    private RuleToken Current => _tokens[_position];

    /// <summary>Parses a whole rule or expression.</summary>
    public static (RuleNode? Node, RuleDiagnostic? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // One token list per thread, taken while in use: a model's rules are parsed one after
        // another (23,000 in automotive2_4, twice: validation and compiling).
        var tokens = t_tokens ?? new List<RuleToken>();
        t_tokens = null;
        try
        {
            return Parse(text, tokens);
        }
        finally
        {
            t_tokens = tokens.Capacity <= MaxKeptTokens ? tokens : null;
        }
    }

    private static (RuleNode? Node, RuleDiagnostic? Error) Parse(string text, List<RuleToken> tokens)
    {
        if (RuleLexer.Tokenize(text, tokens) is { } lexError)
        {
            return (null, lexError);
        }

        var parser = new RuleParser(text, tokens);
        try
        {
            if (parser.Current.Kind == RuleTokenKind.End)
            {
                throw new ParseFailure(new RuleDiagnostic(RuleErrorCodes.Syntax, 0, "The rule is empty; write a condition such as frame == 'rect'."));
            }

            var node = parser.ParseIff();
            if (parser.Current.Kind != RuleTokenKind.End)
            {
                throw parser.Unexpected("an operator or the end of the rule");
            }

            return (node, null);
        }
        catch (ParseFailure failure)
        {
            return (null, failure.Diagnostic);
        }
    }

    private RuleNode ParseIff()
    {
        var left = ParseImplies();
        while (Current.Kind == RuleTokenKind.Iff)
        {
            var op = Advance();
            left = Binary(BinaryOperator.Iff, left, ParseImplies(), op);
        }

        return left;
    }

    private RuleNode ParseImplies()
    {
        var left = ParseOr();
        if (Current.Kind != RuleTokenKind.Implies)
        {
            return left;
        }

        var op = Advance();
        return Binary(BinaryOperator.Implies, left, Nested(op.Offset, Level.Implies), op);
    }

    private RuleNode ParseOr() => ParseChain(RuleTokenKind.Or, BinaryOperator.Or, Level.And);

    private RuleNode ParseAnd() => ParseChain(RuleTokenKind.And, BinaryOperator.And, Level.Not);

    /// <summary>
    /// A run of one associative operator (<c>a or b or c</c>) as a balanced tree, so that its depth
    /// grows with the logarithm of its length: a flat <c>or</c> of 10,000 terms is 14 levels deep,
    /// not 10,000, and only real nesting counts against <see cref="MaxDepth"/>.
    /// </summary>
    private RuleNode ParseChain(RuleTokenKind token, BinaryOperator op, Level operand)
    {
        var first = ParseAt(operand);
        if (Current.Kind != token)
        {
            return first;
        }

        List<RuleNode> operands = [first];
        List<RuleToken> operators = [];
        while (Current.Kind == token)
        {
            operators.Add(Advance());
            operands.Add(ParseAt(operand));
        }

        return Balanced(op, operands, operators, 0, operands.Count);
    }

    /// <summary>The balanced tree of operands [start, end): the left half takes the odd one, the shape <see cref="RulePrinter"/> prints flat.</summary>
    private static RuleNode Balanced(BinaryOperator op, List<RuleNode> operands, List<RuleToken> operators, int start, int end)
    {
        if (end - start == 1)
        {
            return operands[start];
        }

        var middle = start + ((end - start + 1) / 2);
        return Binary(op, Balanced(op, operands, operators, start, middle), Balanced(op, operands, operators, middle, end), operators[middle - 1]);
    }

    private RuleNode ParseNot()
    {
        if (Current.Kind != RuleTokenKind.Not)
        {
            return ParseComparison();
        }

        var op = Advance();
        return Unary(UnaryOperator.Not, Nested(op.Offset, Level.Not), op);
    }

    private RuleNode ParseComparison()
    {
        var left = ParseSum();
        BinaryOperator? comparison = Current.Kind switch
        {
            RuleTokenKind.Equal => BinaryOperator.Equal,
            RuleTokenKind.NotEqual => BinaryOperator.NotEqual,
            RuleTokenKind.Less => BinaryOperator.Less,
            RuleTokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
            RuleTokenKind.Greater => BinaryOperator.Greater,
            RuleTokenKind.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
            _ => null,
        };
        if (comparison is { } compare)
        {
            var op = Advance();
            return Binary(compare, left, ParseSum(), op);
        }

        if (Current.Kind == RuleTokenKind.In)
        {
            var op = Advance();
            Expect(RuleTokenKind.OpenParen, "'(' after 'in'");
            var items = ImmutableArray.CreateBuilder<RuleNode>();
            do
            {
                items.Add(ParseListLiteral());
            }
            while (TryAccept(RuleTokenKind.Comma));

            Expect(RuleTokenKind.CloseParen, "',' or ')' in the list after 'in'");
            var node = InExpression.Create(left, items.ToImmutable()) with { Offset = left.Offset, OperatorOffset = op.Offset, Depth = left.Depth + 1 };
            return CheckDepth(node);
        }

        return left;
    }

    private RuleNode ParseListLiteral()
    {
        var start = Current.Offset;
        var negative = TryAccept(RuleTokenKind.Minus);
        var token = Current;
        switch (token.Kind)
        {
            case RuleTokenKind.Number:
                Advance();
                var number = Number(token);
                return negative
                    ? new UnaryExpression(UnaryOperator.Negate, number) { Offset = start, Depth = 2 }
                    : number;
            case RuleTokenKind.String when !negative:
                Advance();
                return new StringLiteral(token.Text) { Offset = token.Offset };
            default:
                throw Unexpected(negative ? "a number" : "an option id in quotes or a number");
        }
    }

    private RuleNode ParseSum()
    {
        // A sum of additions only (a weight over hundreds of parts) is balanced like 'or'; once a
        // minus appears the run is built left to right, as subtraction is not associative.
        var first = ParseProduct();
        List<RuleNode> operands = [first];
        List<RuleToken> operators = [];
        while (Current.Kind is RuleTokenKind.Plus or RuleTokenKind.Minus)
        {
            operators.Add(Advance());
            operands.Add(ParseProduct());
        }

        if (operators.TrueForAll(o => o.Kind == RuleTokenKind.Plus))
        {
            return Balanced(BinaryOperator.Add, operands, operators, 0, operands.Count);
        }

        var left = first;
        for (var i = 0; i < operators.Count; i++)
        {
            left = Binary(operators[i].Kind == RuleTokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract, left, operands[i + 1], operators[i]);
        }

        return left;
    }

    private RuleNode ParseProduct()
    {
        var left = ParseUnary();
        while (Current.Kind is RuleTokenKind.Star or RuleTokenKind.Slash)
        {
            var op = Advance();
            var kind = op.Kind == RuleTokenKind.Star ? BinaryOperator.Multiply : BinaryOperator.Divide;
            left = Binary(kind, left, ParseUnary(), op);
        }

        return left;
    }

    private RuleNode ParseUnary()
    {
        if (Current.Kind != RuleTokenKind.Minus)
        {
            return ParsePrimary();
        }

        var op = Advance();
        return Unary(UnaryOperator.Negate, Nested(op.Offset, Level.Unary), op);
    }

    private RuleNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case RuleTokenKind.Number:
                Advance();
                return Number(token);
            case RuleTokenKind.String:
                Advance();
                return new StringLiteral(token.Text) { Offset = token.Offset };
            case RuleTokenKind.True or RuleTokenKind.False:
                Advance();
                return new BoolLiteral(token.Kind == RuleTokenKind.True) { Offset = token.Offset };
            case RuleTokenKind.OpenParen:
                Advance();
                var inner = Nested(token.Offset, Level.Iff);
                // The column is counted only on failure: counting it for every '(' made long rules quadratic.
                if (Current.Kind != RuleTokenKind.CloseParen)
                {
                    throw Unexpected("')' to close the '(' at column " + new RuleDiagnostic("", token.Offset, "").ColumnIn(_text),
                        Current.Kind == RuleTokenKind.End ? " Add ')' at the end, or remove the '('." : "");
                }

                Advance();
                return inner;
            case RuleTokenKind.Identifier:
                return ParseName();
            default:
                throw Unexpected("a module, a number, a text in quotes, true, false, count(...), has(...) or '('");
        }
    }

    private RuleNode ParseName()
    {
        var name = Advance();
        if (Current.Kind == RuleTokenKind.OpenParen && name.Text is "count" or "has")
        {
            Advance();
            var module = Expect(RuleTokenKind.Identifier, $"a module id as the first argument of {name.Text}(...)");
            if (name.Text == "count")
            {
                Expect(RuleTokenKind.CloseParen, "')' after count's module");
                return new CountCall(module.Text) { Offset = name.Offset, ModuleOffset = module.Offset, Depth = 2 };
            }

            Expect(RuleTokenKind.Comma, "',' and an option id after has's module");
            var option = Expect(RuleTokenKind.String, "an option id in quotes as the second argument of has(...)");
            Expect(RuleTokenKind.CloseParen, "')' after has's option");
            return new HasCall(module.Text, option.Text) { Offset = name.Offset, ModuleOffset = module.Offset, OptionOffset = option.Offset, Depth = 2 };
        }

        if (TryAccept(RuleTokenKind.Dot))
        {
            var property = Expect(RuleTokenKind.Identifier, $"a property name after '{name.Text}.'");
            return new PropertyReference(name.Text, property.Text) { Offset = name.Offset, PropertyOffset = property.Offset };
        }

        return new ModuleReference(name.Text) { Offset = name.Offset };
    }

    private static NumberLiteral Number(RuleToken token)
    {
        if (!decimal.TryParse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new ParseFailure(new RuleDiagnostic(RuleErrorCodes.NumberOutOfRange, token.Offset, $"The number {Shorten(token.Text)} is too large; numbers must lie within ±79,228,162,514,264,337,593,543,950,335."));
        }

        return new NumberLiteral(value) { Offset = token.Offset };
    }

    private static RuleNode Binary(BinaryOperator op, RuleNode left, RuleNode right, RuleToken token) =>
        CheckDepth(new BinaryExpression(op, left, right) { Offset = left.Offset, OperatorOffset = token.Offset, Depth = Math.Max(left.Depth, right.Depth) + 1 });

    private static RuleNode Unary(UnaryOperator op, RuleNode operand, RuleToken token) =>
        CheckDepth(new UnaryExpression(op, operand) { Offset = token.Offset, Depth = operand.Depth + 1 });

    private static RuleNode CheckDepth(RuleNode node) => node.Depth > MaxDepth
        ? throw new ParseFailure(new RuleDiagnostic(RuleErrorCodes.TooDeep, node.Offset, $"The rule nests more than {MaxDepth} levels deep; split it into several constraints."))
        : node;

    /// <summary>The grammar levels that are parsed from more than one place (a level rather than a delegate: a delegate per call was a sixth of what a parse allocated).</summary>
    private enum Level
    {
        Iff,
        Implies,
        And,
        Not,
        Unary,
    }

    private RuleNode ParseAt(Level level) => level switch
    {
        Level.Iff => ParseIff(),
        Level.Implies => ParseImplies(),
        Level.And => ParseAnd(),
        Level.Not => ParseNot(),
        _ => ParseUnary(),
    };

    // Recursion that has not built a node yet (parentheses, 'not', '-', '->') is bounded here, before the stack grows.
    private RuleNode Nested(int offset, Level level)
    {
        if (++_nesting > MaxDepth)
        {
            throw new ParseFailure(new RuleDiagnostic(RuleErrorCodes.TooDeep, offset, $"The rule nests more than {MaxDepth} levels deep; split it into several constraints."));
        }

        var node = ParseAt(level);
        _nesting--;
        return node;
    }

    private RuleToken Advance()
    {
        var token = _tokens[_position];
        if (token.Kind != RuleTokenKind.End)
        {
            _position++;
        }

        return token;
    }

    private bool TryAccept(RuleTokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private RuleToken Expect(RuleTokenKind kind, string what) =>
        Current.Kind == kind ? Advance() : throw Unexpected(what);

    private ParseFailure Unexpected(string expected, string hint = "")
    {
        var token = Current;
        var found = token.Kind switch
        {
            RuleTokenKind.End => "the end of the rule",
            RuleTokenKind.String => $"the text '{Shorten(token.Text)}'",
            _ => $"'{Shorten(token.Text)}'",
        };
        if (hint.Length == 0 && token.Kind == RuleTokenKind.CloseParen)
        {
            hint = " It closes no '('; remove it, or add the '(' it belongs to.";
        }

        return new ParseFailure(new RuleDiagnostic(RuleErrorCodes.Syntax, token.Offset, $"Expected {expected}, found {found}.{hint}"));
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..27] + "...";

    // Unwinds the recursive descent at the first error; never leaves the parser.
    private sealed class ParseFailure(RuleDiagnostic diagnostic) : Exception(diagnostic.Message)
    {
        public RuleDiagnostic Diagnostic { get; } = diagnostic;
    }
}
