namespace Configurator.Modeling;

/// <summary>Whether an option property can be added up over a configuration: the one check attributes (declared or asked for) share.</summary>
internal static class NumericProperties
{
    /// <summary>Why <paramref name="property"/> cannot be added up over the model's options, or null when it can (a number wherever it is set, and set somewhere).</summary>
    public static string? Problem(ProductModel model, string property)
    {
        var options = model.Modules.SelectMany(m => m.Options.Select(o => (Module: m, Option: o))).ToList();
        if (!options.Any(o => o.Option.Properties.ContainsKey(property)))
        {
            var known = options.SelectMany(o => o.Option.Properties).Where(p => p.Value.Kind == PropertyKind.Number).Select(p => p.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            return $"no option has a property '{property}'. Numeric properties: {string.Join(", ", known)}.";
        }

        return options.FirstOrDefault(o => o.Option.Properties.TryGetValue(property, out var value) && value.Kind == PropertyKind.Text) is ({ } module, { } option)
            ? $"property '{property}' is text on option '{option.Id}' of module '{module.Id}' ('{option.Properties[property].Text}'), and only numbers add up."
            : null;
    }
}
