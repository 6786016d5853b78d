using System.Globalization;
using System.Text;
using Configurator.Solving;
using Configurator.Solving.Boolean;

namespace Configurator.Exporters.Dimacs;

/// <summary>
/// DIMACS CNF through the clause engine's encoding (<see cref="CnfEncoder"/>): a yes/no module is
/// one variable, a module of more values one variable per value with an exactly-one group, and
/// nested rules get auxiliary variables defined in both directions, so a #SAT counter counts the
/// model's configurations exactly. The auxiliary variables that resolution removes without growing
/// the clauses are removed (<see cref="DefinedVariableElimination"/>): other counters slow down on
/// them (sharpSAT took 2.0 s on automotive2_4 with them, 0.23 s without). Comment lines name each
/// module variable (<c>c 3 frame=arched</c>, or <c>c 3 name</c> for a yes/no module, as FeatureIDE
/// writes them).
/// </summary>
internal static class DimacsExporter
{
    public static ExportResult Export(CompiledModel model)
    {
        if (CnfEncoder.TryEncode(model.Domains, model.Constraints, out var reason) is not { } encoded)
        {
            return new ExportResult(null, ExportFormat.Dimacs, [$"The model has no exact clause form: {reason}"]);
        }

        // With no variable left (every module has a single value), the file keeps the encoder's
        // auxiliary ones: DIMACS readers, ours included, want a variable.
        var formula = DefinedVariableElimination.Eliminate(encoded) is { VariableCount: > 0 } reduced ? reduced : encoded;

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"c {model.Model.Id}: {model.Domains.Length} modules as CNF; counting the clauses counts the configurations\n");
        var named = 0;
        foreach (var (variable, name) in NamedVariables(model, formula))
        {
            named++;
            text.Append(CultureInfo.InvariantCulture, $"c {variable} {name}\n");
        }

        if (formula.VariableCount > named)
        {
            text.Append(CultureInfo.InvariantCulture, $"c variables {named + 1} to {formula.VariableCount} are auxiliary: each is defined by the others, so they never change a count\n");
        }

        using var writer = new StringWriter(text, CultureInfo.InvariantCulture);
        formula.WriteDimacs(writer);
        return new ExportResult(text.ToString(), ExportFormat.Dimacs, []);
    }

    /// <summary>
    /// Each module value with a variable of its own (true for that value; a two-valued module's
    /// first value is that variable's negation), named as a selection: <c>frame=arched</c>,
    /// <c>extras=</c> for none, or the bare module id for a yes/no module, as FeatureIDE names features.
    /// </summary>
    internal static IEnumerable<(int Variable, string Name)> NamedVariables(CompiledModel model, CnfFormula formula)
    {
        for (var m = 0; m < model.Domains.Length; m++)
        {
            var domain = model.Domains[m];
            var literals = formula.ValueLiterals[m];
            for (var v = 0; v < literals.Length; v++)
            {
                if (literals[v] > 0)
                {
                    yield return (literals[v], domain.Module.IsYesNo
                        ? domain.Module.Id
                        : domain.Module.Id + "=" + string.Join('+', domain.Values[v].Select(o => domain.Module.Options[o].Id)));
                }
            }
        }
    }
}
