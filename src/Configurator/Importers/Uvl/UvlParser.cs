using System.Globalization;

namespace Configurator.Importers.Uvl;

/// <summary>A parsed UVL file: what it imports, its feature tree and its constraints.</summary>
internal sealed class UvlFile
{
    public List<UvlImport> Imports { get; } = [];

    public UvlFeature? Root { get; set; }

    public List<UvlNode> Constraints { get; } = [];
}

/// <summary><c>imports a.b as c</c>: the file <c>a/b.uvl</c>, whose features this file names <c>c.X</c>.</summary>
internal sealed record UvlImport(string Namespace, string Alias, int Line, int Column);

internal sealed class UvlFeature(string name, int line, int column)
{
    public string Name { get; } = name;

    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary><c>Boolean</c>, <c>Integer</c>, <c>Real</c>, <c>String</c>, or null when untyped.</summary>
    public UvlToken? Type { get; set; }

    /// <summary>Where a <c>cardinality [a..b]</c> clause stands, or null.</summary>
    public UvlToken? Cardinality { get; set; }

    public List<UvlAttribute> Attributes { get; } = [];

    public List<UvlGroup> Groups { get; } = [];
}

/// <summary>An attribute: a number, a text, a truth value, or something we keep no value of (nested attributes, vectors).</summary>
internal sealed record UvlAttribute(string Key, object? Value, int Line, int Column);

/// <summary>A group under a feature: its kind and, for <c>[a..b]</c>, the bounds (<see cref="Max"/> -1 for <c>*</c>).</summary>
internal sealed record UvlGroup(string Kind, int Min, int Max, List<UvlFeature> Children, int Line, int Column);

/// <summary>A node of a UVL constraint or expression.</summary>
internal abstract record UvlNode(int Line, int Column);

internal sealed record UvlReference(string Name, int Line, int Column) : UvlNode(Line, Column);

internal sealed record UvlNumber(decimal Value, int Line, int Column) : UvlNode(Line, Column);

internal sealed record UvlString(string Value, int Line, int Column) : UvlNode(Line, Column);

internal sealed record UvlUnary(string Operator, UvlNode Operand, int Line, int Column) : UvlNode(Line, Column);

internal sealed record UvlBinary(string Operator, UvlNode Left, UvlNode Right, int Line, int Column) : UvlNode(Line, Column);

/// <summary>A chain of <c>&amp;</c> or <c>|</c>, kept flat so that it converts to a balanced rule.</summary>
internal sealed record UvlChain(string Operator, List<UvlNode> Operands, int Line, int Column) : UvlNode(Line, Column);

/// <summary><c>sum(attr)</c>, <c>sum(feature, attr)</c>, <c>avg</c>, <c>len</c>, <c>floor</c>, <c>ceil</c>.</summary>
internal sealed record UvlCall(string Function, List<string> Arguments, int Line, int Column) : UvlNode(Line, Column);

/// <summary>
/// Recursive descent over the tokens of <see cref="UvlLexer"/>, following the UVL grammar
/// (<c>UVL-base.g4</c> of the UVL project): <c>namespace</c>, <c>include</c>, <c>imports</c>,
/// <c>features</c> and <c>constraints</c> sections; features with a type, a feature cardinality and
/// attributes; groups <c>mandatory</c>, <c>optional</c>, <c>or</c>, <c>alternative</c> and
/// <c>[a..b]</c>; constraints with <c>! &amp; | =&gt; &lt;=&gt;</c>, comparisons, <c>+ - * /</c> and
/// aggregate functions. Operators bind as usual (<c>*</c> before <c>+</c>, <c>&amp;</c> before
/// <c>|</c> before <c>=&gt;</c> before <c>&lt;=&gt;</c>) and group from the left. The first
/// syntax error stops the file, with its line and column.
/// </summary>
internal sealed class UvlParser
{
    /// <summary>The deepest feature tree or expression read; deeper files are refused, so that no recursion can exhaust the stack.</summary>
    public const int MaxDepth = 180;

    private static readonly HashSet<string> GroupKeywords = new(StringComparer.Ordinal) { "mandatory", "optional", "or", "alternative" };

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "namespace", "include", "imports", "features", "constraints", "constraint", "as", "cardinality",
        "mandatory", "optional", "or", "alternative", "true", "false", "String", "Integer", "Boolean", "Real",
        "sum", "avg", "len", "floor", "ceil",
    };

    private readonly List<UvlToken> _tokens;
    private int _position;
    private int _depth;

    private UvlParser(List<UvlToken> tokens) => _tokens = tokens;

    private UvlToken Current => _tokens[_position];

    public static UvlFile? Parse(string text, List<ImportError> errors)
    {
        var tokens = UvlLexer.Tokenize(text, errors);
        if (errors.Count > 0)
        {
            return null;
        }

        try
        {
            return new UvlParser(tokens).File();
        }
        catch (UvlSyntaxException e)
        {
            errors.Add(e.Error);
            return null;
        }
    }

    private UvlFile File()
    {
        var file = new UvlFile();
        SkipNewLines();
        if (Current.Is("namespace"))
        {
            Next();
            Reference("a namespace");
            NewLine();
        }

        SkipNewLines();
        if (Current.Is("include"))
        {
            Next();
            Block(() =>
            {
                // Language levels (Boolean, Arithmetic.aggregate-function, Type.*) say what a file
                // uses; the import checks each construct itself, so they are read and not enforced.
                while (Current.Kind is not (UvlTokenKind.NewLine or UvlTokenKind.End or UvlTokenKind.Dedent))
                {
                    Next();
                }

                NewLine();
            });
        }

        SkipNewLines();
        if (Current.Is("imports"))
        {
            Next();
            Block(() =>
            {
                var at = Current;
                var ns = Reference("a file to import");
                var alias = ns;
                if (Current.Is("as"))
                {
                    Next();
                    alias = Reference("an alias");
                }

                file.Imports.Add(new UvlImport(ns, alias, at.Line, at.Column));
                NewLine();
            });
        }

        SkipNewLines();
        if (Current.Is("features"))
        {
            Next();
            NewLine();
            Expect(UvlTokenKind.Indent, "the root feature, indented under 'features'");
            file.Root = Feature();
            if (Current.Kind != UvlTokenKind.Dedent)
            {
                throw Error(Current, $"A feature model has one root feature; {Current.Describe()} stands beside the root \"{file.Root.Name}\" (indent it under a group such as 'optional').");
            }

            Next();
        }

        SkipNewLines();
        if (Current.Is("constraints"))
        {
            Next();
            Block(() =>
            {
                file.Constraints.Add(Constraint());
                NewLine();
            });
        }

        SkipNewLines();
        if (Current.Kind != UvlTokenKind.End)
        {
            throw Error(Current, $"Expected 'constraints' or the end of the file, found {Current.Describe()}.");
        }

        return file;
    }

    /// <summary>A section body: a new line, then indented lines each read by <paramref name="line"/>.</summary>
    private void Block(Action line)
    {
        NewLine();
        if (Current.Kind != UvlTokenKind.Indent)
        {
            return;
        }

        Next();
        while (Current.Kind is not (UvlTokenKind.Dedent or UvlTokenKind.End))
        {
            line();
        }

        if (Current.Kind == UvlTokenKind.Dedent)
        {
            Next();
        }
    }

    private UvlFeature Feature()
    {
        if (++_depth > MaxDepth)
        {
            throw Error(Current, $"The feature tree nests more than {MaxDepth} levels deep.");
        }

        UvlToken? type = null;
        if (Current.Kind == UvlTokenKind.Name && Current.Text is "String" or "Integer" or "Boolean" or "Real")
        {
            type = Current;
            Next();
        }

        var at = Current;
        var feature = new UvlFeature(Reference("a feature name"), at.Line, at.Column) { Type = type };
        if (Current.Is("cardinality"))
        {
            feature.Cardinality = Current;
            Next();
            Range();
        }

        if (Current.Is("{"))
        {
            Attributes(feature.Attributes);
        }

        NewLine();
        if (Current.Kind == UvlTokenKind.Indent)
        {
            Next();
            while (Current.Kind is not (UvlTokenKind.Dedent or UvlTokenKind.End))
            {
                feature.Groups.Add(Group());
            }

            Next();
        }

        _depth--;
        return feature;
    }

    private UvlGroup Group()
    {
        var at = Current;
        int min, max;
        string kind;
        if (at.Kind == UvlTokenKind.Name && GroupKeywords.Contains(at.Text))
        {
            Next();
            kind = at.Text;
            (min, max) = (0, -1);
        }
        else if (at.Is("["))
        {
            kind = "cardinality";
            (min, max) = Range();
        }
        else
        {
            throw Error(at, $"Expected a group ('mandatory', 'optional', 'or', 'alternative' or [a..b]) under the feature above, found {at.Describe()}.");
        }

        NewLine();
        Expect(UvlTokenKind.Indent, $"the features of the '{(kind == "cardinality" ? "[a..b]" : kind)}' group, indented under it");
        var children = new List<UvlFeature>();
        while (Current.Kind is not (UvlTokenKind.Dedent or UvlTokenKind.End))
        {
            children.Add(Feature());
        }

        Next();
        return new UvlGroup(kind, min, max, children, at.Line, at.Column);
    }

    /// <summary><c>[n]</c>, <c>[n..m]</c> or <c>[n..*]</c>.</summary>
    private (int Min, int Max) Range()
    {
        var open = Current;
        Expect("[");
        var min = WholeNumber();
        var max = min;
        if (Current.Is(".."))
        {
            Next();
            if (Current.Is("*"))
            {
                Next();
                max = -1;
            }
            else
            {
                max = WholeNumber();
            }
        }

        Expect("]");
        return max >= 0 && max < min ? throw Error(open, $"The range [{min}..{max}] is empty: its upper bound is below its lower bound.") : (min, max);
    }

    private int WholeNumber()
    {
        var token = Current;
        if (token.Kind != UvlTokenKind.Number || !int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(token, $"Expected a whole number, found {token.Describe()}.");
        }

        Next();
        return value;
    }

    private void Attributes(List<UvlAttribute> attributes)
    {
        Expect("{");
        while (!Current.Is("}"))
        {
            var at = Current;
            if (at.Is("constraint") || at.Is("constraints"))
            {
                Next();
                var list = new List<UvlNode>();
                if (at.Text == "constraints")
                {
                    Expect("[");
                    while (!Current.Is("]"))
                    {
                        list.Add(Constraint());
                        if (!Current.Is("]"))
                        {
                            Expect(",");
                        }
                    }

                    Next();
                }
                else
                {
                    list.Add(Constraint());
                }

                attributes.Add(new UvlAttribute(at.Text, list, at.Line, at.Column));
            }
            else
            {
                var key = Name("an attribute name");
                attributes.Add(new UvlAttribute(key, Current.Is(",") || Current.Is("}") ? true : Value(), at.Line, at.Column));
            }

            if (!Current.Is("}"))
            {
                Expect(",");
            }
        }

        Next();
    }

    private object? Value()
    {
        var token = Current;
        switch (token.Kind)
        {
            case UvlTokenKind.String:
                Next();
                return token.Text;
            case UvlTokenKind.Number:
                Next();
                return Number(token);
            case UvlTokenKind.Symbol when token.Text == "-" && _tokens[_position + 1].Kind == UvlTokenKind.Number:
                Next();
                return -(decimal)Value()!;
            case UvlTokenKind.Name when token.Text is "true" or "false":
                Next();
                return token.Text == "true";
            case UvlTokenKind.Symbol when token.Text == "{":
                Attributes([]);
                return null;
            case UvlTokenKind.Symbol when token.Text == "[":
                Next();
                while (!Current.Is("]"))
                {
                    Value();
                    if (!Current.Is("]"))
                    {
                        Expect(",");
                    }
                }

                Next();
                return null;
            default:
                throw Error(token, $"Expected an attribute value (a number, a 'text', true, false, {{...}} or [...]), found {token.Describe()}.");
        }
    }

    private UvlNode Constraint() => Binary(["<=>"], () => Binary(["=>"], () => Chain("|", () => Chain("&", Not))));

    private UvlNode Binary(string[] operators, Func<UvlNode> operand)
    {
        var left = operand();
        while (operators.Contains(Current.Text) && Current.Kind == UvlTokenKind.Symbol)
        {
            var op = Current;
            Next();
            left = new UvlBinary(op.Text, left, operand(), op.Line, op.Column);
        }

        return left;
    }

    private UvlNode Chain(string op, Func<UvlNode> operand)
    {
        var first = operand();
        if (!Current.Is(op))
        {
            return first;
        }

        var operands = new List<UvlNode> { first };
        while (Current.Is(op))
        {
            Next();
            operands.Add(operand());
        }

        return new UvlChain(op, operands, first.Line, first.Column);
    }

    private UvlNode Not()
    {
        if (!Current.Is("!"))
        {
            return Comparison();
        }

        var at = Current;
        Next();
        Enter(at);
        var operand = Not();
        _depth--;
        return new UvlUnary("!", operand, at.Line, at.Column);
    }

    private UvlNode Comparison() => Binary(["==", "!=", "<", "<=", ">", ">="], () => Binary(["+", "-"], () => Binary(["*", "/"], Unary)));

    private UvlNode Unary()
    {
        if (!Current.Is("-"))
        {
            return Primary();
        }

        var at = Current;
        Next();
        Enter(at);
        var operand = Unary();
        _depth--;
        return operand is UvlNumber number ? number with { Value = -number.Value, Column = at.Column } : new UvlUnary("-", operand, at.Line, at.Column);
    }

    private UvlNode Primary()
    {
        var at = Current;
        switch (at.Kind)
        {
            case UvlTokenKind.Number:
                Next();
                return new UvlNumber(Number(at), at.Line, at.Column);
            case UvlTokenKind.String:
                Next();
                return new UvlString(at.Text, at.Line, at.Column);
            case UvlTokenKind.Symbol when at.Text == "(":
                Next();
                Enter(at);
                var inner = Constraint();
                _depth--;
                Expect(")");
                return inner;
            case UvlTokenKind.Name when at.Text is "sum" or "avg" or "len" or "floor" or "ceil" && _tokens[_position + 1].Is("("):
                Next();
                Next();
                var arguments = new List<string> { Reference("a name") };
                while (Current.Is(","))
                {
                    Next();
                    arguments.Add(Reference("a name"));
                }

                Expect(")");
                return new UvlCall(at.Text, arguments, at.Line, at.Column);
            case UvlTokenKind.Name when at.Text is "true" or "false":
                Next();
                return new UvlReference(at.Text, at.Line, at.Column);
            default:
                return new UvlReference(Reference("a feature, a number or '('"), at.Line, at.Column);
        }
    }

    private void Enter(UvlToken at)
    {
        if (++_depth > MaxDepth)
        {
            throw Error(at, $"The constraint nests more than {MaxDepth} levels deep; split it into several constraints.");
        }
    }

    /// <summary>A dotted reference (<c>a.b."c d"</c>) joined with dots.</summary>
    private string Reference(string what)
    {
        var name = Name(what);
        while (Current.Is(".") && _tokens[_position + 1].Kind is UvlTokenKind.Name or UvlTokenKind.QuotedName)
        {
            Next();
            name += "." + Name(what);
        }

        return name;
    }

    private string Name(string what)
    {
        var token = Current;
        if (token.Kind == UvlTokenKind.QuotedName || (token.Kind == UvlTokenKind.Name && !Keywords.Contains(token.Text)))
        {
            Next();
            return token.Text;
        }

        var hint = token.Kind switch
        {
            UvlTokenKind.Name => $"; '{token.Text}' is a keyword (write \"{token.Text}\" to use it as a name)",
            UvlTokenKind.Number => "; a name starts with a letter (quote other names: \"12B\")",
            _ => "",
        };
        throw Error(token, $"Expected {what}, found {token.Describe()}{hint}.");
    }

    private void NewLine()
    {
        if (Current.Kind == UvlTokenKind.NewLine)
        {
            Next();
            return;
        }

        if (Current.Kind == UvlTokenKind.End)
        {
            return;
        }

        throw Error(Current, $"Expected the end of the line, found {Current.Describe()}.");
    }

    private void SkipNewLines()
    {
        while (Current.Kind == UvlTokenKind.NewLine)
        {
            Next();
        }
    }

    private void Expect(string symbol)
    {
        if (!Current.Is(symbol))
        {
            throw Error(Current, $"Expected '{symbol}', found {Current.Describe()}.");
        }

        Next();
    }

    private void Expect(UvlTokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw Error(Current, $"Expected {what}, found {Current.Describe()}.");
        }

        Next();
    }

    private void Next()
    {
        if (_position < _tokens.Count - 1)
        {
            _position++;
        }
    }

    /// <summary>A number token's value; one beyond decimal's range is an error at it, not an overflow (found by a fuzz run).</summary>
    private static decimal Number(UvlToken token) =>
        decimal.TryParse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(token, $"The number {token.Text} is beyond the largest we hold (about 7.9e28, 28 to 29 digits); write a smaller one.");

    private static UvlSyntaxException Error(UvlToken at, string message) => new(new ImportError(message, at.Line) { Column = at.Column });

    private sealed class UvlSyntaxException(ImportError error) : Exception(error.Message)
    {
        public ImportError Error { get; } = error;
    }
}
