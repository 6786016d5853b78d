using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Configurator.Modeling;
using Configurator.Validation;

namespace Configurator.Serialization;

/// <summary>
/// Maps a parsed JSON document onto a <see cref="ProductModel"/>, collecting every structural
/// problem (wrong types, missing or unknown properties) with its JSON path. It always returns a
/// best-effort model so that validation can report the remaining problems in the same pass.
/// </summary>
/// <remarks>
/// Written by hand over <see cref="JsonDocument"/> rather than with the source-generated
/// deserializer because the deserializer stops at the first problem, and a product manager fixing
/// a model wants them all at once.
/// </remarks>
internal sealed class ModelReader
{
    private static readonly string[] LabelledKeys = ["name", "labels"];
    private readonly List<ModelError> _errors = [];

    public IReadOnlyList<ModelError> Errors => _errors;

    public ProductModel Read(JsonElement root)
    {
        var scope = Scope(root, JsonPaths.Root,
            "formatVersion", "id", "name", "labels", "defaultCulture", "version", "currency", "basePrice", "modules", "constraints", "priceRules", "presets", "personalization", "attributes", "parts", "bomRules");
        var formatVersion = scope.Get("formatVersion", required: true) is { } version ? scope.ReadInt(version, scope.At("formatVersion")) : null;

        var modules = scope.Array("modules", required: true).Select(item => ReadModule(item.Element, item.Path)).ToImmutableArray();
        var constraints = scope.Array("constraints").Select((item, i) => ReadConstraint(item.Element, item.Path, i)).ToImmutableArray();
        return new ProductModel(scope.String("id", required: true) ?? "", modules)
        {
            FormatVersion = formatVersion ?? ProductModel.CurrentFormatVersion,
            Name = scope.String("name"),
            Labels = ReadLabels(scope),
            DefaultCulture = scope.String("defaultCulture"),
            Version = scope.String("version"),
            Currency = scope.String("currency") ?? ProductModel.DefaultCurrency,
            BasePrice = scope.Decimal("basePrice") ?? 0,
            Constraints = constraints,
            PriceRules = [.. scope.Array("priceRules").Select(item => ReadPriceRule(item.Element, item.Path))],
            Presets = [.. scope.Array("presets").Select(item => ReadPreset(item.Element, item.Path))],
            Personalization = [.. scope.Array("personalization").Select(item => ReadPersonalization(item.Element, item.Path))],
            Attributes = [.. scope.Array("attributes").Select(item => ReadAttribute(item.Element, item.Path))],
            Parts = [.. scope.Array("parts").Select(item => ReadPart(item.Element, item.Path))],
            BomRules = [.. scope.Array("bomRules").Select(item => ReadBomRule(item.Element, item.Path))],
        };
    }

    private Module ReadModule(JsonElement element, string path)
    {
        var scope = Scope(element, path, "id", "name", "labels", "min", "max", "default", "adjustable", "options");
        var options = scope.Array("options", required: true).Select(item => ReadOption(item.Element, item.Path)).ToImmutableArray();
        return new Module(scope.String("id", required: true) ?? "", options)
        {
            Name = scope.String("name"),
            Labels = ReadLabels(scope),
            Min = scope.Int("min") ?? 1,
            Max = scope.Int("max") ?? 1,
            Defaults = scope.Get("default") is { } defaults ? ReadIdList(scope, defaults, scope.At("default")) : default,
            Adjustable = scope.Bool("adjustable") ?? false,
        };
    }

    private Option ReadOption(JsonElement element, string path)
    {
        var scope = Scope(element, path, "id", "name", "labels", "price", "properties", "parts", "validFrom", "validTo");
        var properties = new List<KeyValuePair<string, PropertyValue>>();
        if (scope.Get("properties") is { } value)
        {
            var propertiesPath = scope.At("properties");
            if (value.ValueKind != JsonValueKind.Object)
            {
                _errors.Add(JsonObjectScope.WrongType(propertiesPath, "an object of numbers and texts", value));
            }
            else
            {
                foreach (var property in value.EnumerateObject())
                {
                    var at = JsonPaths.Key(propertiesPath, property.Name);
                    PropertyValue? read = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => PropertyValue.FromText(property.Value.GetString() ?? ""),
                        JsonValueKind.Number => scope.ReadDecimal(property.Value, at) is { } number ? PropertyValue.FromNumber(number) : (PropertyValue?)null,
                        _ => Report<PropertyValue>(JsonObjectScope.WrongType(at, "a number or a text", property.Value)),
                    };
                    if (read is { } readValue)
                    {
                        properties.Add(new(property.Name, readValue));
                    }
                }
            }
        }

        return new Option(scope.String("id", required: true) ?? "")
        {
            Name = scope.String("name"),
            Labels = ReadLabels(scope),
            Price = scope.Decimal("price") ?? 0,
            Properties = properties.ToEquatableDictionary(),
            Parts = ReadPartQuantities(scope, numbersOnly: true).Select(p => new KeyValuePair<string, decimal>(p.Key, p.Value.Number)).ToEquatableDictionary(),
            ValidFrom = scope.Date("validFrom"),
            ValidTo = scope.Date("validTo"),
        };
    }

    private Part ReadPart(JsonElement element, string path)
    {
        var scope = Scope(element, path, "id", "name", "labels", "unit");
        return new Part(scope.String("id", required: true) ?? "")
        {
            Name = scope.String("name"),
            Labels = ReadLabels(scope),
            Unit = scope.String("unit"),
        };
    }

    private BomRule ReadBomRule(JsonElement element, string path)
    {
        var scope = Scope(element, path, "id", "name", "labels", "when", "parts", "validFrom", "validTo");
        return new BomRule(scope.String("id", required: true) ?? "")
        {
            Name = scope.String("name"),
            Labels = ReadLabels(scope),
            When = scope.String("when"),
            Parts = ReadPartQuantities(scope, numbersOnly: false).ToEquatableDictionary(),
            ValidFrom = scope.Date("validFrom"),
            ValidTo = scope.Date("validTo"),
        };
    }

    /// <summary>A <c>"parts"</c> object: part id to quantity (a number; in a BOM rule also a numeric expression in quotes).</summary>
    private List<KeyValuePair<string, PropertyValue>> ReadPartQuantities(JsonObjectScope scope, bool numbersOnly)
    {
        var parts = new List<KeyValuePair<string, PropertyValue>>();
        if (scope.Get("parts") is not { } value)
        {
            return parts;
        }

        var partsPath = scope.At("parts");
        if (value.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(JsonObjectScope.WrongType(partsPath, "an object of part ids and quantities", value));
            return parts;
        }

        foreach (var part in value.EnumerateObject())
        {
            var at = JsonPaths.Key(partsPath, part.Name);
            PropertyValue? read = part.Value.ValueKind switch
            {
                JsonValueKind.Number => scope.ReadDecimal(part.Value, at) is { } number ? PropertyValue.FromNumber(number) : (PropertyValue?)null,
                JsonValueKind.String when !numbersOnly => PropertyValue.FromText(part.Value.GetString() ?? ""),
                _ => Report<PropertyValue>(JsonObjectScope.WrongType(at, numbersOnly ? "a quantity (a number)" : "a quantity (a number or a numeric expression in quotes)", part.Value)),
            };
            if (read is { } quantity)
            {
                parts.Add(new(part.Name, quantity));
            }
        }

        return parts;
    }

    private Constraint ReadConstraint(JsonElement element, string path, int index)
    {
        var scope = Scope(element, path, "id", "name", "labels", "message", "rule", "table", "validFrom", "validTo");
        var id = scope.String("id") ?? "c" + (index + 1).ToString(CultureInfo.InvariantCulture);
        return new Constraint(id)
        {
            Name = scope.String("name"),
            Labels = ReadLabels(scope),
            Message = scope.String("message"),
            Rule = scope.String("rule"),
            Table = scope.Get("table") is { } table ? ReadTable(table, scope.At("table")) : null,
            ValidFrom = scope.Date("validFrom"),
            ValidTo = scope.Date("validTo"),
        };
    }

    private TableConstraint ReadTable(JsonElement element, string path)
    {
        var scope = Scope(element, path, "modules", "allowed", "forbidden");
        var modules = scope.Array("modules", required: true).Select(item => scope.ReadString(item.Element, item.Path) ?? "").ToImmutableArray();
        var hasAllowed = scope.Get("allowed") is not null;
        var hasForbidden = scope.Get("forbidden") is not null;
        if (scope.IsObject && hasAllowed == hasForbidden)
        {
            _errors.Add(new ModelError(ModelErrorCodes.InvalidTableRows, path, hasAllowed
                ? "A table lists either \"allowed\" or \"forbidden\" rows, not both; split it into two constraints."
                : "A table needs its rows in \"allowed\" or \"forbidden\"."));
        }

        var kind = hasAllowed || !hasForbidden ? TableKind.Allowed : TableKind.Forbidden;
        var rows = scope.Array(kind == TableKind.Allowed ? "allowed" : "forbidden")
            .Select(row => new EquatableArray<string?>([.. scope.Items(row.Element, row.Path).Select(cell => ReadCell(scope, cell.Element, cell.Path))]))
            .ToImmutableArray();
        return new TableConstraint(modules, kind, rows);
    }

    private static string? ReadCell(JsonObjectScope scope, JsonElement cell, string path) =>
        cell.ValueKind == JsonValueKind.Null ? null : scope.ReadString(cell, path) ?? TableConstraint.Any;

    private PriceRule ReadPriceRule(JsonElement element, string path)
    {
        var scope = Scope(element, path, "id", "name", "labels", "when", "add", "percent", "validFrom", "validTo");
        decimal? add = null;
        string? expression = null;
        if (scope.Get("add") is { } amount)
        {
            if (amount.ValueKind == JsonValueKind.String)
            {
                expression = amount.GetString();
            }
            else if (amount.ValueKind == JsonValueKind.Number)
            {
                add = scope.ReadDecimal(amount, scope.At("add"));
            }
            else
            {
                _errors.Add(JsonObjectScope.WrongType(scope.At("add"), "a number or a numeric expression in quotes", amount));
            }
        }

        return new PriceRule(scope.String("id", required: true) ?? "")
        {
            Name = scope.String("name"),
            Labels = ReadLabels(scope),
            When = scope.String("when"),
            Add = add,
            AddExpression = expression,
            Percent = scope.Decimal("percent"),
            ValidFrom = scope.Date("validFrom"),
            ValidTo = scope.Date("validTo"),
        };
    }

    private Preset ReadPreset(JsonElement element, string path)
    {
        var scope = Scope(element, path, "id", "name", "labels", "selections", "validFrom", "validTo");
        var selections = new List<KeyValuePair<string, EquatableArray<string>>>();
        if (scope.Get("selections", required: true) is { } value)
        {
            var at = scope.At("selections");
            if (value.ValueKind != JsonValueKind.Object)
            {
                _errors.Add(JsonObjectScope.WrongType(at, "an object from module id to option id(s)", value));
            }
            else
            {
                selections.AddRange(value.EnumerateObject().Select(p => new KeyValuePair<string, EquatableArray<string>>(p.Name, ReadIdList(scope, p.Value, JsonPaths.Key(at, p.Name)))));
            }
        }

        return new Preset(scope.String("id", required: true) ?? "", selections.ToEquatableDictionary())
        {
            Name = scope.String("name"),
            Labels = ReadLabels(scope),
            ValidFrom = scope.Date("validFrom"),
            ValidTo = scope.Date("validTo"),
        };
    }

    private PersonalizationField ReadPersonalization(JsonElement element, string path)
    {
        var scope = Scope(element, path, "id", "name", "labels", "type", "maxLength", "pattern", "required", "price", "choices");
        var typeText = scope.String("type", required: true);
        var type = typeText switch
        {
            "text" or null => PersonalizationType.Text,
            "choice" => PersonalizationType.Choice,
            _ => Report<PersonalizationType>(new ModelError(ModelErrorCodes.WrongType, scope.At("type"), $"\"type\" is \"text\" or \"choice\", not \"{typeText}\".")) ?? PersonalizationType.Text,
        };
        return new PersonalizationField(scope.String("id", required: true) ?? "", type)
        {
            Name = scope.String("name"),
            Labels = ReadLabels(scope),
            MaxLength = scope.Int("maxLength"),
            Pattern = scope.String("pattern"),
            Required = scope.Bool("required") ?? false,
            Price = scope.Decimal("price") ?? 0,
            Choices = [.. scope.Array("choices").Select(item => scope.ReadString(item.Element, item.Path) ?? "")],
        };
    }

    private AttributeDefinition ReadAttribute(JsonElement element, string path)
    {
        var scope = Scope(element, path, "id", "name", "labels", "property", "unit", "aggregate");
        var aggregateText = scope.String("aggregate");
        var aggregation = aggregateText switch
        {
            "sum" or null => Solving.AttributeAggregation.Sum,
            "max" => Solving.AttributeAggregation.Max,
            _ => Report<Solving.AttributeAggregation>(new ModelError(ModelErrorCodes.WrongType, scope.At("aggregate"), $"\"aggregate\" is \"sum\" or \"max\", not \"{aggregateText}\".")) ?? Solving.AttributeAggregation.Sum,
        };
        return new AttributeDefinition(scope.String("id", required: true) ?? "", scope.String("property", required: true) ?? "")
        {
            Name = scope.String("name"),
            Labels = ReadLabels(scope),
            Unit = scope.String("unit"),
            Aggregation = aggregation,
        };
    }

    /// <summary>A selection or default: one id, a list of ids, or null for none.</summary>
    private EquatableArray<string> ReadIdList(JsonObjectScope scope, JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.Null => default,
        JsonValueKind.String => [value.GetString() ?? ""],
        JsonValueKind.Array => [.. scope.Items(value, path).Select(item => scope.ReadString(item.Element, item.Path)).OfType<string>()],
        _ => Report<EquatableArray<string>>(JsonObjectScope.WrongType(path, "an option id, a list of option ids, or null", value)) ?? default,
    };

    private EquatableDictionary<string> ReadLabels(JsonObjectScope scope)
    {
        if (scope.Get("labels") is not { } value)
        {
            return default;
        }

        var path = scope.At("labels");
        if (value.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(JsonObjectScope.WrongType(path, "an object from culture name to text", value));
            return default;
        }

        var labels = new List<KeyValuePair<string, string>>();
        foreach (var label in value.EnumerateObject())
        {
            if (scope.ReadString(label.Value, JsonPaths.Key(path, label.Name)) is { } text)
            {
                labels.Add(new(label.Name, text));
            }
        }

        return labels.ToEquatableDictionary();
    }

    private JsonObjectScope Scope(JsonElement element, string path, params string[] known) => new(element, path, _errors, known);

    private T? Report<T>(ModelError error)
        where T : struct
    {
        _errors.Add(error);
        return null;
    }
}
