using System.Globalization;
using System.Numerics;
using System.Text;

namespace Configurator.Tests.Generators;

/// <summary>
/// Random small UVL feature models with an oracle of their own: the text, and a count made by
/// applying UVL's semantics to every assignment of the features (independent of the importer).
/// </summary>
internal sealed class RandomUvl
{
    private readonly List<Feature> _features = [];
    private readonly List<Func<bool[], bool>> _constraints = [];

    private RandomUvl()
    {
    }

    public string Text { get; private set; } = "";

    public static RandomUvl Create(Random random)
    {
        var model = new RandomUvl();
        var count = random.Next(2, 9);
        for (var i = 0; i < count; i++)
        {
            var feature = new Feature(i, random.Next(3) == 0 ? $"\"F {i}\"" : $"F{i}", random.Next(3) == 0 ? random.Next(-3, 6) : null);
            model._features.Add(feature);
            if (i == 0)
            {
                continue;
            }

            var parent = model._features[random.Next(i)];
            var group = parent.Groups.Count == 0 || random.Next(3) == 0 ? null : parent.Groups[random.Next(parent.Groups.Count)];
            if (group is null)
            {
                group = new Group(Kind(random), []);
                parent.Groups.Add(group);
            }

            group.Children.Add(feature);
            feature.Parent = parent;
        }

        // A cardinality group's bounds fit its children, sometimes exceeding them (an empty group).
        foreach (var group in model._features.SelectMany(f => f.Groups).Where(g => g.Kind == "range"))
        {
            group.Min = random.Next(0, group.Children.Count + 1);
            group.Max = random.Next(3) == 0 ? -1 : random.Next(group.Min, group.Children.Count + 2);
        }

        var lines = new List<string>();
        for (var c = 0; c < random.Next(0, 4); c++)
        {
            var (text, holds) = random.Next(4) == 0 ? model.Arithmetic(random) : model.Formula(random, random.Next(0, 4));
            lines.Add(text);
            model._constraints.Add(holds);
        }

        var indent = random.Next(2) == 0 ? "\t" : "    ";
        var output = new StringBuilder(random.Next(2) == 0 ? "// a random model\nnamespace Random\n\n" : "");
        output.Append("features\n");
        Write(output, model._features[0], 1, indent);
        if (lines.Count > 0)
        {
            output.Append("\nconstraints\n");
            foreach (var line in lines)
            {
                output.Append(indent).Append(line).Append('\n');
            }
        }

        model.Text = output.ToString();
        return model;
    }

    public BigInteger Oracle()
    {
        var count = BigInteger.Zero;
        var on = new bool[_features.Count];
        for (var bits = 0; bits < 1 << _features.Count; bits++)
        {
            for (var i = 0; i < on.Length; i++)
            {
                on[i] = (bits & (1 << i)) != 0;
            }

            if (on[0] && _features.All(f => Holds(f, on)) && _constraints.All(c => c(on)))
            {
                count++;
            }
        }

        return count;
    }

    private static bool Holds(Feature feature, bool[] on)
    {
        if (on[feature.Index] && feature.Parent is { } parent && !on[parent.Index])
        {
            return false;
        }

        if (!on[feature.Index])
        {
            return true;
        }

        foreach (var group in feature.Groups)
        {
            var chosen = group.Children.Count(c => on[c.Index]);
            var ok = group.Kind switch
            {
                "mandatory" => chosen == group.Children.Count,
                "optional" => true,
                "or" => chosen >= 1,
                "alternative" => chosen == 1,
                _ => chosen >= group.Min && (group.Max < 0 || chosen <= group.Max),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static string Kind(Random random) => new[] { "mandatory", "optional", "or", "alternative", "range" }[random.Next(5)];

    private static void Write(StringBuilder output, Feature feature, int depth, string indent)
    {
        output.Append(string.Concat(Enumerable.Repeat(indent, depth))).Append(feature.Name);
        var attributes = new List<string>();
        if (feature.Weight is { } weight)
        {
            attributes.Add("w " + weight.ToString(CultureInfo.InvariantCulture));
        }

        if (feature.Index % 3 == 1)
        {
            attributes.Add("abstract");
        }

        output.Append(attributes.Count > 0 ? " {" + string.Join(", ", attributes) + "}" : "").Append(" // feature\n");
        foreach (var group in feature.Groups)
        {
            var keyword = group.Kind == "range"
                ? group.Max < 0 ? $"[{group.Min}..*]" : group.Min == group.Max ? $"[{group.Min}]" : $"[{group.Min}..{group.Max}]"
                : group.Kind;
            output.Append(string.Concat(Enumerable.Repeat(indent, depth + 1))).Append(keyword).Append('\n');
            foreach (var child in group.Children)
            {
                Write(output, child, depth + 2, indent);
            }
        }
    }

    private (string Text, Func<bool[], bool> Holds) Formula(Random random, int depth)
    {
        if (depth == 0 || random.Next(3) == 0)
        {
            var feature = _features[random.Next(_features.Count)];
            return (feature.Name, on => on[feature.Index]);
        }

        var (left, l) = Formula(random, depth - 1);
        if (random.Next(5) == 0)
        {
            return ($"!{Wrap(left)}", on => !l(on));
        }

        var (right, r) = Formula(random, depth - 1);
        return random.Next(4) switch
        {
            0 => ($"{Wrap(left)} & {Wrap(right)}", on => l(on) && r(on)),
            1 => ($"{Wrap(left)} | {Wrap(right)}", on => l(on) || r(on)),
            2 => ($"{Wrap(left)} => {Wrap(right)}", on => !l(on) || r(on)),
            _ => ($"{Wrap(left)} <=> {Wrap(right)}", on => l(on) == r(on)),
        };
    }

    private static string Wrap(string text) => text.Contains(' ', StringComparison.Ordinal) && !(text.StartsWith('"') && text.EndsWith('"') && text.Count(c => c == '"') == 2) ? $"({text})" : text;

    /// <summary>A comparison of attribute sums: sum(w), or F.w terms (0 when F is off), against a constant.</summary>
    private (string Text, Func<bool[], bool> Holds) Arithmetic(Random random)
    {
        var weighted = _features.Where(f => f.Weight is not null).ToList();
        var bound = random.Next(-2, 8);
        string text;
        Func<bool[], int> value;
        if (weighted.Count == 0 || random.Next(2) == 0)
        {
            text = "sum(w)";
            value = on => weighted.Where(f => on[f.Index]).Sum(f => f.Weight!.Value);
        }
        else
        {
            var terms = weighted.Where(_ => random.Next(2) == 0).DefaultIfEmpty(weighted[0]).ToList();
            var factor = random.Next(1, 3);
            text = $"{string.Join(" + ", terms.Select(f => f.Name + ".w"))}{(factor > 1 ? $" * {factor}" : "")}";
            value = on => terms.Take(terms.Count - 1).Where(f => on[f.Index]).Sum(f => f.Weight!.Value)
                + (on[terms[^1].Index] ? terms[^1].Weight!.Value * factor : 0);
        }

        var op = new[] { "==", "!=", "<", "<=", ">", ">=" }[random.Next(6)];
        Func<int, bool> compare = op switch
        {
            "==" => v => v == bound,
            "!=" => v => v != bound,
            "<" => v => v < bound,
            "<=" => v => v <= bound,
            ">" => v => v > bound,
            _ => v => v >= bound,
        };
        return ($"{text} {op} {bound.ToString(CultureInfo.InvariantCulture)}", on => compare(value(on)));
    }

    private sealed class Feature(int index, string name, int? weight)
    {
        public int Index { get; } = index;

        public string Name { get; } = name;

        public int? Weight { get; } = weight;

        public Feature? Parent { get; set; }

        public List<Group> Groups { get; } = [];
    }

    private sealed class Group(string kind, List<Feature> children)
    {
        public string Kind { get; } = kind;

        public List<Feature> Children { get; } = children;

        public int Min { get; set; }

        public int Max { get; set; }
    }
}
