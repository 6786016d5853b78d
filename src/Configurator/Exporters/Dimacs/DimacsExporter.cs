using System.Globalization;
using System.Text;
using Configurator.Solving;
using Configurator.Solving.Boolean;

namespace Configurator.Exporters.Dimacs;

/// <summary>
/// DIMACS CNF through the clause engine's encoding (<see cref="CnfEncoder"/>): a yes/no module is
/// one variable, a module of more values one variable per value with an exactly-one group, and
/// nested rules get auxiliary variables defined in both directions, so a #SAT counter counts the
/// model's configurations exactly. Comment lines name each variable (<c>c 3 frame=arched</c>, or
/// <c>c 3 name</c> for a yes/no module, as FeatureIDE writes them).
/// </summary>
internal static class DimacsExporter
{
    public static ExportResult Export(CompiledModel model)
    {
        if (CnfEncoder.TryEncode(model.Domains, model.Constraints, out var reason) is not { } formula)
        {
            return new ExportResult(null, ExportFormat.Dimacs, [$"The model has no exact clause form: {reason}"]);
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"c {model.Model.Id}: {model.Domains.Length} modules as CNF; counting the clauses counts the configurations\n");
        var named = 0;
        for (var m = 0; m < model.Domains.Length; m++)
        {
            var domain = model.Domains[m];
            var literals = formula.ValueLiterals[m];
            var yesNo = domain.ValueCount == 2 && domain.Module.Options.Count == 1;
            for (var v = 0; v < literals.Length; v++)
            {
                // A two-valued module's variable is true for its second value; its first value is the negation.
                if (literals[v] > 0)
                {
                    named++;
                    var options = string.Join('+', domain.Values[v].Select(o => domain.Module.Options[o].Id));
                    text.Append(CultureInfo.InvariantCulture, $"c {literals[v]} {domain.Module.Id}{(yesNo ? "" : "=" + options)}\n");
                }
            }
        }

        if (formula.VariableCount > named)
        {
            text.Append(CultureInfo.InvariantCulture, $"c variables {named + 1} to {formula.VariableCount} are auxiliary: each is defined by the others, so they never change a count\n");
        }

        using var writer = new StringWriter(text, CultureInfo.InvariantCulture);
        formula.WriteDimacs(writer);
        return new ExportResult(text.ToString(), ExportFormat.Dimacs, []);
    }
}
