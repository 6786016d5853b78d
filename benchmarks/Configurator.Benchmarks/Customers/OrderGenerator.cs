using System.Text.Json;
using Configurator.Customers;
using Configurator.Internal.Json;
using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Solving;

namespace Configurator.Benchmarks.Customers;

/// <summary>
/// Synthetic order histories with something for the analytics to find: a few customers who buy
/// much and many who buy little (Pareto), favourite configurations drawn from the presets and a
/// Zipf-popular pool of valid ones, individualists, businesses ordering in quantity, customers who
/// stop buying, options that sell in summer or in winter, and one that gains ground year on year.
/// Deterministic for a seed. Every configuration is valid in the model.
/// </summary>
internal sealed class OrderGenerator
{
    private readonly CompiledModel _model;
    private readonly Random _random;
    private readonly Dictionary<Selection, decimal> _prices = [];

    /// <summary>Creates a generator.</summary>
    /// <param name="model">The model the orders configure.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="summer">Applied to a share of June to August orders, such as <c>body=convertible roof=soft-top</c>.</param>
    /// <param name="winter">Applied to a share of December to February orders, such as <c>packs+=winter</c>.</param>
    /// <param name="rising">Applied to a share of orders that grows from none at the start to a third at the end.</param>
    /// <param name="dropped">An option (<c>module=option</c>) nobody orders in the last year: the shop stopped selling it.</param>
    /// <param name="replacement">What its orders take instead, such as <c>engine=petrol-150</c>.</param>
    public OrderGenerator(CompiledModel model, int seed, string summer, string winter, string rising, string dropped, string replacement)
    {
        _model = model;
        _random = new Random(seed);
        (Summer, Winter, Rising, Replacement) = (summer, winter, rising, replacement);
        Dropped = dropped.Split('=') is [var module, var option] ? (module, option) : null;
    }

    /// <summary>The overlays of the built-in sample models (car and shirt), else none.</summary>
    public static OrderGenerator For(CompiledModel model, int seed) => model.Model.Id switch
    {
        "car" => new(model, seed, "body=convertible roof=soft-top", "packs+=winter", "engine=electric-204 packs-=tow", "engine=diesel-115", "engine=petrol-150"),
        "shirt" => new(model, seed, "fabric=linen cuff=short-sleeve extras-=cufflinks", "fabric=flannel", "fit=slim", "fabric=sea-island", "fabric=poplin"),
        _ => new(model, seed, "", "", "", "", ""),
    };

    private string Summer { get; }

    private string Winter { get; }

    private string Rising { get; }

    private (string Module, string Option)? Dropped { get; }

    private string Replacement { get; }

    /// <summary>Generates <paramref name="count"/> orders from <paramref name="from"/> to <paramref name="to"/>, by date.</summary>
    public List<Order> Generate(int count, DateOnly from, DateOnly to)
    {
        // The pool: the presets first (the standard products most customers take), then sampled
        // valid configurations, popular by Zipf's law in that order.
        var pool = _model.Model.Presets.Select(p => new Selection(p.Selections))
            .Concat(_model.SampleMany(Math.Clamp(count / 20, 20, 600), _random.Next()))
            .Distinct().ToArray();
        var popularity = Cumulative(pool.Select((_, rank) => 1 / Math.Pow(rank + 1, 1.1)));
        var variants = new Dictionary<(Selection, string), Selection>();

        var span = to.DayNumber - from.DayNumber + 1;
        var customers = Enumerable.Range(0, Math.Max(10, count / 8)).Select(i =>
        {
            var individualist = _random.NextDouble() < 0.25;
            var favourites = Enumerable.Range(0, _random.Next(1, 4))
                .Select(_ => individualist ? pool[_random.Next(pool.Length)] : pool[Pick(popularity)]).ToArray();
            var start = _random.Next(span - Math.Min(span - 1, 30));
            var end = _random.NextDouble() < 0.25 ? Math.Min(span - 1, start + _random.Next(60, 400)) : span - 1;
            var business = _random.NextDouble() < 0.05;
            return (Id: $"c{i + 1:D5}", Favourites: favourites, Start: start, End: end, Business: business);
        }).ToArray();
        var activity = Cumulative(customers.Select(c => (c.Business ? 4 : 1) * Math.Min(200, Math.Pow(1 - _random.NextDouble(), -1 / 1.2))));

        var orders = new List<Order>(count);
        for (var i = 0; i < count; i++)
        {
            var customer = customers[Pick(activity)];
            var day = from.AddDays(_random.Next(customer.Start, customer.End + 1));
            var configuration = customer.Favourites[_random.Next(customer.Favourites.Length)];
            configuration = Apply(configuration, day.Month is >= 6 and <= 8 && _random.NextDouble() < 0.4 ? Summer : "", variants);
            configuration = Apply(configuration, day.Month is 12 or <= 2 && _random.NextDouble() < 0.4 ? Winter : "", variants);
            configuration = Apply(configuration, _random.NextDouble() < (day.DayNumber - from.DayNumber) / (3.0 * span) ? Rising : "", variants);
            if (day.Year == to.Year && Dropped is var (module, option) && configuration.Choices[module].Contains(option))
            {
                configuration = Apply(configuration, Replacement, variants);
                configuration = configuration.Choices[module].Contains(option) ? pool[0] : configuration;
            }

            var quantity = customer.Business ? _random.Next(2, 21) : _random.NextDouble() < 0.9 ? 1 : 2;
            orders.Add(new Order(customer.Id, day, configuration, quantity, Price(configuration) * quantity));
        }

        orders.Sort((a, b) => a.Date.CompareTo(b.Date));
        return orders;
    }

    /// <summary>Writes orders as JSON Lines, as <see cref="OrderHistory.Read"/> reads them.</summary>
    public static void Write(TextWriter output, IEnumerable<Order> orders)
    {
        foreach (var order in orders)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("customer", order.CustomerId);
                writer.WriteString("date", order.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                writer.WritePropertyName("configuration");
                ConfigurationJson.Write(writer, order.Configuration);
                writer.WriteNumber("quantity", order.Quantity);
                writer.WriteNumber("amount", order.Amount);
                writer.WriteEndObject();
            }

            output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        }
    }

    /// <summary>The configuration with an overlay applied (<c>m=a+b</c> sets, <c>m+=a</c> adds, <c>m-=a</c> removes), or unchanged when the result is not valid.</summary>
    private Selection Apply(Selection configuration, string overlay, Dictionary<(Selection, string), Selection> variants)
    {
        if (overlay.Length == 0)
        {
            return configuration;
        }

        if (variants.TryGetValue((configuration, overlay), out var known))
        {
            return known;
        }

        var result = configuration;
        foreach (var item in overlay.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (module, op, value) = item.Contains("+=", StringComparison.Ordinal) ? Split(item, "+=")
                : item.Contains("-=", StringComparison.Ordinal) ? Split(item, "-=") : Split(item, "=");
            var current = result.Choices[module];
            EquatableArray<string> options = op switch
            {
                "+=" => [.. current.Where(o => o != value), value],
                "-=" => [.. current.Where(o => o != value)],
                _ => [.. value.Split('+')],
            };
            result = new Selection(result.Choices.SetItem(module, options));
        }

        var variant = _model.Validate(result).IsValid ? result : configuration;
        variants[(configuration, overlay)] = variant;
        return variant;

        static (string Module, string Op, string Value) Split(string item, string op)
        {
            var at = item.IndexOf(op, StringComparison.Ordinal);
            return (item[..at], op, item[(at + op.Length)..]);
        }
    }

    private decimal Price(Selection configuration)
    {
        if (!_prices.TryGetValue(configuration, out var price))
        {
            _prices[configuration] = price = PricingPipeline.Default.Price(_model, configuration).Total.Amount;
        }

        return price;
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0.0;
        return [.. weights.Select(w => sum += w)];
    }

    private int Pick(double[] cumulative)
    {
        var target = _random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        return Math.Min(cumulative.Length - 1, index < 0 ? ~index : index);
    }
}
