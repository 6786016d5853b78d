using System.Collections.Immutable;
using Configurator.Modeling;
using Configurator.Rules;
using Configurator.Solving.Constraints;
using Configurator.Solving.Domains;

namespace Configurator.Pricing;

/// <summary>A price rule compiled over module values: its condition, its amount, and the modules both read.</summary>
internal sealed class CompiledPriceRule
{
    private CompiledPriceRule(PriceRule source, BoolExpression when, NumberExpression? amount, ImmutableArray<int> scope)
    {
        Source = source;
        When = when;
        Amount = amount;
        Scope = scope;
    }

    public PriceRule Source { get; }

    public BoolExpression When { get; }

    /// <summary>The amount added (a constant or an expression); null for a percentage rule.</summary>
    public NumberExpression? Amount { get; }

    public bool IsPercentage => Source.Percent is not null;

    public ImmutableArray<int> Scope { get; }

    public static CompiledPriceRule Compile(PriceRule rule, IReadOnlyList<ModuleDomain> domains, IReadOnlyDictionary<string, int> moduleIndex)
    {
        // Validation has parsed and checked the texts, so parsing succeeds here.
        var compiler = new RuleCompiler(domains, moduleIndex);
        var when = rule.When is { } text ? compiler.Condition(RuleParser.Parse(text).Node!) : new ConstantBool(true);
        NumberExpression? amount = rule.AddExpression is { } expression
            ? compiler.Number(RuleParser.Parse(expression).Node!)
            : rule.Add is { } add ? new ConstantNumber(add) : null;
        var scope = new SortedSet<int>();
        when.AddScope(scope);
        amount?.AddScope(scope);
        return new CompiledPriceRule(rule, when, amount, [.. scope]);
    }
}
