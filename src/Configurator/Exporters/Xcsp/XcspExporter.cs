using System.Globalization;
using System.Text;
using System.Xml;
using Configurator.Solving;
using Configurator.Solving.Boolean;

namespace Configurator.Exporters.Xcsp;

/// <summary>
/// XCSP 2.1 with extensional constraints, the form <see cref="Importers.ModelImporter"/> reads.
/// Each module is a variable over its values (<c>0..n-1</c>, named in a comment); each constraint
/// is a relation listing its supports or its conflicts, whichever are fewer. A constraint whose
/// scope has more than <see cref="MaxTuples"/> combinations cannot be listed, so then the whole
/// model is written from its clause form instead: 0/1 variables, one conflict per clause, and the
/// auxiliary variables of <see cref="CnfEncoder"/> (each defined by the others, so counts stay exact).
/// </summary>
internal static class XcspExporter
{
    /// <summary>The most combinations of a constraint's scope that are listed.</summary>
    public const long MaxTuples = 100_000;

    public static ExportResult Export(CompiledModel model)
    {
        var wide = model.Constraints.FirstOrDefault(c => Combinations(model, c.Scope) > MaxTuples);
        if (wide is null)
        {
            return new ExportResult(FiniteDomains(model), ExportFormat.Xcsp, []);
        }

        if (CnfEncoder.TryEncode(model.Domains, model.Constraints, out var reason) is not { } formula)
        {
            return new ExportResult(null, ExportFormat.Xcsp, [$"Constraint '{wide.Source.Id}' spans more than {MaxTuples:N0} combinations, and the model has no exact clause form: {reason}"]);
        }

        return new ExportResult(Clauses(model, formula), ExportFormat.Xcsp, [])
        {
            Warnings = [$"Constraint '{wide.Source.Id}' spans more than {MaxTuples:N0} combinations, so the model is written as clauses over 0/1 variables."],
        };
    }

    private static long Combinations(CompiledModel model, IEnumerable<int> scope)
    {
        long product = 1;
        foreach (var m in scope)
        {
            product *= model.Domains[m].ValueCount;
            if (product > MaxTuples)
            {
                return product;
            }
        }

        return product;
    }

    private static string FiniteDomains(CompiledModel model)
    {
        var domains = model.Domains;
        var sizes = domains.Select(d => d.ValueCount).Distinct().Order().ToList();
        var output = new StringBuilder();
        using var xml = Start(output, model.Model.Id);
        xml.WriteStartElement("domains");
        xml.WriteAttributeString("nbDomains", Invariant(sizes.Count));
        foreach (var size in sizes)
        {
            xml.WriteStartElement("domain");
            xml.WriteAttributeString("name", "D" + Invariant(size));
            xml.WriteAttributeString("nbValues", Invariant(size));
            xml.WriteString(size == 1 ? "0" : $"0..{Invariant(size - 1)}");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("variables");
        xml.WriteAttributeString("nbVariables", Invariant(domains.Length));
        foreach (var domain in domains)
        {
            var values = string.Join(", ", Enumerable.Range(0, domain.ValueCount).Select(v => $"{v}={Describe(domain.Values[v].Select(o => domain.Module.Options[o].Id))}"));
            xml.WriteComment($" {Comment(domain.Module.Id)}: {Comment(values)} ");
            xml.WriteStartElement("variable");
            xml.WriteAttributeString("name", domain.Module.Id);
            xml.WriteAttributeString("domain", "D" + Invariant(domain.ValueCount));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        var relations = new List<(string Name, int Arity, bool Supports, List<int[]> Tuples)>();
        var constraints = new List<(IEnumerable<string> Scope, string Relation, string Id)>();
        foreach (var constraint in model.Constraints)
        {
            Internal.Interruption.Poll();
            var scope = constraint.Scope;
            var supports = new List<int[]>();
            var conflicts = new List<int[]>();
            var values = new int[domains.Length];
            var digits = new int[scope.Length];
            while (true)
            {
                for (var i = 0; i < scope.Length; i++)
                {
                    values[scope[i]] = digits[i];
                }

                (constraint.IsSatisfied(values) ? supports : conflicts).Add([.. digits]);
                var position = scope.Length - 1;
                while (position >= 0 && ++digits[position] == domains[scope[position]].ValueCount)
                {
                    digits[position--] = 0;
                }

                if (position < 0)
                {
                    break;
                }
            }

            if (scope.Length == 0)
            {
                // A rule over no module is true or false throughout; false empties the model, said over the first module.
                if (conflicts.Count > 0)
                {
                    relations.Add(("R" + Invariant(relations.Count), 1, true, []));
                    constraints.Add(([domains[0].Module.Id], relations[^1].Name, constraint.Source.Id));
                }

                continue;
            }

            var useSupports = supports.Count <= conflicts.Count;
            relations.Add(("R" + Invariant(relations.Count), scope.Length, useSupports, useSupports ? supports : conflicts));
            constraints.Add((scope.Select(m => domains[m].Module.Id), relations[^1].Name, constraint.Source.Id));
        }

        WriteRelations(xml, relations);
        xml.WriteStartElement("constraints");
        xml.WriteAttributeString("nbConstraints", Invariant(constraints.Count));
        for (var c = 0; c < constraints.Count; c++)
        {
            WriteConstraint(xml, "C" + Invariant(c), constraints[c].Scope, constraints[c].Relation, constraints[c].Id);
        }

        xml.WriteEndElement();
        return Finish(xml, output);
    }

    private static string Clauses(CompiledModel model, CnfFormula formula)
    {
        var output = new StringBuilder();
        using var xml = Start(output, model.Model.Id);
        var empty = Enumerable.Range(0, formula.ClauseCount).Any(c => formula.Clause(c).IsEmpty);
        var variableCount = Math.Max(formula.VariableCount, 1);
        xml.WriteStartElement("domains");
        xml.WriteAttributeString("nbDomains", "1");
        xml.WriteStartElement("domain");
        xml.WriteAttributeString("name", "B");
        xml.WriteAttributeString("nbValues", "2");
        xml.WriteString("0..1");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteComment(" Variable xN is DIMACS variable N: 1 when true. Modules and their values, as in the DIMACS export: ");
        foreach (var (variable, name) in Dimacs.DimacsExporter.NamedVariables(model, formula))
        {
            xml.WriteComment($" x{Invariant(variable)}: {Comment(name)} ");
        }

        xml.WriteStartElement("variables");
        xml.WriteAttributeString("nbVariables", Invariant(variableCount));
        for (var v = 1; v <= variableCount; v++)
        {
            xml.WriteStartElement("variable");
            xml.WriteAttributeString("name", "x" + Invariant(v));
            xml.WriteAttributeString("domain", "B");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        // One relation per clause shape (arity and signs): the clause forbids the one tuple that falsifies every literal.
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var relations = new List<(string Name, int Arity, bool Supports, List<int[]> Tuples)>();
        var constraints = new List<(int[] Clause, string Relation)>();
        IEnumerable<int[]> clauses = empty ? [[1]] : Enumerable.Range(0, formula.ClauseCount).Select(c => formula.Clause(c).ToArray());
        foreach (var clause in clauses)
        {
            Internal.Interruption.Poll();
            var tuple = clause.Select(l => l > 0 ? 0 : 1).ToArray();
            var key = string.Concat(tuple.Select(t => t == 0 ? '0' : '1'));
            if (!shapes.TryGetValue(key, out var index))
            {
                index = shapes[key] = relations.Count;
                relations.Add(("R" + Invariant(index), tuple.Length, empty, empty ? [] : [tuple]));
            }

            constraints.Add((clause, relations[index].Name));
        }

        WriteRelations(xml, relations);
        xml.WriteStartElement("constraints");
        xml.WriteAttributeString("nbConstraints", Invariant(constraints.Count));
        for (var c = 0; c < constraints.Count; c++)
        {
            WriteConstraint(xml, "C" + Invariant(c), constraints[c].Clause.Select(l => "x" + Invariant(Math.Abs(l))), constraints[c].Relation, comment: null);
        }

        xml.WriteEndElement();
        return Finish(xml, output);
    }

    private static XmlWriter Start(StringBuilder output, string id)
    {
        // Written to a string, so the declaration is ours: a StringBuilder would make it claim UTF-16.
        output.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true });
        xml.WriteStartElement("instance");
        xml.WriteStartElement("presentation");
        xml.WriteAttributeString("name", id);
        xml.WriteAttributeString("format", "XCSP 2.1");
        xml.WriteAttributeString("type", "CSP");
        xml.WriteString("Written by Configurator; its solutions are the model's configurations.");
        xml.WriteEndElement();
        return xml;
    }

    private static string Finish(XmlWriter xml, StringBuilder output)
    {
        xml.WriteEndElement();
        xml.Flush();
        return output.ToString();
    }

    private static void WriteRelations(XmlWriter xml, List<(string Name, int Arity, bool Supports, List<int[]> Tuples)> relations)
    {
        xml.WriteStartElement("relations");
        xml.WriteAttributeString("nbRelations", Invariant(relations.Count));
        foreach (var (name, arity, supports, tuples) in relations)
        {
            xml.WriteStartElement("relation");
            xml.WriteAttributeString("name", name);
            xml.WriteAttributeString("arity", Invariant(arity));
            xml.WriteAttributeString("nbTuples", Invariant(tuples.Count));
            xml.WriteAttributeString("semantics", supports ? "supports" : "conflicts");
            xml.WriteString(string.Join('|', tuples.Select(t => string.Join(' ', t.Select(Invariant)))));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteConstraint(XmlWriter xml, string name, IEnumerable<string> scope, string relation, string? comment)
    {
        var variables = scope.ToList();
        if (comment is not null)
        {
            xml.WriteComment($" {Comment(comment)} ");
        }

        xml.WriteStartElement("constraint");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("arity", Invariant(variables.Count));
        xml.WriteAttributeString("scope", string.Join(' ', variables));
        xml.WriteAttributeString("reference", relation);
        xml.WriteEndElement();
    }

    private static string Describe(IEnumerable<string> options) => string.Join('+', options) is { Length: > 0 } joined ? joined : "(none)";

    /// <summary>Text safe inside an XML comment (no "--", no trailing '-').</summary>
    private static string Comment(string text) => text.Replace("--", "- -", StringComparison.Ordinal).TrimEnd('-');

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
