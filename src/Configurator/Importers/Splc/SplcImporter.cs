using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;

namespace Configurator.Importers.Splc;

/// <summary>
/// SPL Conqueror variability models (binary options): every option implies its parent; a
/// non-optional option is mandatory under its parent unless it excludes siblings, in which case
/// its group is an alternative; excludes are pairwise; an implied entry <c>a|b</c> means
/// "implies a or b"; boolean constraints are clauses over option names with <c>|</c> and <c>!</c>.
/// Numeric options are refused by name.
/// </summary>
internal static class SplcImporter
{
    public static ImportResult Import(string text, string id)
    {
        if (XmlNesting.TooDeep(text, 1) is { } deep)
        {
            return new ImportResult(null, ImportFormat.Splc, [XmlNesting.Error(deep, "SPL Conqueror")]);
        }

        var document = XDocument.Parse(text, LoadOptions.SetLineInfo);
        var root = document.Root!; // a parsed document always has a root element
        var errors = ImmutableArray.CreateBuilder<ImportError>();
        foreach (var numeric in root.Elements("numericOptions").Elements("configurationOption"))
        {
            errors.Add(new ImportError($"Numeric option \"{(string?)numeric.Element("name")}\" is not supported (only binary options are).", Line(numeric)));
        }

        var options = root.Elements("binaryOptions").Elements("configurationOption")
            .Select(o => new SplcOption(
                Name(o.Element("name")),
                Name(o.Element("parent")),
                string.Equals(Name(o.Element("optional")), "True", StringComparison.OrdinalIgnoreCase),
                [.. o.Element("excludedOptions")?.Elements("options").Select(Name).Where(n => n.Length > 0) ?? []],
                [.. o.Element("impliedOptions")?.Elements("options").Select(Name).Where(n => n.Length > 0) ?? []],
                Line(o)))
            .ToList();
        RepeatedNames.Refuse(options, o => o.Name, o => o.Line, name => $"Binary option \"{name}\"", errors);

        foreach (var nameless in options.Where(o => o.Name.Length == 0))
        {
            errors.Add(new ImportError("A binary option has no name.", nameless.Line));
        }

        if (errors.Count == 0 && options.Count == 0)
        {
            // Otherwise a model without modules, refused later as $.modules (found by a fuzz run: nested elements that hold no option).
            errors.Add(new ImportError($"<{root.Name.LocalName}> declares no <configurationOption> inside <binaryOptions>; an SPL Conqueror model needs at least one binary option.", Line(root)));
        }

        if (errors.Count > 0)
        {
            return new ImportResult(null, ImportFormat.Splc, errors.ToImmutable());
        }

        var byName = options.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var model = new BooleanModels(id, options.Select(o => o.Name));

        bool Known(string name, int line, string role)
        {
            if (byName.ContainsKey(name))
            {
                return true;
            }

            errors.Add(new ImportError($"Option names {role} \"{name}\", which is not a binary option of the model.", line));
            return false;
        }

        // The root (an option without parent, or the implicit "root") is always selected.
        bool IsRoot(string parent) => parent.Length == 0 || (parent == "root" && !byName.ContainsKey("root"));

        foreach (var option in options)
        {
            Internal.Interruption.Poll();
            var hasParent = !IsRoot(option.Parent) && Known(option.Parent, option.Line, "parent");
            if (hasParent)
            {
                model.AddRule($"{model.On(option.Name)} -> {model.On(option.Parent)}");
            }

            var siblings = option.Excluded.Where(e => byName.TryGetValue(e, out var other) && other.Parent == option.Parent).ToList();
            if (!option.Optional)
            {
                var group = siblings.Prepend(option.Name).Order(StringComparer.Ordinal).ToList();
                var required = BooleanModels.Any(group.Select(model.On));
                model.AddRule(hasParent ? $"{model.On(option.Parent)} -> {required}" : required);
            }

            foreach (var excluded in option.Excluded.Where(e => Known(e, option.Line, "excluded option")))
            {
                var pair = new[] { option.Name, excluded }.Order(StringComparer.Ordinal).ToList();
                model.AddRule($"not ({model.On(pair[0])} and {model.On(pair[1])})");
            }

            foreach (var implied in option.Implied)
            {
                var alternatives = implied.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (alternatives.All(a => Known(a, option.Line, "implied option")))
                {
                    model.AddRule($"{model.On(option.Name)} -> {BooleanModels.Any(alternatives.Select(model.On))}");
                }
            }
        }

        foreach (var constraint in root.Elements("booleanConstraints").Elements("constraint"))
        {
            var literals = constraint.Value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var names = literals.Select(l => l.TrimStart('!').Trim()).ToList();
            if (literals.Length == 0 || literals.Any(l => l.Contains('&', StringComparison.Ordinal)))
            {
                errors.Add(new ImportError($"Boolean constraint \"{constraint.Value}\" is not a clause of options joined by | (with ! for not).", Line(constraint)));
            }
            else if (names.All(n => Known(n, Line(constraint), "in a boolean constraint the option")))
            {
                model.AddRule(BooleanModels.Any(literals.Select(l => l.StartsWith('!') ? model.Off(l.TrimStart('!').Trim()) : model.On(l))));
            }
        }

        if (root.Elements("nonBooleanConstraints").Elements().Any())
        {
            errors.Add(new ImportError("Non-boolean constraints are not supported.", Line(root.Element("nonBooleanConstraints")!))); // checked just above
        }

        return errors.Count > 0 ? new ImportResult(null, ImportFormat.Splc, errors.ToImmutable()) : new ImportResult(model.Build(), ImportFormat.Splc, []);
    }

    private static string Name(XElement? element) => element?.Value.Trim() ?? "";

    private static int Line(XElement element) => ((IXmlLineInfo)element).LineNumber;

    private sealed record SplcOption(string Name, string Parent, bool Optional, List<string> Excluded, List<string> Implied, int Line);
}
