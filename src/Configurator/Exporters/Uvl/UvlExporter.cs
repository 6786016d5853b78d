using System.Globalization;
using System.Text;
using Configurator.Importers;
using Configurator.Modeling;
using Configurator.Rules;

namespace Configurator.Exporters.Uvl;

/// <summary>
/// Writes a product model as a UVL feature model with exactly the same configurations. The root
/// (abstract) holds one feature per module: a yes/no module (one option, optional) is a plain
/// feature; any other module is an abstract feature whose options are its children, in an
/// <c>alternative</c> group when one option is chosen and a <c>[min..max]</c> group otherwise,
/// mandatory unless the module may stay empty. Constraints are written with UVL's operators: an
/// option test is its feature; <c>module.property</c> adds the attribute over the module's option
/// features (0 for a feature not selected, as our rules read it); <c>count(module)</c> adds a
/// <c>count 1</c> attribute; comparisons of texts are expanded into the options whose texts match,
/// so UVL tools need no string semantics; tables become disjunctions of their rows. Prices,
/// presets, personalization and price rules have no UVL counterpart and are reported as dropped.
/// </summary>
internal sealed class UvlExporter
{
    private readonly ProductModel _model;
    private readonly Dictionary<string, Module> _modules;
    private readonly Dictionary<(string Module, string? Option), string> _names = [];
    private readonly HashSet<string> _counted = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = [];
    private readonly string _root;
    private readonly string _countKey;

    private UvlExporter(ProductModel model)
    {
        _model = model;
        _modules = model.Modules.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var wanted = new List<(string Module, string? Option, string Name)> { ("", null, model.Id) };
        foreach (var module in model.Modules)
        {
            wanted.Add((module.Id, null, module.Id));
            if (!module.IsYesNo)
            {
                wanted.AddRange(module.Options.Select(o => (module.Id, (string?)o.Id, $"{module.Id}_{o.Id}")));
            }
        }

        // Unique sanitized names: a UVL name cannot hold dots or quotes, and ours become module ids again on import.
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (module, option, wantedName) in wanted)
        {
            var name = ModuleIds.Sanitize(wantedName);
            for (var n = 2; !used.Add(name); n++)
            {
                name = ModuleIds.Sanitize(wantedName) + "_" + n.ToString(CultureInfo.InvariantCulture);
            }

            _names[(module, option)] = name;
        }

        _root = _names[("", null)];
        var keys = model.Modules.SelectMany(m => m.Options).SelectMany(o => o.Properties.Keys).ToHashSet(StringComparer.Ordinal);
        _countKey = "count";
        for (var n = 2; keys.Contains(_countKey); n++)
        {
            _countKey = "count" + n.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The feature name of each module (option null) and of each option of a module that is not yes/no.</summary>
    public IReadOnlyDictionary<(string Module, string? Option), string> Names => _names;

    public static (string Text, List<string> Warnings, UvlExporter Exporter) Export(ProductModel model)
    {
        var exporter = new UvlExporter(model);
        var text = exporter.Write();
        return (text, exporter._warnings, exporter);
    }

    private string Write()
    {
        var constraints = new List<string>();
        foreach (var constraint in _model.Constraints)
        {
            Internal.Interruption.Poll();
            var text = constraint.Table is { } table ? Table(table) : Bool(RuleParser.Parse(constraint.Rule!).Node!);
            if (text != Quote(_root))
            {
                constraints.Add(text);
            }
        }

        var output = new StringBuilder();
        output.Append("features\n");
        output.Append('\t').Append(Quote(_root)).Append(" {abstract}\n");
        var mandatory = _model.Modules.Where(m => m.Min > 0).ToList();
        var optional = _model.Modules.Where(m => m.Min == 0).ToList();
        foreach (var (keyword, modules) in new[] { ("mandatory", mandatory), ("optional", optional) })
        {
            if (modules.Count == 0)
            {
                continue;
            }

            output.Append("\t\t").Append(keyword).Append('\n');
            foreach (var module in modules)
            {
                WriteModule(output, module);
            }
        }

        if (constraints.Count > 0)
        {
            output.Append("\nconstraints\n");
            foreach (var constraint in constraints)
            {
                output.Append('\t').Append(constraint).Append('\n');
            }
        }

        Dropped(_model.PriceRules.Count, "price rule");
        Dropped(_model.Presets.Count, "preset");
        Dropped(_model.Personalization.Count, "personalization field");
        return output.ToString();
    }

    private void Dropped(int count, string what)
    {
        if (count > 0)
        {
            _warnings.Add($"{count} {what}{(count == 1 ? "" : "s")} dropped: UVL has no counterpart (configurations are unchanged).");
        }
    }

    private void WriteModule(StringBuilder output, Module module)
    {
        if (module.IsYesNo)
        {
            output.Append("\t\t\t").Append(Quote(_names[(module.Id, null)])).Append(Attributes(module, module.Options[0])).Append('\n');
            return;
        }

        output.Append("\t\t\t").Append(Quote(_names[(module.Id, null)])).Append(" {abstract}\n");
        var group = module.Max == 1
            ? "alternative"
            : FormattableString.Invariant($"[{Math.Max(module.Min, 1)}..{module.Max}]");
        output.Append("\t\t\t\t").Append(group).Append('\n');
        foreach (var option in module.Options)
        {
            output.Append("\t\t\t\t\t").Append(Quote(_names[(module.Id, option.Id)])).Append(Attributes(module, option)).Append('\n');
        }
    }

    private string Attributes(Module module, Option option)
    {
        var parts = new List<string>();
        foreach (var (key, value) in option.Properties)
        {
            if (!IsWritableName(key))
            {
                _warnings.Add($"Property '{key}' of {module.Id}.{option.Id} dropped: a UVL attribute name cannot hold quotes, dots or line breaks.");
            }
            else if (value.Text is { } text && (text.Length == 0 || text.IndexOfAny(['\'', '\r', '\n']) >= 0))
            {
                _warnings.Add($"Property '{key}' of {module.Id}.{option.Id} dropped: a UVL text cannot be empty or hold quotes or line breaks (rules comparing it are written out by option, so configurations are unchanged).");
            }
            else
            {
                parts.Add($"{Quote(key)} {(value.Text is { } t ? $"'{t}'" : Number(value.Number))}");
            }
        }

        if (_counted.Contains(module.Id))
        {
            parts.Add($"{Quote(_countKey)} 1");
        }

        return parts.Count == 0 ? "" : " {" + string.Join(", ", parts) + "}";
    }

    private static bool IsWritableName(string name) => name.Length > 0 && name.IndexOfAny(['"', '.', '\r', '\n']) < 0;

    private static string Quote(string name) => $"\"{name}\"";

    private static string Number(decimal value) => value < 0
        ? $"(0 - {(-value).ToString(CultureInfo.InvariantCulture)})"
        : value.ToString(CultureInfo.InvariantCulture);

    private string True => Quote(_root);

    private string False => "!" + Quote(_root);

    /// <summary>The condition that the option is selected.</summary>
    private string Selected(string module, string option) =>
        _modules[module].IsYesNo ? Quote(_names[(module, null)]) : Quote(_names[(module, option)]);

    private string Table(TableConstraint table)
    {
        var rows = table.Rows.Select(row =>
        {
            var cells = new List<string>();
            for (var c = 0; c < table.Modules.Count; c++)
            {
                if (row[c] is not { } cell)
                {
                    cells.Add("!" + Quote(_names[(table.Modules[c], null)]));
                }
                else if (cell != TableConstraint.Any)
                {
                    cells.Add(Selected(table.Modules[c], cell));
                }
            }

            return cells.Count == 0 ? True : Join(cells, " & ");
        }).ToList();
        var any = rows.Count == 0 ? False : Join(rows, " | ");
        return table.Kind == TableKind.Allowed ? any : rows.Count == 0 ? True : $"!({any})";
    }

    private static string Join(List<string> parts, string op) => parts.Count == 1 ? parts[0] : "(" + string.Join(op, parts) + ")";

    private string Bool(RuleNode node)
    {
        switch (node)
        {
            case BoolLiteral literal:
                return literal.Value ? True : False;
            case UnaryExpression { Operator: UnaryOperator.Not } not:
                return $"!{Bool(not.Operand)}";
            case BinaryExpression { Operator: BinaryOperator.And or BinaryOperator.Or } chain:
                var parts = new List<string>();
                Flatten(chain, chain.Operator, parts);
                return Join(parts, chain.Operator == BinaryOperator.And ? " & " : " | ");
            case BinaryExpression { Operator: BinaryOperator.Implies or BinaryOperator.Iff } binary:
                return $"({Bool(binary.Left)} {(binary.Operator == BinaryOperator.Implies ? "=>" : "<=>")} {Bool(binary.Right)})";
            case BinaryExpression { Operator: BinaryOperator.Equal or BinaryOperator.NotEqual, Left: ModuleReference module, Right: StringLiteral option } test:
                return (test.Operator == BinaryOperator.NotEqual ? "!" : "") + Selected(module.Module, option.Value);
            case BinaryExpression { Operator: BinaryOperator.Equal or BinaryOperator.NotEqual, Left: StringLiteral option, Right: ModuleReference module } test:
                return (test.Operator == BinaryOperator.NotEqual ? "!" : "") + Selected(module.Module, option.Value);
            case BinaryExpression { Operator: BinaryOperator.Equal or BinaryOperator.NotEqual } truth when !IsText(truth.Left) && !IsNumeric(truth.Left):
                var same = $"({Bool(truth.Left)} <=> {Bool(truth.Right)})";
                return truth.Operator == BinaryOperator.Equal ? same : $"!{same}";
            case BinaryExpression { Operator: BinaryOperator.Equal or BinaryOperator.NotEqual } text when IsText(text.Left):
                var equal = TextEquals(Texts(text.Left), Texts(text.Right));
                return text.Operator == BinaryOperator.Equal ? equal : $"!{equal}";
            case BinaryExpression comparison:
                return $"({Numeric(comparison.Left)} {Comparison(comparison.Operator)} {Numeric(comparison.Right)})";
            case InExpression { Subject: ModuleReference module } @in:
                return Join([.. @in.Items.Select(i => Selected(module.Module, ((StringLiteral)i).Value))], " | ");
            case InExpression @in when IsText(@in.Subject):
                var items = @in.Items.Select(i => ((StringLiteral)i).Value).ToHashSet(StringComparer.Ordinal);
                var matching = Texts(@in.Subject).Where(v => items.Contains(v.Text)).Select(v => v.Condition).ToList();
                return matching.Count == 0 ? False : matching.Contains(True) ? True : Join(matching, " | ");
            case InExpression @in:
                var subject = Numeric(@in.Subject);
                return Join([.. @in.Items.Select(i => $"({subject} == {Numeric(i)})")], " | ");
            case HasCall has:
                return Selected(has.Module, has.Option);
            default:
                throw new InvalidOperationException($"{node.GetType().Name} is not a condition.");
        }
    }

    private void Flatten(RuleNode node, BinaryOperator op, List<string> parts)
    {
        if (node is BinaryExpression binary && binary.Operator == op)
        {
            Flatten(binary.Left, op, parts);
            Flatten(binary.Right, op, parts);
        }
        else
        {
            parts.Add(Bool(node));
        }
    }

    private static string Comparison(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        _ => ">=",
    };

    private string Numeric(RuleNode node) => node switch
    {
        NumberLiteral number => Number(number.Value),
        UnaryExpression { Operator: UnaryOperator.Negate } negate => $"(0 - {Numeric(negate.Operand)})",
        BinaryExpression binary => $"({Numeric(binary.Left)} {binary.Operator switch { BinaryOperator.Add => "+", BinaryOperator.Subtract => "-", BinaryOperator.Multiply => "*", _ => "/" }} {Numeric(binary.Right)})",
        PropertyReference property => Sum(property.Module, property.Property),
        CountCall count => Count(count.Module),
        _ => throw new InvalidOperationException($"{node.GetType().Name} is not a number."),
    };

    /// <summary>A numeric property over a module's options: the selected one's value, or the sum over a multi-select module's.</summary>
    private string Sum(string moduleId, string property)
    {
        var module = _modules[moduleId];
        var terms = module.Options
            .Where(o => o.Properties.TryGetValue(property, out var value) && value.Number != 0)
            .Select(o => $"{Selected(moduleId, o.Id)}.{Quote(property)}")
            .ToList();
        return terms.Count == 0 ? "0" : Join(terms, " + ");
    }

    private string Count(string moduleId)
    {
        _counted.Add(moduleId);
        var module = _modules[moduleId];
        return Join([.. module.Options.Select(o => $"{Selected(moduleId, o.Id)}.{Quote(_countKey)}")], " + ");
    }

    private bool IsNumeric(RuleNode node) => node switch
    {
        NumberLiteral or CountCall => true,
        UnaryExpression { Operator: UnaryOperator.Negate } => true,
        BinaryExpression { Operator: BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide } => true,
        PropertyReference => !IsText(node),
        _ => false,
    };

    private bool IsText(RuleNode node) => node switch
    {
        StringLiteral => true,
        PropertyReference property => _modules[property.Module].Options.Any(o => o.Properties.TryGetValue(property.Property, out var value) && value.Kind == PropertyKind.Text),
        _ => false,
    };

    /// <summary>The texts an expression may take, each with the condition under which it does (exactly one holds).</summary>
    private List<(string Condition, string Text)> Texts(RuleNode node)
    {
        if (node is StringLiteral literal)
        {
            return [(True, literal.Value)];
        }

        var property = (PropertyReference)node;
        var module = _modules[property.Module];
        var values = module.Options
            .Select(o => (Selected(module.Id, o.Id), o.Properties.TryGetValue(property.Property, out var value) ? value.Text ?? "" : ""))
            .ToList();
        if (module.Min == 0)
        {
            values.Add(("!" + Quote(_names[(module.Id, null)]), ""));
        }

        return values;
    }

    private string TextEquals(List<(string Condition, string Text)> left, List<(string Condition, string Text)> right)
    {
        var terms = new List<string>();
        foreach (var (leftCondition, leftText) in left)
        {
            foreach (var (rightCondition, rightText) in right.Where(r => r.Text == leftText))
            {
                var both = new[] { leftCondition, rightCondition }.Where(c => c != True).Distinct(StringComparer.Ordinal).ToList();
                if (both.Count == 0)
                {
                    return True;
                }

                terms.Add(Join(both, " & "));
            }
        }

        return terms.Count == 0 ? False : Join(terms, " | ");
    }
}
