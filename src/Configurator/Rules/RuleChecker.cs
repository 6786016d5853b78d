using Configurator.Modeling;

namespace Configurator.Rules;

/// <summary>
/// Checks a parsed rule against a model: every module, option and property it names exists, and
/// every operator gets operands of the right type. Reports all problems, not only the first; an
/// expression already in error does not cause further errors around it.
/// </summary>
internal sealed class RuleChecker
{
    private readonly ProductModel _model;
    private readonly Dictionary<string, Module> _modules;
    private readonly List<RuleDiagnostic> _diagnostics = [];

    private RuleChecker(ProductModel model, Dictionary<string, Module> modules)
    {
        _model = model;
        _modules = modules;
    }

    /// <summary>Checks <paramref name="node"/>, which must have type <paramref name="expected"/> (a condition or a number).</summary>
    public static IReadOnlyList<RuleDiagnostic> Check(RuleNode node, ProductModel model, RuleType expected)
    {
        var checker = new RuleChecker(model, ModulesById.GetValue(model, IndexModules));
        var type = checker.TypeOf(node);
        if (type != RuleType.Error && type != expected)
        {
            checker.Report(RuleErrorCodes.TypeMismatch, node.Offset, expected == RuleType.Bool
                ? $"This must be a condition (true or false), but it is {Describe(type)}; for example frame == 'rect' or glass.weightKg < 20."
                : $"This must be a number, but it is {Describe(type)}.");
        }

        return checker._diagnostics;
    }

    // One index per model, not per rule: validating automotive2_4 (18,616 modules, as many rules)
    // spent 40 s building the same dictionary for every rule. Read-only once built, so shared freely.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ProductModel, Dictionary<string, Module>> ModulesById = new();

    private static Dictionary<string, Module> IndexModules(ProductModel model)
    {
        var modules = new Dictionary<string, Module>(StringComparer.Ordinal);
        foreach (var module in model.Modules)
        {
            modules.TryAdd(module.Id, module);
        }

        return modules;
    }

    private RuleType TypeOf(RuleNode node) => node switch
    {
        NumberLiteral => RuleType.Number,
        StringLiteral => RuleType.Text,
        BoolLiteral => RuleType.Bool,
        ModuleReference reference => FindModule(reference.Module, reference.Offset) is null ? RuleType.Error : RuleType.Module,
        PropertyReference property => PropertyType(property),
        CountCall count => FindModule(count.Module, count.ModuleOffset) is null ? RuleType.Error : RuleType.Number,
        HasCall has => HasType(has),
        UnaryExpression unary => UnaryType(unary),
        InExpression @in => InType(@in),
        BinaryExpression binary => BinaryType(binary),
        _ => throw new InvalidOperationException($"Unknown rule node {node.GetType().Name}."),
    };

    private Module? FindModule(string id, int offset)
    {
        if (_modules.TryGetValue(id, out var module))
        {
            return module;
        }

        Report(RuleErrorCodes.UnknownModule, offset, Internal.KnownNames.NoModule(id, [.. _model.Modules.Select(m => m.Id)]));
        return null;
    }

    private bool CheckOption(Module module, string optionId, int offset)
    {
        if (module.FindOption(optionId) is not null)
        {
            return true;
        }

        Report(RuleErrorCodes.UnknownOption, offset, Internal.KnownNames.NoOption(module.Id, optionId, [.. module.Options.Select(o => o.Id)]), module.Id);
        return false;
    }

    private RuleType PropertyType(PropertyReference reference)
    {
        if (FindModule(reference.Module, reference.Offset) is not { } module)
        {
            return RuleType.Error;
        }

        var numeric = new List<string>();
        var text = new List<string>();
        var missing = new List<string>();
        foreach (var option in module.Options)
        {
            if (!option.Properties.TryGetValue(reference.Property, out var value))
            {
                missing.Add(option.Id);
            }
            else
            {
                (value.Kind == PropertyKind.Number ? numeric : text).Add(option.Id);
            }
        }

        if (numeric.Count == 0 && text.Count == 0)
        {
            Report(RuleErrorCodes.UnknownProperty, reference.PropertyOffset, $"No option of module '{module.Id}' has a property '{reference.Property}'.", module.Id);
            return RuleType.Error;
        }

        if (numeric.Count > 0 && text.Count > 0)
        {
            Report(RuleErrorCodes.MixedPropertyTypes, reference.PropertyOffset, $"Property '{reference.Property}' of module '{module.Id}' is a number on {List(numeric)} but a text on {List(text)}; use one type.");
            return RuleType.Error;
        }

        if (numeric.Count > 0)
        {
            if (missing.Count > 0)
            {
                Report(RuleErrorCodes.NumericPropertyMissing, reference.PropertyOffset, $"The rule reads number '{reference.Property}' of module '{module.Id}', but {List(missing)} {(missing.Count == 1 ? "has" : "have")} no value for it; give every option of the module a value.");
                return RuleType.Error;
            }

            return RuleType.Number;
        }

        if (module.IsMultiSelect)
        {
            Report(RuleErrorCodes.MultiSelectComparison, reference.PropertyOffset, $"Text property '{reference.Property}' can only be read on a module that selects one option, but '{module.Id}' selects up to {module.Max}.");
            return RuleType.Error;
        }

        return RuleType.Text;
    }

    private RuleType HasType(HasCall has)
    {
        if (FindModule(has.Module, has.ModuleOffset) is not { } module)
        {
            return RuleType.Error;
        }

        return CheckOption(module, has.Option, has.OptionOffset) ? RuleType.Bool : RuleType.Error;
    }

    private RuleType UnaryType(UnaryExpression unary)
    {
        var operand = TypeOf(unary.Operand);
        var (wanted, name) = unary.Operator == UnaryOperator.Not ? (RuleType.Bool, "'not'") : (RuleType.Number, "'-'");
        return Expect(operand, wanted, unary.Operand.Offset, name) ? wanted : RuleType.Error;
    }

    private RuleType InType(InExpression @in)
    {
        var subject = TypeOf(@in.Subject);
        var ok = subject != RuleType.Module || RequireSingleSelect(_modules[((ModuleReference)@in.Subject).Module], @in.OperatorOffset, "'in'");
        foreach (var item in @in.Items)
        {
            var itemType = TypeOf(item);
            switch (subject)
            {
                case RuleType.Module when item is StringLiteral option:
                    var module = _modules[((ModuleReference)@in.Subject).Module];
                    ok &= CheckOption(module, option.Value, item.Offset);
                    break;
                case RuleType.Text or RuleType.Number when itemType == subject:
                case RuleType.Error:
                    break;
                default:
                    Report(RuleErrorCodes.TypeMismatch, item.Offset, $"The list after 'in' must hold {(subject == RuleType.Number ? "numbers" : "option ids or texts in quotes")} to match {Describe(subject)}, but this is {Describe(itemType)}.");
                    ok = false;
                    break;
            }
        }

        if (subject == RuleType.Bool)
        {
            return RuleType.Error;
        }

        return subject == RuleType.Error || !ok ? RuleType.Error : RuleType.Bool;
    }

    private RuleType BinaryType(BinaryExpression binary)
    {
        var left = TypeOf(binary.Left);
        var right = TypeOf(binary.Right);
        var symbol = $"'{binary.Operator switch
        {
            BinaryOperator.Iff => "<->",
            BinaryOperator.Implies => "->",
            BinaryOperator.Or => "or",
            BinaryOperator.And => "and",
            BinaryOperator.Add => "+",
            BinaryOperator.Subtract => "-",
            BinaryOperator.Multiply => "*",
            BinaryOperator.Divide => "/",
            BinaryOperator.Less => "<",
            BinaryOperator.LessOrEqual => "<=",
            BinaryOperator.Greater => ">",
            BinaryOperator.GreaterOrEqual => ">=",
            BinaryOperator.Equal => "==",
            _ => "!=",
        }}'";

        switch (binary.Operator)
        {
            case BinaryOperator.Iff or BinaryOperator.Implies or BinaryOperator.Or or BinaryOperator.And:
                return Expect(left, RuleType.Bool, binary.Left.Offset, symbol) & Expect(right, RuleType.Bool, binary.Right.Offset, symbol) ? RuleType.Bool : RuleType.Error;
            case BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply:
                return Expect(left, RuleType.Number, binary.Left.Offset, symbol) & Expect(right, RuleType.Number, binary.Right.Offset, symbol) ? RuleType.Number : RuleType.Error;
            case BinaryOperator.Divide:
                var leftOk = Expect(left, RuleType.Number, binary.Left.Offset, symbol);
                if (right == RuleType.Error)
                {
                    return RuleType.Error;
                }

                if (ConstantDivisor(binary.Right) is not { } divisor || divisor == 0)
                {
                    Report(RuleErrorCodes.InvalidDivisor, binary.Right.Offset, "Divide only by a number written in the rule, other than zero (for example / 100).");
                    return RuleType.Error;
                }

                return leftOk ? RuleType.Number : RuleType.Error;
            case BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual:
                return Expect(left, RuleType.Number, binary.Left.Offset, symbol) & Expect(right, RuleType.Number, binary.Right.Offset, symbol) ? RuleType.Bool : RuleType.Error;
            default:
                return EqualityType(binary, left, right, symbol);
        }
    }

    private RuleType EqualityType(BinaryExpression binary, RuleType left, RuleType right, string symbol)
    {
        if (left == RuleType.Error || right == RuleType.Error)
        {
            return RuleType.Error;
        }

        // module == 'option' (either way round): an option test.
        if ((left, right) is (RuleType.Module, RuleType.Text) or (RuleType.Text, RuleType.Module))
        {
            var (moduleNode, optionNode) = left == RuleType.Module ? (binary.Left, binary.Right) : (binary.Right, binary.Left);
            if (optionNode is not StringLiteral option)
            {
                Report(RuleErrorCodes.TypeMismatch, optionNode.Offset, $"A module is compared with an option id in quotes, such as {((ModuleReference)moduleNode).Module} == 'id'; to compare text properties, name the property on both sides.");
                return RuleType.Error;
            }

            var module = _modules[((ModuleReference)moduleNode).Module];
            return RequireSingleSelect(module, binary.OperatorOffset, symbol) && CheckOption(module, option.Value, option.Offset) ? RuleType.Bool : RuleType.Error;
        }

        if (left == right && left is RuleType.Number or RuleType.Text or RuleType.Bool)
        {
            return RuleType.Bool;
        }

        Report(RuleErrorCodes.TypeMismatch, binary.OperatorOffset, $"{symbol} cannot compare {Describe(left)} with {Describe(right)}.");
        return RuleType.Error;
    }

    private bool RequireSingleSelect(Module module, int offset, string symbol)
    {
        if (!module.IsMultiSelect)
        {
            return true;
        }

        Report(RuleErrorCodes.MultiSelectComparison, offset, $"Module '{module.Id}' may select several options, so {symbol} cannot test it; use has({module.Id}, 'option') instead.");
        return false;
    }

    private bool Expect(RuleType actual, RuleType wanted, int offset, string symbol)
    {
        if (actual == wanted)
        {
            return true;
        }

        if (actual != RuleType.Error)
        {
            var hint = actual == RuleType.Module ? " (compare the module with an option, as in frame == 'rect', or read a property, as in frame.weightKg)" : "";
            Report(RuleErrorCodes.TypeMismatch, offset, $"{symbol} needs {Describe(wanted)} here, but this is {Describe(actual)}{hint}.");
        }

        return false;
    }

    private static decimal? ConstantDivisor(RuleNode node) => node switch
    {
        NumberLiteral number => number.Value,
        UnaryExpression { Operator: UnaryOperator.Negate, Operand: var operand } => -ConstantDivisor(operand),
        _ => null,
    };

    private void Report(string code, int offset, string message, string? moduleId = null) => _diagnostics.Add(new RuleDiagnostic(code, offset, message) { ModuleId = moduleId });

    private static string List(List<string> optionIds) =>
        (optionIds.Count == 1 ? "option " : "options ") + string.Join(", ", optionIds.Take(5).Select(id => $"'{id}'")) + (optionIds.Count > 5 ? ", ..." : "");

    private static string Describe(RuleType type) => type switch
    {
        RuleType.Bool => "a condition",
        RuleType.Number => "a number",
        RuleType.Text => "a text",
        RuleType.Module => "a module",
        _ => "an error",
    };
}
