using Configurator.Modeling;
using Configurator.Tests.Solving;

namespace Configurator.Tests.Pricing;

/// <summary>The model format's pricing, computed directly from option ids, for comparison.</summary>
internal sealed class PricingOracle(ProductModel model)
{
    private readonly BruteForceOracle _oracle = new(model);

    public decimal Total(Dictionary<string, string[]> configuration, IReadOnlyDictionary<string, string>? personalization = null)
    {
        var subtotal = model.BasePrice + model.Modules.Sum(m => configuration[m.Id].Sum(o => m.FindOption(o)!.Price));
        var percent = 0m;
        foreach (var rule in model.PriceRules)
        {
            if (rule.When is { } when && !(bool)_oracle.Evaluate(when, configuration))
            {
                continue;
            }

            if (rule.Percent is { } p)
            {
                percent += p;
            }
            else
            {
                subtotal += rule.Add ?? (decimal)_oracle.Evaluate(rule.AddExpression!, configuration);
            }
        }

        var fields = personalization?.Where(p => p.Value.Length > 0).Sum(p => model.Personalization.Single(f => f.Id == p.Key).Price) ?? 0;
        return Round((subtotal * (1 + (percent / 100))) + fields);
    }

    /// <summary>
    /// The exact amount rounded half away from zero. Decimal division leaves an error in the 28th
    /// digit (1/15), which can put an exact midpoint a hair below it; 12 places are exact for
    /// every amount these models reach.
    /// </summary>
    public decimal Round(decimal amount) =>
        Math.Round(Math.Round(amount, 12, MidpointRounding.AwayFromZero), model.Currency switch { "JPY" => 0, "KWD" => 3, _ => 2 }, MidpointRounding.AwayFromZero);

    public IEnumerable<Dictionary<string, string[]>> Valid(Func<Dictionary<string, string[]>, bool>? within = null) => _oracle.ValidConfigurations(within);
}
