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
    private OrderHistory(CompiledModel model, ImmutableArray<Order> orders, ImmutableArray<int[]?> values, ImmutableArray<OrderIssue> issues)
    {
        Model = model;
        Orders = orders;
        Values = values;
        Issues = issues;
    }

    /// <summary>Every well-formed order, in the order read.</summary>
    public ImmutableArray<Order> Orders { get; }

    /// <summary>What was wrong, line by line: skipped lines and orders the model no longer allows.</summary>
    public ImmutableArray<OrderIssue> Issues { get; }

    /// <summary>The model the orders were checked against.</summary>
    internal CompiledModel Model { get; }

    /// <summary>Per order (as <see cref="Orders"/>), its module values in <see cref="Model"/>; null for an order the model no longer allows. Never mutated.</summary>
    internal ImmutableArray<int[]?> Values { get; }

    /// <summary>Per order, its module values in <paramref name="model"/> (null where it does not allow the order): the checked ones when it is the history's model.</summary>
    internal ImmutableArray<int[]?> ValuesIn(CompiledModel model)
    {
        if (ReferenceEquals(model, Model))
        {
            return Values;
        }

        var check = new Checker(model);
        return [.. Orders.Select(o => check.Values(o, 0, null))];
    }

    /// <summary>Checks orders given in code against <paramref name="model"/>.</summary>
    /// <param name="model">The compiled model the orders configure.</param>
    /// <param name="orders">The orders.</param>
    public static OrderHistory From(CompiledModel model, IEnumerable<Order> orders)
    {
        Guard.NotNull(model);
        Guard.NotNull(orders);
        var check = new Checker(model);
        var position = 0;
        foreach (var order in orders)
        {
            check.Add(order, ++position);
        }

        return check.History();
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
        var check = new Checker(model);
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

            if (Parse(text, line, check.Issues) is { } order)
            {
                check.Add(order, line);
            }
        }

        return check.History();
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

    /// <summary>
    /// Checks orders one by one, each distinct configuration against the model once (a shop's
    /// million orders hold a few thousand configurations): keeps the well-formed ones with their
    /// module values, reports a configuration the model no longer allows (kept) or an order it
    /// cannot read (skipped).
    /// </summary>
    private sealed class Checker(CompiledModel model)
    {
        private readonly Dictionary<Selection, (int[]? Values, string? Problem)> _checked = [];
        private readonly ImmutableArray<Order>.Builder _kept = ImmutableArray.CreateBuilder<Order>();
        private readonly ImmutableArray<int[]?>.Builder _values = ImmutableArray.CreateBuilder<int[]?>();

        public ImmutableArray<OrderIssue>.Builder Issues { get; } = ImmutableArray.CreateBuilder<OrderIssue>();

        public void Add(Order order, int line)
        {
            if (order is null || string.IsNullOrEmpty(order.CustomerId) || order.Configuration is null || order.Quantity < 1 || order.Amount < 0)
            {
                Issues.Add(new OrderIssue(line, $"Order {line}: a customer, a configuration, a quantity of at least 1 and an amount of at least 0 are needed; the order is skipped.", null));
                return;
            }

            _kept.Add(order);
            _values.Add(Values(order, line, Issues));
        }

        public OrderHistory History() => new(model, _kept.ToImmutable(), _values.ToImmutable(), Issues.ToImmutable());

        /// <summary>The order's values, or null (with an issue when <paramref name="issues"/> is given) when the model does not allow it.</summary>
        public int[]? Values(Order order, int line, ImmutableArray<OrderIssue>.Builder? issues)
        {
            if (!_checked.TryGetValue(order.Configuration, out var verdict))
            {
                verdict = Check(order.Configuration);
                _checked[order.Configuration] = verdict;
            }

            if (verdict.Problem is { } problem)
            {
                issues?.Add(new OrderIssue(line, $"Order {line} ({order.CustomerId}, {order.Date:yyyy-MM-dd}): {problem}; it still counts for the customer's value.", order));
            }

            return verdict.Values;
        }

        private (int[]? Values, string? Problem) Check(Selection configuration)
        {
            try
            {
                var report = model.Validate(configuration);
                if (!report.IsValid)
                {
                    return (null, $"the model no longer allows this configuration ({string.Join(", ", report.Violations.Select(v => v.ConstraintId ?? v.ModuleId))})");
                }

                return (model.ValuesOfComplete(configuration), null);
            }
            catch (InvalidSelectionException e)
            {
                return (null, $"{e.Message.TrimEnd('.')}; the model no longer has it");
            }
        }
    }
}
