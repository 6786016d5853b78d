using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;

namespace Configurator.Importers.FeatureIde;

/// <summary>
/// FeatureIDE XML feature models: the root is always selected; a feature implies its parent; a
/// mandatory child of an <c>and</c> group is implied by its parent; an <c>or</c> group needs at
/// least one child when the parent is selected, an <c>alt</c> group exactly one; cross-tree rules
/// (<c>imp</c>, <c>eq</c>, <c>disj</c>, <c>conj</c>, <c>not</c>, <c>var</c>) become rules.
/// </summary>
internal static class FeatureIdeImporter
{
    private static readonly HashSet<string> Groups = new(StringComparer.Ordinal) { "and", "or", "alt", "feature" };

    /// <remarks>
    /// Line numbers cost an annotation on every element: reading automotive2_4's 1.7 MB took 85 ms
    /// with them and 34 ms without, and the annotations lived through the whole import. They are
    /// only needed for errors, so a file is read without them, and read again only when it has
    /// errors to place.
    /// </remarks>
    public static ImportResult Import(string text, string id)
    {
        // Under <featureModel>: <struct> or <constraints>, then a root feature or a <rule> (level 2).
        if (XmlNesting.TooDeep(text, 2) is { } deep)
        {
            return new ImportResult(null, ImportFormat.FeatureIde, [deep.Name == "rule" ? TooDeepRule(deep.Levels, deep.Line) : XmlNesting.Error(deep, "FeatureIDE")]);
        }

        var result = Import(text, id, LoadOptions.None);
        return result.Errors.IsEmpty ? result : Import(text, id, LoadOptions.SetLineInfo);
    }

    private static ImportResult Import(string text, string id, LoadOptions options)
    {
        var document = XDocument.Parse(text, options);
        var errors = ImmutableArray.CreateBuilder<ImportError>();
        var structure = document.Root?.Element("struct");
        if (structure?.Elements().FirstOrDefault() is not { } rootFeature)
        {
            return new ImportResult(null, ImportFormat.FeatureIde, [new ImportError("<featureModel> has no <struct> with a root feature.", 1)]);
        }

        // Anything else first (a rule's <eq>, found by a fuzz run) left no feature at all to take as the root.
        if (!Groups.Contains(rootFeature.Name.LocalName))
        {
            return new ImportResult(null, ImportFormat.FeatureIde, [new ImportError($"<struct> starts with <{rootFeature.Name.LocalName}>, not with the root feature (<feature>, <and>, <or> or <alt>).", Line(rootFeature))]);
        }

        var features = rootFeature.DescendantsAndSelf().Where(e => Groups.Contains(e.Name.LocalName)).ToList();
        foreach (var nameless in features.Where(f => string.IsNullOrEmpty((string?)f.Attribute("name"))))
        {
            errors.Add(new ImportError($"<{nameless.Name.LocalName}> has no name attribute; every feature needs one.", Line(nameless)));
        }

        var names = features.Select(f => (string?)f.Attribute("name") ?? "").ToList();
        RepeatedNames.Refuse(features.Where(f => !string.IsNullOrEmpty((string?)f.Attribute("name"))), f => (string)f.Attribute("name")!, Line, name => $"Feature \"{name}\"", errors);

        if (errors.Count > 0)
        {
            return new ImportResult(null, ImportFormat.FeatureIde, errors.ToImmutable());
        }

        var model = new BooleanModels(id, names);
        model.AddRule(model.On(names[0]));
        foreach (var feature in features)
        {
            Internal.Interruption.Poll();
            var name = (string)feature.Attribute("name")!; // every element in features has a name: names were read from them above
            var children = feature.Elements().Where(e => Groups.Contains(e.Name.LocalName)).Select(e => (Element: e, Name: (string?)e.Attribute("name") ?? "")).ToList();
            foreach (var child in children)
            {
                model.AddRule($"{model.On(child.Name)} -> {model.On(name)}");
            }

            switch (feature.Name.LocalName)
            {
                case "and":
                    foreach (var child in children.Where(c => (string?)c.Element.Attribute("mandatory") == "true"))
                    {
                        model.AddRule($"{model.On(name)} -> {model.On(child.Name)}");
                    }

                    break;
                case "or" when children.Count > 0:
                    model.AddRule($"{model.On(name)} -> {BooleanModels.Any(children.Select(c => model.On(c.Name)))}");
                    break;
                case "alt" when children.Count > 0:
                    // Children imply the parent, so "exactly one when the parent is selected" is this sum.
                    model.AddRule($"{BooleanModels.Chain([.. children.Select(c => $"count({model.Ids[c.Name]})")], "+", parenthesize: false)} == count({model.Ids[name]})");
                    break;
            }
        }

        foreach (var rule in document.Root!.Element("constraints")?.Elements("rule") ?? []) // the root exists: <struct> was found under it
        {
            Internal.Interruption.Poll();
            if (rule.Elements().Take(2).ToList() is not [var body])
            {
                errors.Add(new ImportError("<rule> must hold exactly one expression.", Line(rule)));
                continue;
            }

            // Refused here, with the rule's line, rather than later as a JSON path of the converted
            // model; and before the recursive conversion, so that hostile nesting cannot exhaust the stack.
            if (Depth(body) is var depth && depth > Rules.RuleParser.MaxDepth)
            {
                errors.Add(TooDeepRule(depth, Line(rule)));
                continue;
            }

            if (Expression(body, model, errors) is { } expression)
            {
                if (depth > Rules.RuleParser.MaxDepth / 2 && Rules.RuleParser.Parse(expression).Error is { Code: Rules.RuleErrorCodes.TooDeep })
                {
                    // Wide groups add a few levels of their own (balanced), so a rule just under the limit may pass it.
                    errors.Add(new ImportError($"<rule> nests more than {Rules.RuleParser.MaxDepth} levels once converted; split it into several rules.", Line(rule)));
                    continue;
                }

                model.AddRule(expression);
            }
        }

        return errors.Count > 0 ? new ImportResult(null, ImportFormat.FeatureIde, errors.ToImmutable()) : new ImportResult(model.Build(), ImportFormat.FeatureIde, []);
    }

    private static ImportError TooDeepRule(int depth, int line) =>
        new($"<rule> nests {depth:N0} elements deep; rules nest at most {Rules.RuleParser.MaxDepth} levels. Split it into several rules.", line);

    /// <summary>How many elements deep an expression is (a lone variable is 1), without recursion.</summary>
    private static int Depth(XElement root)
    {
        var deepest = 0;
        var pending = new Stack<(XElement Element, int Depth)>([(root, 1)]);
        while (pending.TryPop(out var item))
        {
            deepest = Math.Max(deepest, item.Depth);
            foreach (var child in item.Element.Elements())
            {
                pending.Push((child, item.Depth + 1));
            }
        }

        return deepest;
    }

    private static string? Expression(XElement element, BooleanModels model, ImmutableArray<ImportError>.Builder errors)
    {
        var operands = element.Elements().Select(e => Expression(e, model, errors)).ToList();
        if (operands.Any(o => o is null))
        {
            return null;
        }

        switch (element.Name.LocalName)
        {
            case "var" when model.Ids.ContainsKey(element.Value.Trim()):
                return model.On(element.Value.Trim());
            case "var":
                errors.Add(new ImportError($"<var>{element.Value.Trim()}</var> names no feature of the model.", Line(element)));
                return null;
            case "not" when operands.Count == 1:
                return $"not ({operands[0]})";
            case "conj" or "disj" when operands.Count >= 1:
                return BooleanModels.Chain([.. operands.Select(o => o!)], element.Name.LocalName == "conj" ? "and" : "or");
            case "imp" when operands.Count == 2:
                return $"({operands[0]}) -> ({operands[1]})";
            case "eq" when operands.Count == 2:
                return $"({operands[0]}) <-> ({operands[1]})";
            default:
                errors.Add(new ImportError($"<{element.Name.LocalName}> with {operands.Count} operand(s) is not supported in a rule (use var, not, conj, disj, imp, eq).", Line(element)));
                return null;
        }
    }

    private static int Line(XElement element) => ((IXmlLineInfo)element).LineNumber;
}
