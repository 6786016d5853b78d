namespace Configurator.Internal;

/// <summary>
/// Decimal arithmetic that saturates at decimal's limits instead of throwing, so evaluating a rule
/// or summing prices never fails on huge values.
/// </summary>
internal static class Saturating
{
    public static decimal Add(decimal a, decimal b)
    {
        try
        {
            return a + b;
        }
        catch (OverflowException)
        {
            return a > 0 || b > 0 ? decimal.MaxValue : decimal.MinValue;
        }
    }

    public static decimal Subtract(decimal a, decimal b)
    {
        try
        {
            return a - b;
        }
        catch (OverflowException)
        {
            return a > b ? decimal.MaxValue : decimal.MinValue;
        }
    }

    public static decimal Multiply(decimal a, decimal b)
    {
        try
        {
            return a * b;
        }
        catch (OverflowException)
        {
            return (a > 0) == (b > 0) ? decimal.MaxValue : decimal.MinValue;
        }
    }

    public static decimal Divide(decimal a, decimal b)
    {
        try
        {
            return a / b;
        }
        catch (OverflowException)
        {
            return (a > 0) == (b > 0) ? decimal.MaxValue : decimal.MinValue;
        }
    }
}
