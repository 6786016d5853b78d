using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Configurator.Importers;
using Configurator.Solving;

namespace Configurator.Tests.Fuzzing;

/// <summary>
/// Tens of thousands of damaged XCSP, FeatureIDE, DIMACS, SPL Conqueror and UVL files must end in an
/// import error with a line or in a model that compiles: no other exception, no hang, and no model
/// whose problems only show up later as JSON paths of a file the user never wrote.
/// </summary>
public partial class ImporterFuzzTests
{
    private const int MutationsPerFormat = 6_000;
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(5);

    private const string FeatureIde = """
        <featureModel><struct>
          <and mandatory="true" name="Car">
            <alt mandatory="true" name="Engine"><feature name="Petrol"/><feature name="Electric"/></alt>
            <or name="Extras"><feature name="Radio"/><feature name="Navi"/></or>
            <feature mandatory="true" name="Body"/>
          </and>
        </struct>
        <constraints>
          <rule><imp><var>Navi</var><var>Electric</var></imp></rule>
          <rule><disj><not><var>Radio</var></not><conj><var>Body</var><var>Petrol</var></conj></disj></rule>
          <rule><eq><var>Navi</var><var>Radio</var></eq></rule>
        </constraints>
        </featureModel>
        """;

    private const string Dimacs = "c a small formula\nc with comments\np cnf 5 4\n1 -2 0\n2 3 -4 0\n-1 5 0\n4 0\n";

    private const string Splc = """
        <vm name="shop">
          <binaryOptions>
            <configurationOption><name>root</name><parent></parent><optional>False</optional></configurationOption>
            <configurationOption><name>A</name><parent>root</parent><optional>True</optional><impliedOptions><options>B</options></impliedOptions></configurationOption>
            <configurationOption><name>B</name><parent>root</parent><optional>True</optional></configurationOption>
            <configurationOption><name>C</name><parent>root</parent><optional>True</optional><excludedOptions><options>D</options></excludedOptions></configurationOption>
            <configurationOption><name>D</name><parent>root</parent><optional>True</optional><excludedOptions><options>C</options></excludedOptions></configurationOption>
          </binaryOptions>
          <booleanConstraints><constraint>A | !C</constraint></booleanConstraints>
        </vm>
        """;

    private const string Uvl = """
        namespace Shop
        features
            Bike {abstract}
                mandatory
                    Frame {Price 100, Colour 'red'}
                optional
                    Bell {Price 10}
                    Light {Price 25.5, Colour 'black'}
                alternative
                    Road
                    Mountain {Weight 12}
                [1..2]
                    Rack {Price -5}
                    Basket
                    Bag
                or
                    Gps
                    Phone
        constraints
            Road => !Basket
            Light <=> (Gps | Phone)
            sum(Price) <= 300
            Light.Colour != 'black' | Bell
            // a comment
        """;

    private static readonly string[] HugeNumbers = ["2147483648", "-2147483649", "-2147483648", "99999999999999999999", "0", "-1", "1000000000", "0..2000000000", "-2000000000..2000000000"];

    public static TheoryData<ImportFormat> Formats() => [ImportFormat.Xcsp, ImportFormat.FeatureIde, ImportFormat.Dimacs, ImportFormat.Splc, ImportFormat.Uvl];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Import_MutatedFiles_EndInAnImportErrorOrAModelThatCompiles(ImportFormat format)
    {
        var seedText = format switch
        {
            ImportFormat.Xcsp => Importers.ImporterTests.SmallXcsp,
            ImportFormat.FeatureIde => FeatureIde,
            ImportFormat.Dimacs => Dimacs,
            ImportFormat.Uvl => Uvl,
            _ => Splc,
        };
        var failures = new ConcurrentBag<string>();
        var refused = 0;
        var compiled = 0;
        var (from, count) = FuzzCase.Seeds(MutationsPerFormat);

        Parallel.For(from, from + count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, seed =>
        {
            var random = new Random(seed);
            var text = Mutate(random, seedText, format);
            FuzzCase.Run(seed, text, HangLimit, failures, () =>
            {
                // Half the time the format is given, as the console does for a .cnf file; half recognised.
                var result = ModelImporter.Import(text, "fuzz", random.Next(2) == 0 ? format : null);
                if (result.Model is null)
                {
                    Interlocked.Increment(ref refused);
                    if (result.Errors.IsDefaultOrEmpty || result.Errors.Any(e => string.IsNullOrWhiteSpace(e.Message) || e.Line < 0))
                    {
                        failures.Add($"seed {seed}: a refusal without a usable error");
                    }
                }
                else
                {
                    var compilation = ModelCompiler.Compile(result.Model, new CompilerOptions { NodeBudget = 10_000 });
                    if (compilation.Model is null)
                    {
                        failures.Add($"seed {seed}: imported, then refused as {string.Join("; ", compilation.Errors.Take(2))}\n{text}");
                    }
                    else
                    {
                        Interlocked.Increment(ref compiled);
                        _ = compilation.Model.Count();
                    }
                }
            });
        });

        // One example of each kind of failure (the first line without its seed), so that a run shows them all.
        var kinds = failures.GroupBy(f => Regex.Replace(f.Split('\n')[0], @"seed \d+: ", "")).Select(g => g.First());
        Assert.True(failures.IsEmpty, $"{failures.Count} failures:\n" + string.Join(Environment.NewLine + Environment.NewLine, kinds.Take(12)));

        // The mutations must both break inputs and leave some importable, or the test proves little.
        Assert.True(refused > count / 10, $"only {refused} of {count} refused");
        Assert.True(compiled > count / 20, $"only {compiled} of {count} compiled");
    }

    /// <summary>The generic damage plus what hurts these formats: huge numbers, a name used twice, deep XML nesting (in UVL deep indentation or brackets).</summary>
    private static string Mutate(Random random, string text, ImportFormat format)
    {
        var rounds = random.Next(1, 3);
        for (var i = 0; i < rounds; i++)
        {
            text = (random.Next(5), format) switch
            {
                (0, _) => ReplaceNumber(random, text),
                (1, ImportFormat.Uvl) => RepeatFeature(random, text),
                (1, _) => RepeatName(random, text),
                (2, ImportFormat.Uvl) => DeepUvl(random, text),
                (2, _) => DeepXml(random, text),
                _ => Mutator.Mutate(random, text),
            };
        }

        return text;
    }

    /// <summary>A UVL feature name put in place of another (a name defined twice, or a constraint naming another feature).</summary>
    private static string RepeatFeature(Random random, string text)
    {
        var names = FeatureName().Matches(text);
        if (names.Count < 2)
        {
            return text;
        }

        var (target, source) = (names[random.Next(names.Count)], names[random.Next(names.Count)]);
        return string.Concat(text.AsSpan(0, target.Index), source.Value, text.AsSpan(target.Index + target.Length));
    }

    /// <summary>UVL nested deep: a chain of features each indented below the last, or a constraint in thousands of brackets or negations.</summary>
    private static string DeepUvl(Random random, string text)
    {
        var depth = random.Next(1, 3000);
        if (random.Next(2) == 0)
        {
            // Past the parser's limit (180 levels), but not so deep that the indentation alone is megabytes.
            depth = random.Next(1, 400);
            var at = text.IndexOf("        Bell", StringComparison.Ordinal) is >= 0 and var bell ? bell : random.Next(text.Length + 1);
            var chain = new System.Text.StringBuilder();
            for (var level = 0; level < depth; level++)
            {
                chain.Append(' ', 8 + (4 * level)).Append(level % 2 == 0 ? "optional" : $"F{level}").Append('\n');
            }

            return string.Concat(text.AsSpan(0, at), chain.ToString(), text.AsSpan(at));
        }

        var (open, close) = random.Next(2) == 0 ? ("(", ")") : ("!", "");
        var constraint = string.Concat(string.Concat(Enumerable.Repeat(open, depth)), "Bell", string.Concat(Enumerable.Repeat(close, depth)));
        return text.Replace("Road => !Basket", constraint, StringComparison.Ordinal);
    }

    private static string ReplaceNumber(Random random, string text)
    {
        var numbers = Number().Matches(text);
        if (numbers.Count == 0)
        {
            return text;
        }

        var target = numbers[random.Next(numbers.Count)];
        return string.Concat(text.AsSpan(0, target.Index), HugeNumbers[random.Next(HugeNumbers.Length)], text.AsSpan(target.Index + target.Length));
    }

    private static string RepeatName(Random random, string text)
    {
        var names = Name().Matches(text);
        if (names.Count < 2)
        {
            return text;
        }

        var (target, source) = (names[random.Next(names.Count)].Groups[1], names[random.Next(names.Count)].Groups[1]);
        return string.Concat(text.AsSpan(0, target.Index), source.Value, text.AsSpan(target.Index + target.Length));
    }

    private static string DeepXml(Random random, string text)
    {
        var at = text.IndexOf("<feature ", StringComparison.Ordinal) is >= 0 and var feature ? feature
            : text.IndexOf("<var>", StringComparison.Ordinal) is >= 0 and var variable ? variable
            : random.Next(text.Length + 1);
        var depth = random.Next(1, 3000);
        var (open, close) = random.Next(3) switch
        {
            0 => ("<and name=\"n\">", "</and>"),
            1 => ("<not>", "</not>"),
            _ => ("<a>", "</a>"),
        };
        return string.Concat(text.AsSpan(0, at), string.Concat(Enumerable.Repeat(open, depth)), string.Concat(Enumerable.Repeat(close, depth)), text.AsSpan(at));
    }

    [GeneratedRegex(@"-?\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"(?:name=""|<name>|<var>|<options>)([^""<]*)")]
    private static partial Regex Name();

    [GeneratedRegex(@"\b[A-Z][A-Za-z]*\b")]
    private static partial Regex FeatureName();
}
