namespace Configurator.Rules;

internal enum RuleTokenKind
{
    End,
    Number,
    String,
    Identifier,
    True,
    False,
    And,
    Or,
    Not,
    In,
    Implies,
    Iff,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Plus,
    Minus,
    Star,
    Slash,
    OpenParen,
    CloseParen,
    Comma,
    Dot,
}

/// <summary>One token of rule text; <see cref="Text"/> is the identifier, the string's content or the number's text.</summary>
internal readonly record struct RuleToken(RuleTokenKind Kind, int Offset, int Length, string Text);
