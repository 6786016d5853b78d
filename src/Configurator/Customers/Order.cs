using Configurator.Solving;

namespace Configurator.Customers;

/// <summary>One order: who bought which configuration, when, how many, for how much. Immutable.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Date">The day of the order.</param>
/// <param name="Configuration">The configuration ordered.</param>
/// <param name="Quantity">How many (at least 1).</param>
/// <param name="Amount">What the customer paid for the whole order (not negative).</param>
public sealed record Order(string CustomerId, DateOnly Date, Selection Configuration, int Quantity, decimal Amount);

/// <summary>A problem with one order of a history: where it is and what to fix.</summary>
/// <param name="Line">The line of the JSON Lines file (1-based), or the order's position (1-based) when the orders came from code.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Order">The order, when it was read and kept (a configuration the model no longer allows); null when the line was skipped.</param>
public sealed record OrderIssue(int Line, string Message, Order? Order);
