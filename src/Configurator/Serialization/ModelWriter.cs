using Configurator.Modeling;

namespace Configurator.Serialization;

/// <summary>Maps a <see cref="ProductModel"/> onto the JSON document shape, leaving out what holds its default.</summary>
internal static class ModelWriter
{
    public static ModelDocument ToDocument(ProductModel model) => new(
        model.FormatVersion,
        model.Id,
        model.Name,
        Labels(model.Labels),
        model.DefaultCulture,
        model.Version,
        model.Currency,
        NonZero(model.BasePrice),
        [.. model.Modules.Select(ToDocument)],
        NonEmpty(model.Constraints.Select(ToDocument)),
        NonEmpty(model.PriceRules.Select(ToDocument)),
        NonEmpty(model.Presets.Select(p => ToDocument(p, model))),
        NonEmpty(model.Personalization.Select(ToDocument)),
        NonEmpty(model.Attributes.Select(ToDocument)),
        NonEmpty(model.Parts.Select(p => new PartDocument(p.Id, p.Name, Labels(p.Labels), p.Unit))),
        NonEmpty(model.BomRules.Select(r => new BomRuleDocument(r.Id, r.Name, Labels(r.Labels), r.When,
            r.Parts.Entries.ToDictionary(p => p.Key, p => new NumberOrText(p.Value.Number, p.Value.Text), StringComparer.Ordinal), Day(r.ValidFrom), Day(r.ValidTo)))));

    private static ModuleDocument ToDocument(Module module) => new(
        module.Id,
        module.Name,
        Labels(module.Labels),
        module.Min == 1 ? null : module.Min,
        module.Max == 1 ? null : module.Max,
        module.Defaults.IsEmpty ? null : new SelectionDocument(module.Defaults, module.IsMultiSelect),
        module.Adjustable ? true : null,
        [.. module.Options.Select(ToDocument)]);

    private static OptionDocument ToDocument(Option option) => new(
        option.Id,
        option.Name,
        Labels(option.Labels),
        NonZero(option.Price),
        option.Properties.IsEmpty ? null : option.Properties.Entries.ToDictionary(p => p.Key, p => new NumberOrText(p.Value.Number, p.Value.Text), StringComparer.Ordinal),
        option.Parts.IsEmpty ? null : option.Parts.Entries.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        Day(option.ValidFrom),
        Day(option.ValidTo));

    private static ConstraintDocument ToDocument(Constraint constraint) => new(
        constraint.Id,
        constraint.Name,
        Labels(constraint.Labels),
        constraint.Message,
        constraint.Rule,
        constraint.Table is { } table ? ToDocument(table) : null,
        Day(constraint.ValidFrom),
        Day(constraint.ValidTo));

    private static TableDocument ToDocument(TableConstraint table)
    {
        List<List<string?>> rows = [.. table.Rows.Select(row => row.ToList())];
        return new TableDocument([.. table.Modules], table.Kind == TableKind.Allowed ? rows : null, table.Kind == TableKind.Forbidden ? rows : null);
    }

    private static PriceRuleDocument ToDocument(PriceRule rule) => new(
        rule.Id,
        rule.Name,
        Labels(rule.Labels),
        rule.When,
        rule.AddExpression is { } expression ? new NumberOrText(0, expression) : rule.Add is { } add ? new NumberOrText(add, null) : null,
        rule.Percent,
        Day(rule.ValidFrom),
        Day(rule.ValidTo));

    private static PresetDocument ToDocument(Preset preset, ProductModel model) => new(
        preset.Id,
        preset.Name,
        Labels(preset.Labels),
        preset.Selections.Entries.ToDictionary(
            s => s.Key,
            s => new SelectionDocument(s.Value, model.FindModule(s.Key)?.IsMultiSelect ?? s.Value.Count != 1),
            StringComparer.Ordinal),
        Day(preset.ValidFrom),
        Day(preset.ValidTo));

    private static PersonalizationDocument ToDocument(PersonalizationField field) => new(
        field.Id,
        field.Name,
        Labels(field.Labels),
        field.Type == PersonalizationType.Choice ? "choice" : "text",
        field.MaxLength,
        field.Pattern,
        field.Required ? true : null,
        NonZero(field.Price),
        field.Choices.IsEmpty ? null : [.. field.Choices]);

    private static AttributeDocument ToDocument(AttributeDefinition attribute) => new(
        attribute.Id,
        attribute.Name,
        Labels(attribute.Labels),
        attribute.Property,
        attribute.Unit,
        attribute.Aggregation == Solving.AttributeAggregation.Max ? "max" : null);

    private static Dictionary<string, string>? Labels(EquatableDictionary<string> labels) =>
        labels.IsEmpty ? null : labels.Entries.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static decimal? NonZero(decimal value) => value == 0 ? null : value;

    private static List<T>? NonEmpty<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list;
    }
}
