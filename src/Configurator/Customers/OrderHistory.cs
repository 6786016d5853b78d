using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Configurator.Internal;
using Configurator.Internal.Json;
using Configurator.Modeling;
using Configurator.Solving;

namespace Configurator.Customers;

/// <summary>
/// A shop's orders of one model, checked against it: a malformed order is skipped and reported
/// with its line; an order whose configuration the model no longer allows (an option dropped, a
/// rule added since) is kept, since the customer did buy it, and reported too, never silently.
/// Immutable.
/// </summary>
public sealed class OrderHistory
{
    private OrderHistory(ImmutableArray<Order> orders, ImmutableArray<OrderIssue> issues)
    {
        Orders = orders;
        Issues = issues;
    }

    /// <summary>Every well-formed order, in the order read.</summary>
    public ImmutableArray<Order> Orders { get; }

    /// <summary>What was wrong, line by line: skipped lines and orders the model no longer allows.</summary>
    public ImmutableArray<OrderIssue> Issues { get; }

    /// <summary>Checks orders given in code against <paramref name="model"/>.</summary>
    /// <param name="model">The compiled model the orders configure.</param>
    /// <param name="orders">The orders.</param>
    public static OrderHistory From(CompiledModel model, IEnumerable<Order> orders)
    {
        Guard.NotNull(model);
        Guard.NotNull(orders);
        var kept = ImmutableArray.CreateBuilder<Order>();
        var issues = ImmutableArray.CreateBuilder<OrderIssue>();
        var position = 0;
        foreach (var order in orders)
        {
            position++;
            if (Check(model, order, position, issues))
            {
                kept.Add(order);
            }
        }

        return new OrderHistory(kept.ToImmutable(), issues.ToImmutable());
    }

    /// <summary>
    /// Reads JSON Lines, one order per line:
    /// <c>{"customer": "c1", "date": "2026-03-01", "configuration": {"frame": "arched", "extras": ["handle", "lock"]}, "quantity": 1, "amount": 262.40}</c>
    /// (<c>quantity</c> defaults to 1). Blank lines are skipped.
    /// </summary>
    /// <param name="model">The compiled model the orders configure.</param>
    /// <param name="reader">The text.</param>
    /// <param name="cancellationToken">Stops reading a long history.</param>
    public static OrderHistory Read(CompiledModel model, TextReader reader, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(model);
        Guard.NotNull(reader);
        var kept = ImmutableArray.CreateBuilder<Order>();
        var issues = ImmutableArray.CreateBuilder<OrderIssue>();
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if ((line & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (Parse(text, line, issues) is { } order && Check(model, order, line, issues))
            {
                kept.Add(order);
            }
        }

        return new OrderHistory(kept.ToImmutable(), issues.ToImmutable());
    }

    /// <summary>Reads a JSON Lines file of orders (see <see cref="Read"/>).</summary>
    /// <param name="model">The compiled model the orders configure.</param>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Stops reading a long history.</param>
    public static OrderHistory ReadFile(CompiledModel model, string path, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(Guard.NotNullOrEmpty(path));
        return Read(model, reader, cancellationToken);
    }

    private static Order? Parse(string text, int line, ImmutableArray<OrderIssue>.Builder issues)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Skip("an order is a JSON object");
            }

            if (!root.TryGetProperty("customer", out var customer) || customer.ValueKind != JsonValueKind.String || customer.GetString() is not { Length: > 0 } customerId)
            {
                return Skip("\"customer\" must be a non-empty string");
            }

            if (!root.TryGetProperty("date", out var date) || date.ValueKind != JsonValueKind.String
                || !DateOnly.TryParseExact(date.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return Skip("\"date\" must be a day written yyyy-MM-dd");
            }

            if (!root.TryGetProperty("configuration", out var configuration))
            {
                return Skip("\"configuration\" is missing: an object of module: option or module: [options]");
            }

            if (ConfigurationJson.Read(configuration, "$.configuration", out var error) is not { } selection)
            {
                return Skip(error!);
            }

            var quantity = 1;
            if (root.TryGetProperty("quantity", out var count) && (count.ValueKind != JsonValueKind.Number || !count.TryGetInt32(out quantity) || quantity < 1))
            {
                return Skip("\"quantity\" must be a whole number of at least 1");
            }

            if (!root.TryGetProperty("amount", out var amount) || amount.ValueKind != JsonValueKind.Number || !amount.TryGetDecimal(out var paid) || paid < 0)
            {
                return Skip("\"amount\" must be a number of at least 0");
            }

            return new Order(customerId, day, selection, quantity, paid);
        }
        catch (JsonException e)
        {
            return Skip($"not valid JSON ({e.Message})");
        }

        Order? Skip(string message)
        {
            issues.Add(new OrderIssue(line, $"Line {line}: {message}; the order is skipped.", null));
            return null;
        }
    }

    /// <summary>Whether to keep the order; reports a configuration the model no longer allows (kept) or one it cannot read (skipped).</summary>
    private static bool Check(CompiledModel model, Order order, int line, ImmutableArray<OrderIssue>.Builder issues)
    {
        if (order is null || string.IsNullOrEmpty(order.CustomerId) || order.Configuration is null || order.Quantity < 1 || order.Amount < 0)
        {
            issues.Add(new OrderIssue(line, $"Order {line}: a customer, a configuration, a quantity of at least 1 and an amount of at least 0 are needed; the order is skipped.", null));
            return false;
        }

        try
        {
            var report = model.Validate(order.Configuration);
            if (!report.IsValid)
            {
                var broken = string.Join(", ", report.Violations.Select(v => v.ConstraintId ?? v.ModuleId));
                issues.Add(new OrderIssue(line, $"Order {line} ({order.CustomerId}, {order.Date:yyyy-MM-dd}): the model no longer allows this configuration ({broken}); it still counts for the customer's value.", order));
            }
        }
        catch (InvalidSelectionException e)
        {
            issues.Add(new OrderIssue(line, $"Order {line} ({order.CustomerId}, {order.Date:yyyy-MM-dd}): {e.Message} The model no longer has it; the order still counts for the customer's value.", order));
        }

        return true;
    }
}
