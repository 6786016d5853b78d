using System.Collections.Immutable;
using System.Globalization;
using Configurator.Modeling;

namespace Configurator.Importers.Uvl;

/// <summary>
/// UVL feature models, with the semantics FeatureIDE and flamapy give them: every feature is a
/// yes/no module (abstract ones too, so counts equal those of the CNF the tools derive); the root
/// is selected; a feature implies its parent; <c>mandatory</c> children are implied by their
/// parent, an <c>or</c> group needs at least one child, an <c>alternative</c> exactly one, and
/// <c>[a..b]</c> between a and b, whenever the parent is selected. Number and text attributes
/// become properties of the feature's option, so <c>F.Price</c> reads as in our rules (0 when F is
/// not selected) and <c>sum(Price)</c> adds it over every feature that has it. Imported files are
/// read from the importing file's folder (<c>a.b</c> is <c>a/b.uvl</c>) and their features are
/// named through the alias (<c>alias.Feature</c>). What the rule language cannot state exactly is
/// refused with its line and column: typed features (an Integer, Real or String value is not a
/// finite choice), feature cardinalities (clones), <c>avg</c>, <c>len</c>, <c>floor</c>,
/// <c>ceil</c>, and division by anything but a number.
/// </summary>
internal sealed class UvlImporter
{
    /// <summary>The most files one import reads (the file and everything it imports).</summary>
    public const int MaxFiles = 256;

    private readonly List<ImportError> _errors = [];
    private readonly List<FeatureEntry> _features = [];
    private readonly Dictionary<string, FeatureEntry> _byName = new(StringComparer.Ordinal);
    private readonly List<(UvlNode Node, string Prefix, string File)> _constraints = [];
    /// <summary>Imported files by path, each parsed once however often it is imported.</summary>
    private readonly Dictionary<string, UvlFile> _files = new(StringComparer.Ordinal);
    private readonly string? _directory;
    private readonly HashSet<string> _ignoredAttributes = new(StringComparer.Ordinal);
    private Dictionary<string, string> _propertyIds = [];
    private BooleanModels? _model;

    private UvlImporter(string? directory) => _directory = directory;

    /// <param name="text">The main file.</param>
    /// <param name="id">The model's id.</param>
    /// <param name="directory">The main file's folder, where imports are looked up; null when the text has no file (imports are then refused).</param>
    public static ImportResult Import(string text, string id, string? directory)
    {
        var importer = new UvlImporter(directory);
        var model = importer.Run(text, id);
        var warnings = importer._ignoredAttributes.Order(StringComparer.Ordinal).Select(w => new ImportError(w, 0)).ToImmutableArray();
        return model is null || importer._errors.Count > 0
            ? new ImportResult(null, ImportFormat.Uvl, [.. importer._errors])
            : new ImportResult(model, ImportFormat.Uvl, []) { Warnings = warnings };
    }

    private ProductModel? Run(string text, string id)
    {
        var main = UvlParser.Parse(text, _errors);
        if (main is null)
        {
            return null;
        }

        if (main.Root is null)
        {
            _errors.Add(new ImportError("The file has no 'features' section with a root feature.", 1) { Column = 1 });
            return null;
        }

        _constraints.AddRange(main.Constraints.Select(c => (c, "", "")));
        Collect(main, main.Root, parent: null, group: null, prefix: "", path: "", stack: []);
        if (_errors.Count > 0)
        {
            return null;
        }

        var repeated = ImmutableArray.CreateBuilder<ImportError>();
        RepeatedNames.Refuse(_features, f => f.Name, f => f.Line, name => $"Feature \"{name}\"", repeated);
        _errors.AddRange(repeated);
        if (_errors.Count > 0)
        {
            return null;
        }

        _propertyIds = ModuleIds.Unique(_features.SelectMany(f => f.Numbers.Keys.Concat(f.Texts.Keys)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var model = _model = new BooleanModels(id, _features.Select(f => f.Name));
        foreach (var feature in _features)
        {
            var properties = feature.Numbers.Select(p => new KeyValuePair<string, PropertyValue>(_propertyIds[p.Key], p.Value))
                .Concat(feature.Texts.Select(p => new KeyValuePair<string, PropertyValue>(_propertyIds[p.Key], p.Value)))
                .ToList();
            if (properties.Count > 0)
            {
                model.Properties[feature.Name] = properties;
            }
        }

        model.AddRule(model.On(_features[0].Name));
        foreach (var feature in _features)
        {
            Internal.Interruption.Poll();
            if (feature.Parent is { } parent)
            {
                model.AddRule($"{model.On(feature.Name)} -> {model.On(parent.Name)}");
            }

            foreach (var (group, children) in feature.Groups)
            {
                AddGroup(model, feature, group, children);
            }
        }

        foreach (var (node, prefix, file) in _constraints)
        {
            Internal.Interruption.Poll();
            var before = _errors.Count;
            if (Convert(node, prefix, file) is { } converted)
            {
                if (converted.Kind != Kind.Bool)
                {
                    Refuse(node, file, $"A constraint must be true or false; this one is a {Describe(converted.Kind)}.");
                }
                else if (Rules.RuleParser.Parse(converted.Text).Error is { Code: Rules.RuleErrorCodes.TooDeep })
                {
                    Refuse(node, file, $"The constraint nests more than {Rules.RuleParser.MaxDepth} levels once converted; split it into several constraints.");
                }
                else if (_errors.Count == before)
                {
                    model.AddRule(converted.Text);
                }
            }
        }

        return _errors.Count > 0 ? null : model.Build();
    }

    private static void AddGroup(BooleanModels model, FeatureEntry parent, UvlGroup group, List<FeatureEntry> children)
    {
        if (children.Count == 0)
        {
            return;
        }

        var on = model.On(parent.Name);
        switch (group.Kind)
        {
            case "mandatory":
                foreach (var child in children)
                {
                    model.AddRule($"{on} -> {model.On(child.Name)}");
                }

                break;
            case "or":
                model.AddRule($"{on} -> {BooleanModels.Any(children.Select(c => model.On(c.Name)))}");
                break;
            case "alternative":
                // Children imply the parent, so "exactly one when the parent is selected" is this sum.
                model.AddRule($"{Sum(model, children)} == count({model.Ids[parent.Name]})");
                break;
            case "cardinality":
                var bounds = new List<string>();
                if (group.Min > 0)
                {
                    bounds.Add($"{Sum(model, children)} >= {group.Min.ToString(CultureInfo.InvariantCulture)}");
                }

                if (group.Max >= 0 && group.Max < children.Count)
                {
                    bounds.Add($"{Sum(model, children)} <= {group.Max.ToString(CultureInfo.InvariantCulture)}");
                }

                if (bounds.Count > 0)
                {
                    model.AddRule($"{on} -> ({string.Join(" and ", bounds.Select(b => $"({b})"))})");
                }

                break;
        }
    }

    private static string Sum(BooleanModels model, List<FeatureEntry> children) => BooleanModels.Chain([.. children.Select(c => $"count({model.Ids[c.Name]})")], "+", parenthesize: false);

    /// <summary>Walks a file's feature tree, splicing in imported files where the tree names their root.</summary>
    private void Collect(UvlFile file, UvlFeature feature, FeatureEntry? parent, List<FeatureEntry>? group, string prefix, string path, List<string> stack)
    {
        Internal.Interruption.Poll();
        var name = feature.Name;
        if (name.Contains('.', StringComparison.Ordinal))
        {
            // Feature names cannot hold dots, so a dotted name in the tree is an imported file's root.
            if (Resolve(file, name, feature, path, stack) is not { } imported)
            {
                return;
            }

            // Each place the tree names an imported root is a copy under its own prefix, with its own constraints.
            var (importedFile, alias, importedPath) = imported;
            _constraints.AddRange(importedFile.Constraints.Select(c => (c, prefix + alias + ".", importedPath)));

            stack.Add(importedPath);
            Collect(importedFile, importedFile.Root!, parent, group, prefix + alias + ".", importedPath, stack);
            stack.RemoveAt(stack.Count - 1);
            if (feature.Groups.Count > 0 || feature.Attributes.Count > 0)
            {
                Refuse(feature.Line, feature.Column, path, $"\"{name}\" is the root of an imported file; give it groups and attributes in that file.");
            }

            return;
        }

        if (feature.Type is { Text: not "Boolean" } type)
        {
            Refuse(type.Line, type.Column, path, $"\"{name}\" is a {type.Text} feature: its value is not a finite choice, so configurations cannot be counted or enumerated. Model the values it may take as an alternative group.");
        }

        if (feature.Cardinality is { } cardinality)
        {
            Refuse(cardinality.Line, cardinality.Column, path, $"\"{name}\" has a feature cardinality (copies of a subtree), which a product model has no counterpart for. Model the copies as separate features.");
        }

        var entry = new FeatureEntry(prefix + name, feature.Line, parent);
        _features.Add(entry);
        _byName.TryAdd(entry.Name, entry);
        group?.Add(entry);
        foreach (var attribute in feature.Attributes)
        {
            switch (attribute.Value)
            {
                case decimal number:
                    entry.Numbers[attribute.Key] = number;
                    break;
                case string text:
                    entry.Texts[attribute.Key] = text;
                    break;
                case List<UvlNode> constraints:
                    _constraints.AddRange(constraints.Select(c => (c, prefix, path)));
                    break;
                case bool when attribute.Key == "abstract":
                    break;
                default:
                    _ignoredAttributes.Add($"Attribute '{attribute.Key}' is {(attribute.Value is bool ? "true or false" : "a list or nested attributes")} on some features; it is kept in no property (properties are numbers or texts).");
                    break;
            }
        }

        foreach (var uvlGroup in feature.Groups)
        {
            var children = new List<FeatureEntry>();
            entry.Groups.Add((uvlGroup, children));
            foreach (var child in uvlGroup.Children)
            {
                Collect(file, child, entry, children, prefix, path, stack);
            }
        }
    }

    /// <summary>The imported file a dotted tree name points into, with its alias and path; null with an error when it cannot be read.</summary>
    private (UvlFile File, string Alias, string Path)? Resolve(UvlFile file, string name, UvlFeature feature, string path, List<string> stack)
    {
        var import = file.Imports.Where(i => name.StartsWith(i.Alias + ".", StringComparison.Ordinal)).MaxBy(i => i.Alias.Length);
        if (import is null)
        {
            Refuse(feature.Line, feature.Column, path, $"\"{name}\" names no imported file: a feature name has no dots unless it names the root of a file listed under 'imports'.");
            return null;
        }

        if (_directory is null)
        {
            Refuse(import.Line, import.Column, path, $"'{import.Namespace}' cannot be imported: the model was given as text, so there is no folder to read it from. Import the file by its path.");
            return null;
        }

        var segments = import.Namespace.Split('.');
        if (segments.Any(s => s.Length == 0 || s.IndexOfAny(['/', '\\', ':']) >= 0 || s is "." or ".."))
        {
            Refuse(import.Line, import.Column, path, $"'{import.Namespace}' is not a file name under the model's folder (no slashes, colons or '..').");
            return null;
        }

        // Relative to the importing file's folder, as the UVL tools resolve it.
        var folder = path.Contains('/', StringComparison.Ordinal) ? path[..(path.LastIndexOf('/') + 1)] : "";
        var relative = folder + string.Join('/', segments) + ".uvl";
        var full = System.IO.Path.Combine(_directory, System.IO.Path.Combine(relative.Split('/')));
        if (stack.Contains(relative, StringComparer.Ordinal) || relative == path)
        {
            Refuse(import.Line, import.Column, path, $"'{import.Namespace}' imports itself through {string.Join(" -> ", stack.Append(relative))}.");
            return null;
        }

        if (!_files.TryGetValue(relative, out var imported))
        {
            if (_files.Count >= MaxFiles)
            {
                Refuse(import.Line, import.Column, path, $"The model imports more than {MaxFiles} files.");
                return null;
            }

            if (!File.Exists(full))
            {
                Refuse(import.Line, import.Column, path, $"'{import.Namespace}' cannot be imported: there is no file {relative} in the model's folder.");
                return null;
            }

            var errors = new List<ImportError>();
            imported = UvlParser.Parse(File.ReadAllText(full), errors);
            foreach (var error in errors)
            {
                _errors.Add(error with { Message = $"in {relative}: {error.Message}" });
            }

            if (imported is null)
            {
                return null;
            }

            if (imported.Root is null)
            {
                Refuse(import.Line, import.Column, path, $"{relative} has no 'features' section, so it has no root to import.");
                return null;
            }

            _files[relative] = imported;
        }

        var rootName = name[(import.Alias.Length + 1)..];
        if (imported.Root!.Name != rootName)
        {
            Refuse(feature.Line, feature.Column, path, $"\"{name}\" names \"{rootName}\" in {relative}, whose root feature is \"{imported.Root.Name}\"; only an imported file's root can stand in the tree.");
            return null;
        }

        return (imported, import.Alias, relative);
    }

    private enum Kind
    {
        Bool,
        Number,
        Text,
    }

    private static string Describe(Kind kind) => kind switch { Kind.Bool => "truth value", Kind.Number => "number", _ => "text" };

    private (string Text, Kind Kind)? Convert(UvlNode node, string prefix, string file)
    {
        var model = _model!;
        switch (node)
        {
            case UvlReference { Name: "true" or "false" } literal:
                return (literal.Name, Kind.Bool);
            case UvlReference reference when _byName.ContainsKey(prefix + reference.Name):
                return (model.On(prefix + reference.Name), Kind.Bool);
            case UvlReference reference:
                return Attribute(reference, prefix, file);
            case UvlNumber number:
                return (number.Value < 0 ? $"(0 - {(-number.Value).ToString(CultureInfo.InvariantCulture)})" : number.Value.ToString(CultureInfo.InvariantCulture), Kind.Number);
            case UvlString text:
                return (Quote(text.Value), Kind.Text);
            case UvlUnary unary when Convert(unary.Operand, prefix, file) is { } operand:
                var wanted = unary.Operator == "!" ? Kind.Bool : Kind.Number;
                return Expect(unary.Operand, operand, wanted, file) ? (unary.Operator == "!" ? $"not ({operand.Text})" : $"(0 - ({operand.Text}))", wanted) : null;
            case UvlChain chain:
                var operands = chain.Operands.Select(o => (Node: o, Converted: Convert(o, prefix, file))).ToList();
                if (operands.Any(o => o.Converted is null || !Expect(o.Node, o.Converted.Value, Kind.Bool, file)))
                {
                    return null;
                }

                return (BooleanModels.Chain([.. operands.Select(o => o.Converted!.Value.Text)], chain.Operator == "&" ? "and" : "or"), Kind.Bool);
            case UvlBinary binary:
                return Binary(binary, prefix, file);
            case UvlCall call:
                return Call(call, prefix, file);
            default:
                return null;
        }
    }

    private (string Text, Kind Kind)? Binary(UvlBinary binary, string prefix, string file)
    {
        var left = Convert(binary.Left, prefix, file);
        var right = Convert(binary.Right, prefix, file);
        if (left is not { } l || right is not { } r)
        {
            return null;
        }

        switch (binary.Operator)
        {
            case "=>" or "<=>":
                return Expect(binary.Left, l, Kind.Bool, file) & Expect(binary.Right, r, Kind.Bool, file)
                    ? ($"({l.Text}) {(binary.Operator == "=>" ? "->" : "<->")} ({r.Text})", Kind.Bool)
                    : null;
            case "==" or "!=" when l.Kind == Kind.Text || r.Kind == Kind.Text:
                return Expect(binary.Right, r, l.Kind, file) ? ($"({l.Text}) {binary.Operator} ({r.Text})", Kind.Bool) : null;
            case "==" or "!=" or "<" or "<=" or ">" or ">=":
                return Expect(binary.Left, l, Kind.Number, file) & Expect(binary.Right, r, Kind.Number, file)
                    ? ($"({l.Text}) {binary.Operator} ({r.Text})", Kind.Bool)
                    : null;
            case "/" when binary.Right is not UvlNumber { Value: not 0 }:
                Refuse(binary, file, "Division is by a number other than 0 only (the rule language keeps arithmetic exact and linear); rewrite the comparison with a multiplication.");
                return null;
            default:
                return Expect(binary.Left, l, Kind.Number, file) & Expect(binary.Right, r, Kind.Number, file)
                    ? ($"({l.Text}) {binary.Operator} ({r.Text})", Kind.Number)
                    : null;
        }
    }

    private (string Text, Kind Kind)? Call(UvlCall call, string prefix, string file)
    {
        if (call.Function != "sum")
        {
            Refuse(call, file, $"{call.Function}(...) has no exact counterpart in the rule language (it divides by a count, rounds, or measures a text); only sum(...) is imported.");
            return null;
        }

        if (call.Arguments.Count > 2)
        {
            Refuse(call, file, "sum takes an attribute, or a feature and an attribute.");
            return null;
        }

        var key = call.Arguments[^1];
        IEnumerable<FeatureEntry> scope = _features;
        if (call.Arguments.Count == 2)
        {
            if (!_byName.TryGetValue(prefix + call.Arguments[0], out var top))
            {
                Refuse(call, file, $"sum({call.Arguments[0]}, {key}) names no feature \"{call.Arguments[0]}\".");
                return null;
            }

            scope = _features.Where(f => IsWithin(f, top));
        }

        if (_features.Any(f => f.Texts.ContainsKey(key)))
        {
            Refuse(call, file, $"sum({key}) adds an attribute that is a text on some features.");
            return null;
        }

        var model = _model!;
        var terms = scope.Where(f => f.Numbers.ContainsKey(key)).Select(f => $"{model.Ids[f.Name]}.{_propertyIds[key]}").ToList();
        return (terms.Count == 0 ? "0" : BooleanModels.Chain(terms, "+"), Kind.Number);
    }

    private static bool IsWithin(FeatureEntry feature, FeatureEntry top)
    {
        for (var at = feature; at is not null; at = at.Parent)
        {
            if (ReferenceEquals(at, top))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Feature.attribute</c>: the property of the feature's option, 0 (or empty text) when the feature is not selected.</summary>
    private (string Text, Kind Kind)? Attribute(UvlReference reference, string prefix, string file)
    {
        var dot = reference.Name.LastIndexOf('.');
        if (dot > 0 && _byName.TryGetValue(prefix + reference.Name[..dot], out var feature))
        {
            var key = reference.Name[(dot + 1)..];
            var model = _model!;
            if (feature.Numbers.ContainsKey(key))
            {
                return ($"{model.Ids[feature.Name]}.{_propertyIds[key]}", Kind.Number);
            }

            if (feature.Texts.ContainsKey(key))
            {
                return ($"{model.Ids[feature.Name]}.{_propertyIds[key]}", Kind.Text);
            }

            Refuse(reference, file, $"Feature \"{feature.Name}\" has no number or text attribute '{key}'.");
            return null;
        }

        Refuse(reference, file, $"\"{reference.Name}\" names no feature{(dot > 0 ? " and no attribute of one" : "")} of the model.");
        return null;
    }

    private bool Expect(UvlNode node, (string Text, Kind Kind) converted, Kind wanted, string file)
    {
        if (converted.Kind == wanted)
        {
            return true;
        }

        Refuse(node, file, $"Expected a {Describe(wanted)} here, found a {Describe(converted.Kind)}{(converted.Kind == Kind.Bool && wanted == Kind.Number ? " (a feature has no number; read one of its attributes, such as F.Price)" : "")}.");
        return false;
    }

    private static string Quote(string text) => text.Contains('\'', StringComparison.Ordinal) ? $"\"{text}\"" : $"'{text}'";

    private void Refuse(UvlNode node, string file, string message) => Refuse(node.Line, node.Column, file, message);

    private void Refuse(int line, int column, string file, string message) =>
        _errors.Add(new ImportError(file.Length == 0 ? message : $"in {file}: {message}", line) { Column = column });

    private sealed class FeatureEntry(string name, int line, FeatureEntry? parent)
    {
        public string Name { get; } = name;

        public int Line { get; } = line;

        public FeatureEntry? Parent { get; } = parent;

        public Dictionary<string, decimal> Numbers { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Texts { get; } = new(StringComparer.Ordinal);

        public List<(UvlGroup Group, List<FeatureEntry> Children)> Groups { get; } = [];
    }
}
