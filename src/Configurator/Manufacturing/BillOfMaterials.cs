using System.Runtime.CompilerServices;
using Configurator.Customers;
using Configurator.Internal;
using Configurator.Modeling;
using Configurator.Rules;
using Configurator.Solving;
using Configurator.Solving.Constraints;

namespace Configurator.Manufacturing;

/// <summary>One part of a bill of materials with its total quantity. Immutable.</summary>
/// <param name="PartId">The part number.</param>
/// <param name="Name">The part's name, or its id.</param>
/// <param name="Unit">The unit the quantity counts in ("pcs", in the culture's words, unless the part says otherwise).</param>
/// <param name="Quantity">The quantity: summed over the options and BOM rules that name the part (times the units ordered, for a demand).</param>
public sealed record BomLine(string PartId, string Name, string Unit, decimal Quantity);

/// <summary>
/// The exploded bill of materials of a configuration (every selected option's parts and every
/// matching BOM rule's, quantities summed per part, in the order of the model's <c>parts</c>), or
/// the demand per part over many orders. Immutable.
/// </summary>
/// <param name="Lines">One line per part with a quantity other than 0.</param>
public sealed record BillOfMaterials(EquatableArray<BomLine> Lines)
{
    private static readonly ConditionalWeakTable<CompiledModel, CompiledBom> Compiled = new();

    /// <summary>The bill of materials of one complete configuration.</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="configuration">A complete configuration.</param>
    /// <param name="culture">The culture the part names are read in (see <see cref="ModelText"/>); null for the model's default text.</param>
    /// <exception cref="InvalidSelectionException">The configuration names an unknown module or option, or is incomplete.</exception>
    public static BillOfMaterials Of(CompiledModel model, Selection configuration, System.Globalization.CultureInfo? culture = null)
    {
        Guard.NotNull(model);
        Guard.NotNull(configuration);
        var bom = Compiled.GetValue(model, m => new CompiledBom(m));
        return bom.Lines(bom.Quantities(model.ValuesOfComplete(configuration), 1), ModelText.For(model.Model, culture));
    }

    /// <summary>
    /// The parts a set of orders needs: each order's bill of materials times its quantity, summed
    /// per part; each distinct configuration is exploded once, however many orders repeat it.
    /// </summary>
    /// <param name="model">The compiled model the orders were placed on.</param>
    /// <param name="orders">The orders (an <see cref="OrderHistory"/>'s, for example).</param>
    /// <param name="culture">The culture the part names are read in (see <see cref="ModelText"/>); null for the model's default text.</param>
    /// <exception cref="InvalidSelectionException">An order's configuration names an unknown module or option, or is incomplete.</exception>
    public static BillOfMaterials Demand(CompiledModel model, IEnumerable<Order> orders, System.Globalization.CultureInfo? culture = null)
    {
        Guard.NotNull(model);
        Guard.NotNull(orders);
        var bom = Compiled.GetValue(model, m => new CompiledBom(m));
        var units = new Dictionary<Selection, decimal>();
        foreach (var order in orders)
        {
            units[order.Configuration] = units.GetValueOrDefault(order.Configuration) + order.Quantity;
        }

        var total = new decimal[model.Model.Parts.Count];
        foreach (var (configuration, count) in units)
        {
            var quantities = bom.Quantities(model.ValuesOfComplete(configuration), count);
            for (var p = 0; p < total.Length; p++)
            {
                total[p] += quantities[p];
            }
        }

        return bom.Lines(total, ModelText.For(model.Model, culture));
    }

    /// <summary>The BOM rules compiled over module values, and each module value's parts; built once per model.</summary>
    private sealed class CompiledBom
    {
        private readonly ProductModel _model;

        // [module][value]: (part index, quantity) of the value's options.
        private readonly (int Part, decimal Quantity)[][][] _valueParts;
        private readonly (BoolExpression When, (int Part, NumberExpression Quantity)[] Parts)[] _rules;

        public CompiledBom(CompiledModel model)
        {
            _model = model.Model;
            var partIndex = _model.Parts.Select((p, i) => (p.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
            _valueParts = [.. model.Domains.Select(domain => domain.Values.Select(options => options
                .SelectMany(o => domain.Module.Options[o].Parts.Select(p => (partIndex[p.Key], p.Value))).ToArray()).ToArray())];

            // Validation has parsed and checked every text and part id, so compiling succeeds here.
            var compiler = new RuleCompiler(model.Domains, model.ModuleIndex);
            _rules = [.. _model.BomRules.Select(rule => (
                rule.When is { } when ? compiler.Condition(RuleParser.Parse(when).Node!) : new ConstantBool(true),
                rule.Parts.Select(p => (partIndex[p.Key], p.Value.Kind == PropertyKind.Text ? compiler.Number(RuleParser.Parse(p.Value.Text!).Node!) : (NumberExpression)new ConstantNumber(p.Value.Number))).ToArray()))];
        }

        /// <summary>Per part (in model order), its quantity in a configuration times <paramref name="units"/>.</summary>
        public decimal[] Quantities(int[] values, decimal units)
        {
            var quantities = new decimal[_model.Parts.Count];
            for (var m = 0; m < values.Length; m++)
            {
                foreach (var (part, quantity) in _valueParts[m][values[m]])
                {
                    quantities[part] += quantity * units;
                }
            }

            foreach (var (when, parts) in _rules)
            {
                if (when.Evaluate(values))
                {
                    foreach (var (part, quantity) in parts)
                    {
                        quantities[part] += quantity.Evaluate(values) * units;
                    }
                }
            }

            return quantities;
        }

        public BillOfMaterials Lines(decimal[] quantities, ModelText text) =>
            new([.. _model.Parts.Select((part, p) => new BomLine(part.Id, text.Name(part), part.Unit ?? text.Phrases.Pieces, quantities[p])).Where(line => line.Quantity != 0)]);
    }
}
