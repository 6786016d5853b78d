using Configurator.Modeling;
using Configurator.Rules;
using FluentValidation;

namespace Configurator.Validation;

/// <summary>Checks one constraint: rule text against the model, or a table's columns and rows.</summary>
internal sealed class ConstraintValidator : AbstractValidator<Constraint>
{
    public ConstraintValidator(ProductModel model) =>
        // One rule for the whole constraint (see ModuleValidator on why): imported models have
        // constraints by the tens of thousands.
        RuleFor(c => c).Custom((constraint, context) => Check(constraint, model, context));

    private static void Check(Constraint constraint, ProductModel model, ValidationContext<Constraint> context)
    {
        context.CheckEffectivity(constraint.ValidFrom, constraint.ValidTo, "Constraint", constraint.Id);

        if (!ValidationFailures.IsPlainId(constraint.Id))
        {
            context.Fail(context.JsonPath() + ".id", ModelErrorCodes.InvalidId, "A constraint id must be a non-empty text without control characters.");
        }

        if ((constraint.Rule is null) == (constraint.Table is null))
        {
            context.Fail(context.JsonPath(), ModelErrorCodes.RuleOrTableRequired, $"Constraint '{constraint.Id}' needs exactly one of \"rule\" and \"table\".");
        }

        if (constraint.Rule is { } rule)
        {
            context.CheckRule(rule, model, RuleType.Bool, under: ".rule");
        }

        if (constraint.Table is { } table)
        {
            CheckTable(table, model, context);
        }
    }

    private static void CheckTable(TableConstraint table, ProductModel model, ValidationContext<Constraint> context)
    {
        var path = context.JsonPath() + ".table";
        if (table.Modules.Count == 0)
        {
            context.Fail(path + ".modules", ModelErrorCodes.EmptyTable, "A table needs at least one module in \"modules\".");
            return;
        }

        var columns = new Module?[table.Modules.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < table.Modules.Count; i++)
        {
            var id = table.Modules[i];
            var at = JsonPaths.Index(path + ".modules", i);
            columns[i] = model.FindModule(id);
            if (columns[i] is not { } module)
            {
                context.Fail(at, ModelErrorCodes.TableUnknownModule, $"The table names module '{id}', which the model does not have.");
            }
            else if (!seen.Add(id))
            {
                context.Fail(at, ModelErrorCodes.TableDuplicateModule, $"The table names module '{id}' twice.");
            }
            else if (module.IsMultiSelect)
            {
                context.Fail(at, ModelErrorCodes.TableMultiSelectModule, $"Module '{id}' may select several options, so a table cannot constrain it; use a rule with has(...).");
            }
        }

        var rowsPath = path + (table.Kind == TableKind.Allowed ? ".allowed" : ".forbidden");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var rowPath = JsonPaths.Index(rowsPath, r);
            if (row.Count != columns.Length)
            {
                context.Fail(rowPath, ModelErrorCodes.TableRowArity, $"This row has {row.Count} cells but the table has {columns.Length} modules.");
                continue;
            }

            for (var c = 0; c < row.Count; c++)
            {
                if (row[c] is { } cell && cell != TableConstraint.Any && columns[c] is { } module && module.FindOption(cell) is null)
                {
                    context.Fail(JsonPaths.Index(rowPath, c), ModelErrorCodes.TableUnknownOption, $"Module '{module.Id}' has no option '{cell}'.", moduleId: module.Id);
                }
            }
        }
    }
}
