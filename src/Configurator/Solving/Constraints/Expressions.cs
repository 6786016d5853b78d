namespace Configurator.Solving.Constraints;

// Compiled rule expressions evaluated over a full assignment: values[module] is the index of the
// module's selected value (see ModuleDomain). Per-value facts (is an option selected, the sum of a
// property, the count) are precomputed into arrays, so evaluation is a lookup per module.
//
// Each expression also evaluates over the current domains of a search (Over(store)): conditions to
// true, false or unknown (Kleene logic), numbers to an interval, texts to a known text or null.
// That is the bounds reasoning the search engine propagates with: a sum's interval, a count, an
// implication whose premise is already false.

internal enum Truth
{
    False,
    True,
    Unknown,
}

internal readonly record struct Interval(decimal Low, decimal High)
{
    public bool IsPoint => Low == High;
}

internal abstract class BoolExpression
{
    public abstract bool Evaluate(int[] values);

    public abstract Truth Over(Search.DomainStore store);

    public abstract void AddScope(ISet<int> scope);
}

internal abstract class NumberExpression
{
    public abstract decimal Evaluate(int[] values);

    public abstract Interval Over(Search.DomainStore store);

    public abstract void AddScope(ISet<int> scope);
}

internal abstract class TextExpression
{
    public abstract string Evaluate(int[] values);

    /// <summary>The text when every value left gives the same one; otherwise null.</summary>
    public abstract string? Over(Search.DomainStore store);

    public abstract void AddScope(ISet<int> scope);
}

internal sealed class ConstantBool(bool value) : BoolExpression
{
    public bool Value => value;

    public override bool Evaluate(int[] values) => value;

    public override Truth Over(Search.DomainStore store) => value ? Truth.True : Truth.False;

    public override void AddScope(ISet<int> scope)
    {
    }
}

/// <summary>A per-value fact of one module: an option test, <c>has</c>, or <c>in</c>.</summary>
internal sealed class ValueFlag(int module, bool[] flags) : BoolExpression
{
    public int Module => module;

    /// <summary>Per value of the module, whether the fact holds.</summary>
    public IReadOnlyList<bool> Flags => flags;

    public override bool Evaluate(int[] values) => flags[values[module]];

    public override Truth Over(Search.DomainStore store)
    {
        bool any = false, all = true;
        foreach (var value in store.Values(module))
        {
            any |= flags[value];
            all &= flags[value];
        }

        return all ? Truth.True : any ? Truth.Unknown : Truth.False;
    }

    public override void AddScope(ISet<int> scope) => scope.Add(module);
}

internal sealed class NotExpression(BoolExpression operand) : BoolExpression
{
    public BoolExpression Operand => operand;

    public override bool Evaluate(int[] values) => !operand.Evaluate(values);

    public override Truth Over(Search.DomainStore store) => operand.Over(store) switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => Truth.Unknown,
    };

    public override void AddScope(ISet<int> scope) => operand.AddScope(scope);
}

internal enum LogicOperator
{
    And,
    Or,
    Implies,
    Iff,
}

internal sealed class LogicExpression(LogicOperator op, BoolExpression left, BoolExpression right) : BoolExpression
{
    public LogicOperator Operator => op;

    public BoolExpression Left => left;

    public BoolExpression Right => right;

    public override bool Evaluate(int[] values) => op switch
    {
        LogicOperator.And => left.Evaluate(values) && right.Evaluate(values),
        LogicOperator.Or => left.Evaluate(values) || right.Evaluate(values),
        LogicOperator.Implies => !left.Evaluate(values) || right.Evaluate(values),
        _ => left.Evaluate(values) == right.Evaluate(values),
    };

    public override Truth Over(Search.DomainStore store)
    {
        var a = left.Over(store);
        if (op == LogicOperator.And && a == Truth.False)
        {
            return Truth.False;
        }

        if ((op == LogicOperator.Or && a == Truth.True) || (op == LogicOperator.Implies && a == Truth.False))
        {
            return Truth.True;
        }

        var b = right.Over(store);
        return op switch
        {
            LogicOperator.And => a == Truth.True ? b : b == Truth.False ? Truth.False : Truth.Unknown,
            LogicOperator.Or => a == Truth.False ? b : b == Truth.True ? Truth.True : Truth.Unknown,
            LogicOperator.Implies => b == Truth.True ? Truth.True : a == Truth.True ? b : Truth.Unknown,
            _ => a == Truth.Unknown || b == Truth.Unknown ? Truth.Unknown : a == b ? Truth.True : Truth.False,
        };
    }

    public override void AddScope(ISet<int> scope)
    {
        left.AddScope(scope);
        right.AddScope(scope);
    }
}

internal enum CompareOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

internal sealed class NumberComparison(CompareOperator op, NumberExpression left, NumberExpression right) : BoolExpression
{
    public CompareOperator Operator => op;

    public NumberExpression Left => left;

    public NumberExpression Right => right;

    public override bool Evaluate(int[] values)
    {
        var (a, b) = (left.Evaluate(values), right.Evaluate(values));
        return op switch
        {
            CompareOperator.Equal => a == b,
            CompareOperator.NotEqual => a != b,
            CompareOperator.Less => a < b,
            CompareOperator.LessOrEqual => a <= b,
            CompareOperator.Greater => a > b,
            _ => a >= b,
        };
    }

    public override Truth Over(Search.DomainStore store)
    {
        var (a, b) = (left.Over(store), right.Over(store));
        var (always, never) = op switch
        {
            CompareOperator.Equal => (a.IsPoint && b.IsPoint && a.Low == b.Low, a.High < b.Low || b.High < a.Low),
            CompareOperator.NotEqual => (a.High < b.Low || b.High < a.Low, a.IsPoint && b.IsPoint && a.Low == b.Low),
            CompareOperator.Less => (a.High < b.Low, a.Low >= b.High),
            CompareOperator.LessOrEqual => (a.High <= b.Low, a.Low > b.High),
            CompareOperator.Greater => (a.Low > b.High, a.High <= b.Low),
            _ => (a.Low >= b.High, a.High < b.Low),
        };
        return always ? Truth.True : never ? Truth.False : Truth.Unknown;
    }

    public override void AddScope(ISet<int> scope)
    {
        left.AddScope(scope);
        right.AddScope(scope);
    }
}

internal sealed class TextComparison(bool equal, TextExpression left, TextExpression right) : BoolExpression
{
    public override bool Evaluate(int[] values) => string.Equals(left.Evaluate(values), right.Evaluate(values), StringComparison.Ordinal) == equal;

    public override Truth Over(Search.DomainStore store) =>
        (left.Over(store), right.Over(store)) is (string a, string b) ? (string.Equals(a, b, StringComparison.Ordinal) == equal ? Truth.True : Truth.False) : Truth.Unknown;

    public override void AddScope(ISet<int> scope)
    {
        left.AddScope(scope);
        right.AddScope(scope);
    }
}

internal sealed class BoolComparison(bool equal, BoolExpression left, BoolExpression right) : BoolExpression
{
    public bool IsEqual => equal;

    public BoolExpression Left => left;

    public BoolExpression Right => right;

    public override bool Evaluate(int[] values) => (left.Evaluate(values) == right.Evaluate(values)) == equal;

    public override Truth Over(Search.DomainStore store)
    {
        var (a, b) = (left.Over(store), right.Over(store));
        return a == Truth.Unknown || b == Truth.Unknown ? Truth.Unknown : (a == b) == equal ? Truth.True : Truth.False;
    }

    public override void AddScope(ISet<int> scope)
    {
        left.AddScope(scope);
        right.AddScope(scope);
    }
}

internal sealed class NumberIn(NumberExpression subject, decimal[] items) : BoolExpression
{
    public override bool Evaluate(int[] values) => Array.IndexOf(items, subject.Evaluate(values)) >= 0;

    public override Truth Over(Search.DomainStore store)
    {
        var bounds = subject.Over(store);
        if (bounds.IsPoint)
        {
            return Array.IndexOf(items, bounds.Low) >= 0 ? Truth.True : Truth.False;
        }

        return items.Any(item => item >= bounds.Low && item <= bounds.High) ? Truth.Unknown : Truth.False;
    }

    public override void AddScope(ISet<int> scope) => subject.AddScope(scope);
}

internal sealed class TextIn(TextExpression subject, string[] items) : BoolExpression
{
    public override bool Evaluate(int[] values) => Array.IndexOf(items, subject.Evaluate(values)) >= 0;

    public override Truth Over(Search.DomainStore store) =>
        subject.Over(store) is { } text ? (Array.IndexOf(items, text) >= 0 ? Truth.True : Truth.False) : Truth.Unknown;

    public override void AddScope(ISet<int> scope) => subject.AddScope(scope);
}

internal sealed class ConstantNumber(decimal value) : NumberExpression
{
    public decimal Value => value;

    public override decimal Evaluate(int[] values) => value;

    public override Interval Over(Search.DomainStore store) => new(value, value);

    public override void AddScope(ISet<int> scope)
    {
    }
}

/// <summary>A per-value number of one module: a property sum or <c>count</c>.</summary>
internal sealed class ValueNumber(int module, decimal[] numbers) : NumberExpression
{
    public int Module => module;

    /// <summary>Per value of the module, its number.</summary>
    public IReadOnlyList<decimal> Numbers => numbers;

    public override decimal Evaluate(int[] values) => numbers[values[module]];

    public override Interval Over(Search.DomainStore store)
    {
        var (low, high) = (decimal.MaxValue, decimal.MinValue);
        foreach (var value in store.Values(module))
        {
            low = Math.Min(low, numbers[value]);
            high = Math.Max(high, numbers[value]);
        }

        return new Interval(low, high);
    }

    public override void AddScope(ISet<int> scope) => scope.Add(module);
}

internal sealed class NegateExpression(NumberExpression operand) : NumberExpression
{
    public NumberExpression Operand => operand;

    public override decimal Evaluate(int[] values) => -operand.Evaluate(values);

    public override Interval Over(Search.DomainStore store)
    {
        var bounds = operand.Over(store);
        return new Interval(-bounds.High, -bounds.Low);
    }

    public override void AddScope(ISet<int> scope) => operand.AddScope(scope);
}

internal enum ArithmeticOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
}

/// <summary>Decimal arithmetic; a result outside decimal's range saturates rather than throwing, so evaluation never fails.</summary>
internal sealed class ArithmeticExpression(ArithmeticOperator op, NumberExpression left, NumberExpression right) : NumberExpression
{
    public ArithmeticOperator Operator => op;

    public NumberExpression Left => left;

    public NumberExpression Right => right;

    public override decimal Evaluate(int[] values) => Apply(left.Evaluate(values), right.Evaluate(values));

    public override Interval Over(Search.DomainStore store)
    {
        var (a, b) = (left.Over(store), right.Over(store));
        switch (op)
        {
            case ArithmeticOperator.Add:
                return new Interval(Apply(a.Low, b.Low), Apply(a.High, b.High));
            case ArithmeticOperator.Subtract:
                return new Interval(Apply(a.Low, b.High), Apply(a.High, b.Low));
            default:
                // Multiplication, and division by a constant: the extremes lie at the corners.
                decimal[] corners = [Apply(a.Low, b.Low), Apply(a.Low, b.High), Apply(a.High, b.Low), Apply(a.High, b.High)];
                return new Interval(corners.Min(), corners.Max());
        }
    }

    private decimal Apply(decimal a, decimal b) => op switch
    {
        ArithmeticOperator.Add => Internal.Saturating.Add(a, b),
        ArithmeticOperator.Subtract => Internal.Saturating.Subtract(a, b),
        ArithmeticOperator.Multiply => Internal.Saturating.Multiply(a, b),
        _ => Internal.Saturating.Divide(a, b),
    };

    public override void AddScope(ISet<int> scope)
    {
        left.AddScope(scope);
        right.AddScope(scope);
    }
}

internal sealed class ConstantText(string value) : TextExpression
{
    public override string Evaluate(int[] values) => value;

    public override string? Over(Search.DomainStore store) => value;

    public override void AddScope(ISet<int> scope)
    {
    }
}

/// <summary>A text property of a single-select module's selected option; '' when none is selected or it has none.</summary>
internal sealed class ValueText(int module, string[] texts) : TextExpression
{
    public override string Evaluate(int[] values) => texts[values[module]];

    public override string? Over(Search.DomainStore store)
    {
        string? known = null;
        foreach (var value in store.Values(module))
        {
            if (known is not null && !string.Equals(known, texts[value], StringComparison.Ordinal))
            {
                return null;
            }

            known = texts[value];
        }

        return known;
    }

    public override void AddScope(ISet<int> scope) => scope.Add(module);
}
