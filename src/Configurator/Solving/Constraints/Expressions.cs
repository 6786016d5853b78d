namespace Configurator.Solving.Constraints;

// Compiled rule expressions evaluated over a full assignment: values[module] is the index of the
// module's selected value (see ModuleDomain). Per-value facts (is an option selected, the sum of a
// property, the count) are precomputed into arrays, so evaluation is a lookup per module.

internal abstract class BoolExpression
{
    public abstract bool Evaluate(int[] values);

    public abstract void AddScope(ISet<int> scope);
}

internal abstract class NumberExpression
{
    public abstract decimal Evaluate(int[] values);

    public abstract void AddScope(ISet<int> scope);
}

internal abstract class TextExpression
{
    public abstract string Evaluate(int[] values);

    public abstract void AddScope(ISet<int> scope);
}

internal sealed class ConstantBool(bool value) : BoolExpression
{
    public override bool Evaluate(int[] values) => value;

    public override void AddScope(ISet<int> scope)
    {
    }
}

/// <summary>A per-value fact of one module: an option test, <c>has</c>, or <c>in</c>.</summary>
internal sealed class ValueFlag(int module, bool[] flags) : BoolExpression
{
    public override bool Evaluate(int[] values) => flags[values[module]];

    public override void AddScope(ISet<int> scope) => scope.Add(module);
}

internal sealed class NotExpression(BoolExpression operand) : BoolExpression
{
    public override bool Evaluate(int[] values) => !operand.Evaluate(values);

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
    public override bool Evaluate(int[] values) => op switch
    {
        LogicOperator.And => left.Evaluate(values) && right.Evaluate(values),
        LogicOperator.Or => left.Evaluate(values) || right.Evaluate(values),
        LogicOperator.Implies => !left.Evaluate(values) || right.Evaluate(values),
        _ => left.Evaluate(values) == right.Evaluate(values),
    };

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

    public override void AddScope(ISet<int> scope)
    {
        left.AddScope(scope);
        right.AddScope(scope);
    }
}

internal sealed class TextComparison(bool equal, TextExpression left, TextExpression right) : BoolExpression
{
    public override bool Evaluate(int[] values) => string.Equals(left.Evaluate(values), right.Evaluate(values), StringComparison.Ordinal) == equal;

    public override void AddScope(ISet<int> scope)
    {
        left.AddScope(scope);
        right.AddScope(scope);
    }
}

internal sealed class BoolComparison(bool equal, BoolExpression left, BoolExpression right) : BoolExpression
{
    public override bool Evaluate(int[] values) => (left.Evaluate(values) == right.Evaluate(values)) == equal;

    public override void AddScope(ISet<int> scope)
    {
        left.AddScope(scope);
        right.AddScope(scope);
    }
}

internal sealed class NumberIn(NumberExpression subject, decimal[] items) : BoolExpression
{
    public override bool Evaluate(int[] values) => Array.IndexOf(items, subject.Evaluate(values)) >= 0;

    public override void AddScope(ISet<int> scope) => subject.AddScope(scope);
}

internal sealed class TextIn(TextExpression subject, string[] items) : BoolExpression
{
    public override bool Evaluate(int[] values) => Array.IndexOf(items, subject.Evaluate(values)) >= 0;

    public override void AddScope(ISet<int> scope) => subject.AddScope(scope);
}

internal sealed class ConstantNumber(decimal value) : NumberExpression
{
    public override decimal Evaluate(int[] values) => value;

    public override void AddScope(ISet<int> scope)
    {
    }
}

/// <summary>A per-value number of one module: a property sum or <c>count</c>.</summary>
internal sealed class ValueNumber(int module, decimal[] numbers) : NumberExpression
{
    public override decimal Evaluate(int[] values) => numbers[values[module]];

    public override void AddScope(ISet<int> scope) => scope.Add(module);
}

internal sealed class NegateExpression(NumberExpression operand) : NumberExpression
{
    public override decimal Evaluate(int[] values) => -operand.Evaluate(values);

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
    public override decimal Evaluate(int[] values)
    {
        var (a, b) = (left.Evaluate(values), right.Evaluate(values));
        try
        {
            return op switch
            {
                ArithmeticOperator.Add => a + b,
                ArithmeticOperator.Subtract => a - b,
                ArithmeticOperator.Multiply => a * b,
                _ => a / b,
            };
        }
        catch (OverflowException)
        {
            var positive = op switch
            {
                ArithmeticOperator.Add => a > 0 || b > 0,
                ArithmeticOperator.Subtract => a > b,
                _ => (a > 0) == (b > 0),
            };
            return positive ? decimal.MaxValue : decimal.MinValue;
        }
    }

    public override void AddScope(ISet<int> scope)
    {
        left.AddScope(scope);
        right.AddScope(scope);
    }
}

internal sealed class ConstantText(string value) : TextExpression
{
    public override string Evaluate(int[] values) => value;

    public override void AddScope(ISet<int> scope)
    {
    }
}

/// <summary>A text property of a single-select module's selected option; '' when none is selected or it has none.</summary>
internal sealed class ValueText(int module, string[] texts) : TextExpression
{
    public override string Evaluate(int[] values) => texts[values[module]];

    public override void AddScope(ISet<int> scope) => scope.Add(module);
}
