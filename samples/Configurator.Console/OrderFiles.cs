using System.Globalization;
using Configurator.Customers;
using Configurator.Solving;

namespace Configurator.Console;

/// <summary>What the <c>customers</c> and <c>demand</c> commands share: reading an order history and days.</summary>
internal static class OrderFiles
{
    private const int IssuesShown = 20;

    /// <summary>Compiles the model and reads the history, writing its first issues; null (with a message) when either cannot be read.</summary>
    public static (CompiledModel Model, OrderHistory History)? Read(string modelPath, string ordersPath, TextWriter error, CancellationToken cancellationToken)
    {
        if (!File.Exists(ordersPath))
        {
            error.WriteLine($"configurator: {ordersPath}: there is no such file (the order history, JSON Lines).");
            return null;
        }

        if (ModelFiles.Compile(modelPath, error, cancellationToken) is not { } compiled)
        {
            return null;
        }

        var history = OrderHistory.ReadFile(compiled, ordersPath, cancellationToken);
        foreach (var issue in history.Issues.Take(IssuesShown))
        {
            error.WriteLine($"configurator: {ordersPath}: {issue.Message}");
        }

        if (history.Issues.Length > IssuesShown)
        {
            error.WriteLine($"configurator: {ordersPath}: {history.Issues.Length - IssuesShown} more issues.");
        }

        return (compiled, history);
    }

    /// <summary>A day written yyyy-MM-dd; null with a message naming <paramref name="option"/> otherwise.</summary>
    public static DateOnly? Day(string text, string option, TextWriter error)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        error.WriteLine($"configurator: {option} '{text}' is not a day written yyyy-MM-dd.");
        return null;
    }

    /// <summary>A period written FROM..TO (yyyy-MM-dd each); null with a message naming <paramref name="option"/> otherwise.</summary>
    public static DemandPeriod? Period(string text, string option, TextWriter error)
    {
        var ends = text.Split("..", 2);
        if (ends.Length != 2)
        {
            error.WriteLine($"configurator: {option} '{text}' is not a period; write FROM..TO, such as 2026-06-01..2026-08-31.");
            return null;
        }

        if (Day(ends[0], option, error) is not { } from || Day(ends[1], option, error) is not { } to)
        {
            return null;
        }

        if (to < from)
        {
            error.WriteLine($"configurator: {option} '{text}' ends before it starts.");
            return null;
        }

        return new DemandPeriod(from, to);
    }
}
