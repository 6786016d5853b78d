using System.Text;

namespace Configurator.Importers.Uvl;

internal enum UvlTokenKind
{
    Name,
    QuotedName,
    String,
    Number,
    Symbol,
    NewLine,
    Indent,
    Dedent,
    End,
}

/// <summary>A token of a UVL file with its 1-based line and column.</summary>
internal readonly record struct UvlToken(UvlTokenKind Kind, string Text, int Line, int Column)
{
    public bool Is(string symbolOrKeyword) => Kind is UvlTokenKind.Symbol or UvlTokenKind.Name && Text == symbolOrKeyword;

    public string Describe() => Kind switch
    {
        UvlTokenKind.NewLine => "the end of the line",
        UvlTokenKind.Indent => "a deeper indentation",
        UvlTokenKind.Dedent => "a shallower indentation",
        UvlTokenKind.End => "the end of the file",
        UvlTokenKind.QuotedName => $"\"{Text}\"",
        UvlTokenKind.String => $"'{Text}'",
        _ => $"'{Text}'",
    };
}

/// <summary>
/// Splits UVL text into tokens, turning indentation into <see cref="UvlTokenKind.Indent"/> and
/// <see cref="UvlTokenKind.Dedent"/> tokens as Python does (blank and comment-only lines do not
/// count; a tab counts as four columns of indentation). Comments are <c>//</c> to the end of the
/// line and <c>/* ... */</c>.
/// </summary>
internal static class UvlLexer
{
    private static readonly string[] Symbols = ["<=>", "=>", "==", "!=", "<=", ">=", "..", "<", ">", "!", "&", "|", "+", "-", "*", "/", "(", ")", "{", "}", "[", "]", ",", "."];

    public static List<UvlToken> Tokenize(string text, List<ImportError> errors)
    {
        var tokens = new List<UvlToken>();
        var indents = new Stack<int>([0]);
        var lines = text.Split('\n');
        var inBlockComment = false;
        for (var number = 1; number <= lines.Length; number++)
        {
            Internal.Interruption.Poll();
            var line = lines[number - 1].TrimEnd('\r');
            var lineTokens = new List<UvlToken>();
            var i = 0;
            var width = 0;
            if (!inBlockComment)
            {
                while (i < line.Length && line[i] is ' ' or '\t')
                {
                    width += line[i] == '\t' ? 4 : 1;
                    i++;
                }
            }

            var start = i;
            while (i < line.Length)
            {
                var c = line[i];
                if (inBlockComment)
                {
                    var close = line.IndexOf("*/", i, StringComparison.Ordinal);
                    i = close < 0 ? line.Length : close + 2;
                    inBlockComment = close < 0;
                    continue;
                }

                if (c is ' ' or '\t')
                {
                    i++;
                }
                else if (c == '/' && i + 1 < line.Length && line[i + 1] == '/')
                {
                    break;
                }
                else if (c == '/' && i + 1 < line.Length && line[i + 1] == '*')
                {
                    inBlockComment = true;
                    i += 2;
                }
                else if (c is '"' or '\'')
                {
                    var close = line.IndexOf(c, i + 1);
                    if (close < 0)
                    {
                        errors.Add(new ImportError($"The {(c == '"' ? "quoted name" : "string")} that starts here has no closing {c} on its line.", number) { Column = i + 1 });
                        break;
                    }

                    var content = line[(i + 1)..close];
                    if (c == '"' && content.Length == 0)
                    {
                        errors.Add(new ImportError("A quoted name is empty.", number) { Column = i + 1 });
                    }

                    lineTokens.Add(new UvlToken(c == '"' ? UvlTokenKind.QuotedName : UvlTokenKind.String, content, number, i + 1));
                    i = close + 1;
                }
                else if (char.IsAsciiDigit(c))
                {
                    var end = i;
                    while (end < line.Length && char.IsAsciiDigit(line[end]))
                    {
                        end++;
                    }

                    // A decimal point only when a digit follows: "1..3" is a range.
                    if (end + 1 < line.Length && line[end] == '.' && char.IsAsciiDigit(line[end + 1]))
                    {
                        end++;
                        while (end < line.Length && char.IsAsciiDigit(line[end]))
                        {
                            end++;
                        }
                    }

                    lineTokens.Add(new UvlToken(UvlTokenKind.Number, line[i..end], number, i + 1));
                    i = end;
                }
                else if (char.IsLetter(c))
                {
                    var end = i + 1;
                    while (end < line.Length && (char.IsLetterOrDigit(line[end]) || line[end] is '_' or '#' or '§' or '%' or '?' or '\\' or '\'' or ';'))
                    {
                        end++;
                    }

                    lineTokens.Add(new UvlToken(UvlTokenKind.Name, line[i..end], number, i + 1));
                    i = end;
                }
                else if (Symbols.FirstOrDefault(s => string.CompareOrdinal(line, i, s, 0, s.Length) == 0) is { } symbol)
                {
                    lineTokens.Add(new UvlToken(UvlTokenKind.Symbol, symbol, number, i + 1));
                    i += symbol.Length;
                }
                else
                {
                    errors.Add(new ImportError($"{Printable(c)} cannot appear here; names that are not plain words go in double quotes.", number) { Column = i + 1 });
                    i++;
                }
            }

            if (lineTokens.Count == 0)
            {
                continue;
            }

            if (start < line.Length && width > indents.Peek())
            {
                indents.Push(width);
                tokens.Add(new UvlToken(UvlTokenKind.Indent, "", number, start + 1));
            }
            else
            {
                while (width < indents.Peek())
                {
                    indents.Pop();
                    tokens.Add(new UvlToken(UvlTokenKind.Dedent, "", number, start + 1));
                }

                if (width != indents.Peek())
                {
                    errors.Add(new ImportError($"This line is indented {width} columns, which matches no enclosing level ({string.Join(", ", indents.Reverse())}).", number) { Column = start + 1 });
                }
            }

            tokens.AddRange(lineTokens);
            tokens.Add(new UvlToken(UvlTokenKind.NewLine, "", number, line.Length + 1));
        }

        var last = lines.Length;
        while (indents.Count > 1)
        {
            indents.Pop();
            tokens.Add(new UvlToken(UvlTokenKind.Dedent, "", last, 1));
        }

        tokens.Add(new UvlToken(UvlTokenKind.End, "", last, 1));
        return tokens;
    }

    private static string Printable(char c) => char.IsControl(c) || char.IsWhiteSpace(c)
        ? $"The character U+{(int)c:X4}"
        : new StringBuilder("'").Append(c).Append('\'').ToString();
}
