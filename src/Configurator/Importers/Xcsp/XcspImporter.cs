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
    /// <summary>The most values one domain may hold: the compiler's limit of selections per module.</summary>
    public const int MaxDomainValues = 65_536;

    /// <summary>The most values all domains may hold together; each becomes an option of every variable over it.</summary>
    public const int MaxTotalValues = 1_000_000;

    public static ImportResult Import(string text, string id)
    {
        if (XmlNesting.TooDeep(text, 1) is { } deep)
        {
            return new ImportResult(null, ImportFormat.Xcsp, [XmlNesting.Error(deep, "XCSP")]);
        }

        var document = XDocument.Parse(text, LoadOptions.SetLineInfo);
        var errors = ImmutableArray.CreateBuilder<ImportError>();
        var root = document.Root!; // a parsed document always has a root element
        foreach (var (section, element) in (ReadOnlySpan<(string, string)>)[("domains", "domain"), ("variables", "variable"), ("relations", "relation"), ("constraints", "constraint")])
        {
            RepeatedNames.Refuse(root.Elements(section).Elements(element), e => (string?)e.Attribute("name") ?? "", Line, name => $"<{element} name=\"{name}\">", errors);
        }

        if (errors.Count > 0)
        {
            return new ImportResult(null, ImportFormat.Xcsp, errors.ToImmutable());
        }

        var domains = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var totalValues = 0L;
        foreach (var domain in root.Elements("domains").Elements("domain"))
        {
            var values = Values(domain.Value, domain, errors);
            domains[(string?)domain.Attribute("name") ?? ""] = values;
            if ((totalValues += values.Count) > MaxTotalValues)
            {
                errors.Add(new ImportError($"The domains hold more than {MaxTotalValues:N0} values in all; the importer takes at most that many (each value becomes an option).", Line(domain)));
                return new ImportResult(null, ImportFormat.Xcsp, errors.ToImmutable());
            }
        }

        var variables = root.Elements("variables").Elements("variable").ToList();
        var ids = ModuleIds.Unique(variables.Select(v => (string?)v.Attribute("name") ?? ""));
        var builder = new ProductModelBuilder(id).Named(id);
        var domainOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            var name = (string?)variable.Attribute("name") ?? "";
            if (!domains.TryGetValue((string?)variable.Attribute("domain") ?? "", out var values))
            {
                errors.Add(new ImportError($"<variable name=\"{name}\"> names domain \"{(string?)variable.Attribute("domain")}\", which <domains> does not define.", Line(variable)));
                continue;
            }

            domainOf[name] = [.. values];
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
        var constraintIds = ModuleIds.Unique(root.Elements("constraints").Elements("constraint").Select(c => (string?)c.Attribute("name") ?? ""));
        foreach (var constraint in root.Elements("constraints").Elements("constraint"))
        {
            Internal.Interruption.Poll();
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
            var fitting = rows.Select(r => Array.ConvertAll(r, Canonical))
                .Where(r => r.Select((value, i) => value is not null && domainOf.TryGetValue(scope[i], out var d) && d.Contains(value)).All(x => x))
                .ToList();
            builder.AddTable(constraintIds[name], scope.Select(v => ids[v]), semantics == "supports" ? TableKind.Allowed : TableKind.Forbidden, fitting);
        }

        if (errors.Count == 0 && variables.Count == 0)
        {
            // Otherwise a model without modules, refused later as $.modules (found by a fuzz run: a root element misspelt).
            errors.Add(new ImportError($"<{root.Name.LocalName}> declares no <variable> inside <variables>; an XCSP instance needs at least one.", Line(root)));
        }

        return errors.Count > 0 ? new ImportResult(null, ImportFormat.Xcsp, errors.ToImmutable()) : new ImportResult(builder.Build(), ImportFormat.Xcsp, []);
    }

    /// <summary>Reads "0..8", "1 3 5" or a mix; a value given twice is one option.</summary>
    private static List<string> Values(string text, XElement domain, ImmutableArray<ImportError>.Builder errors)
    {
        var values = new List<string>();
        var seen = new HashSet<long>();
        var name = (string?)domain.Attribute("name");
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        foreach (var part in text.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split("..");
            if (range.Length == 2 && long.TryParse(range[0], culture, out var low) && long.TryParse(range[1], culture, out var high))
            {
                if (low > high || high - low >= MaxDomainValues)
                {
                    errors.Add(new ImportError(low > high
                        ? $"<domain name=\"{name}\"> has the range {part}, which is empty (its low end is above its high end)."
                        : $"<domain name=\"{name}\"> has the range {part} of {high - low + 1:N0} values; the importer takes at most {MaxDomainValues:N0} values per domain (each becomes an option).", Line(domain)));
                    return values;
                }

                for (var value = low; value <= high; value++)
                {
                    if (seen.Add(value))
                    {
                        values.Add(value.ToString(culture));
                    }
                }
            }
            else if (range.Length == 1 && long.TryParse(part, culture, out var single))
            {
                if (seen.Add(single))
                {
                    values.Add(single.ToString(culture));
                }
            }
            else
            {
                errors.Add(new ImportError($"<domain name=\"{name}\"> has \"{part}\", which is neither a whole number nor a range a..b.", Line(domain)));
            }

            if (values.Count > MaxDomainValues)
            {
                errors.Add(new ImportError($"<domain name=\"{name}\"> has more than {MaxDomainValues:N0} values; the importer takes at most that many per domain (each becomes an option).", Line(domain)));
                return values;
            }
        }

        // An empty domain would import as a module without options, which validation then refuses
        // under a JSON path of a model the user never wrote (found by a longer fuzz run).
        if (values.Count == 0 && text.AsSpan().Trim().IsEmpty)
        {
            errors.Add(new ImportError($"<domain name=\"{name}\"> has no values; give it at least one (each value becomes an option).", Line(domain)));
        }

        return values;
    }

    /// <summary>A value as the domains write it (no sign or leading zeros), or null when it is not a whole number.</summary>
    private static string? Canonical(string value) =>
        long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    private static int Line(XElement element) => ((IXmlLineInfo)element).LineNumber;
}
