using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;
using Configurator.Modeling;

namespace Configurator.Importers.Xcsp;

/// <summary>
/// XCSP 2.1 extensional problems: each variable becomes a module whose options are its domain's
/// values; each constraint becomes a table of its relation's supports (allowed) or conflicts
/// (forbidden). Intensional constraints (predicates) and global constraints are refused by name.
/// </summary>
internal static class XcspImporter
{
    public static ImportResult Import(string text, string id)
    {
        var document = XDocument.Parse(text, LoadOptions.SetLineInfo);
        var errors = ImmutableArray.CreateBuilder<ImportError>();
        var root = document.Root!; // a parsed document always has a root element
        var domains = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var domain in root.Elements("domains").Elements("domain"))
        {
            domains[(string?)domain.Attribute("name") ?? ""] = Values(domain.Value, domain, errors);
        }

        var variables = root.Elements("variables").Elements("variable").ToList();
        var ids = ModuleIds.Unique(variables.Select(v => (string?)v.Attribute("name") ?? ""));
        var builder = new ProductModelBuilder(id).Named(id);
        var domainOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            var name = (string?)variable.Attribute("name") ?? "";
            if (!domains.TryGetValue((string?)variable.Attribute("domain") ?? "", out var values))
            {
                errors.Add(new ImportError($"<variable name=\"{name}\"> names domain \"{(string?)variable.Attribute("domain")}\", which <domains> does not define.", Line(variable)));
                continue;
            }

            domainOf[name] = values;
            builder.AddModule(ids[name], m =>
            {
                m.Named(name);
                foreach (var value in values)
                {
                    m.AddOption(value);
                }
            });
        }

        var relations = root.Elements("relations").Elements("relation").ToDictionary(r => (string?)r.Attribute("name") ?? "", StringComparer.Ordinal);
        foreach (var constraint in root.Elements("constraints").Elements("constraint"))
        {
            var name = (string?)constraint.Attribute("name") ?? "";
            var scope = ((string?)constraint.Attribute("scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var reference = (string?)constraint.Attribute("reference") ?? "";
            if (!relations.TryGetValue(reference, out var relation))
            {
                errors.Add(new ImportError($"<constraint name=\"{name}\"> refers to \"{reference}\", which is not a <relation> (predicates and global constraints are not supported).", Line(constraint)));
                continue;
            }

            if (scope.FirstOrDefault(v => !ids.ContainsKey(v)) is { } unknown)
            {
                errors.Add(new ImportError($"<constraint name=\"{name}\"> names variable \"{unknown}\", which <variables> does not define.", Line(constraint)));
                continue;
            }

            var semantics = (string?)relation.Attribute("semantics");
            if (semantics is not ("supports" or "conflicts"))
            {
                errors.Add(new ImportError($"<relation name=\"{reference}\"> has semantics \"{semantics}\"; only supports and conflicts are supported.", Line(relation)));
                continue;
            }

            var rows = relation.Value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(tuple => tuple.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .ToList();
            if (rows.FirstOrDefault(r => r.Length != scope.Length) is { } bad)
            {
                errors.Add(new ImportError($"<relation name=\"{reference}\"> has a tuple of {bad.Length} values for a scope of {scope.Length} variables in <constraint name=\"{name}\">.", Line(relation)));
                continue;
            }

            // Values outside a variable's domain can never match; they are dropped rather than rejected.
            var fitting = rows.Where(r => r.Select((value, i) => domainOf.TryGetValue(scope[i], out var d) && d.Contains(value)).All(x => x)).ToList();
            builder.AddTable(ModuleIds.Sanitize(name), scope.Select(v => ids[v]), semantics == "supports" ? TableKind.Allowed : TableKind.Forbidden, fitting);
        }

        return errors.Count > 0 ? new ImportResult(null, ImportFormat.Xcsp, errors.ToImmutable()) : new ImportResult(builder.Build(), ImportFormat.Xcsp, []);
    }

    /// <summary>Reads "0..8", "1 3 5" or a mix.</summary>
    private static List<string> Values(string text, XElement domain, ImmutableArray<ImportError>.Builder errors)
    {
        var values = new List<string>();
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split("..");
            if (range.Length == 2 && int.TryParse(range[0], System.Globalization.CultureInfo.InvariantCulture, out var low) && int.TryParse(range[1], System.Globalization.CultureInfo.InvariantCulture, out var high) && low <= high && high - low < 1_000_000)
            {
                values.AddRange(Enumerable.Range(low, high - low + 1).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            else if (range.Length == 1 && int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                values.Add(part);
            }
            else
            {
                errors.Add(new ImportError($"<domain name=\"{(string?)domain.Attribute("name")}\"> has \"{part}\", which is neither a value nor a range a..b.", Line(domain)));
            }
        }

        return values;
    }

    private static int Line(XElement element) => ((IXmlLineInfo)element).LineNumber;
}
