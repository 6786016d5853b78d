namespace Configurator.Pricing;

/// <summary>
/// A pricing step after the model's own pricing: it sees the request and the running total and
/// adds lines. A policy must be non-decreasing in the running total (a higher price before it
/// never gives a lower price after it), which is what lets price ranges stay exact.
/// </summary>
public interface IPricingPolicy
{
    /// <summary>Adds this policy's lines.</summary>
    /// <param name="context">The request, the running total and the lines so far.</param>
    void Apply(PricingContext context);
}

/// <summary>Per-call state a policy works on. Not shared between calls.</summary>
public sealed class PricingContext
{
    private readonly List<PriceLine> _lines;

    private readonly ModelPricing _pricing;
    private Modeling.ModelText? _text;

    internal PricingContext(ModelPricing pricing, PricingRequest request, List<PriceLine> lines)
    {
        _pricing = pricing;
        Request = request;
        Currency = pricing.Currency;
        _lines = lines;
    }

    /// <summary>The culture the lines are written for (<see cref="PricingRequest.Culture"/>, else the invariant culture): a policy writes its labels and amounts for it.</summary>
    public System.Globalization.CultureInfo Culture => Text.Culture;

    /// <summary>The model's text in the request's culture.</summary>
    internal Modeling.ModelText Text => _text ??= _pricing.Text(Request.Culture);

    /// <summary>The request being priced.</summary>
    public PricingRequest Request { get; }

    /// <summary>The model's currency.</summary>
    public string Currency { get; }

    /// <summary>The total of the lines so far, unrounded.</summary>
    public decimal Total { get; private set; }

    /// <summary>The lines so far.</summary>
    public IReadOnlyList<PriceLine> Lines => _lines;

    /// <summary>Adds a policy line; the running total follows.</summary>
    /// <param name="id">The policy's id.</param>
    /// <param name="label">Display text.</param>
    /// <param name="amount">The amount (negative for a discount).</param>
    public void AddLine(string id, string label, decimal amount) => Add(new PriceLine(PriceLineKind.Policy, id, label, amount));

    internal void Add(PriceLine line)
    {
        _lines.Add(line);
        try
        {
            Total += line.Amount;
        }
        catch (OverflowException e)
        {
            throw PriceOverflow.For($"'{line.Label}' ({line.Id})", e);
        }
    }

    internal void Start(decimal total) => Total = total;
}
