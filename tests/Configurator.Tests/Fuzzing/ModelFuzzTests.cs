using System.Collections.Concurrent;
using Configurator.Rules;
using Configurator.Serialization;
using Configurator.Validation;

namespace Configurator.Tests.Fuzzing;

/// <summary>
/// Tens of thousands of damaged models and rules must end in a model error list or a JSON position
/// error: no other exception, and no input that takes unreasonably long (a hang).
/// </summary>
public class ModelFuzzTests
{
    private const int JsonMutations = 24_000;
    private const int RuleMutations = 40_000;

    // Generous: a single load takes well under a millisecond; this only catches hangs.
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(5);

    [Fact]
    public void Load_MutatedSampleJson_NeverThrowsOrHangs()
    {
        var samples = RepositoryPaths.AllSampleModels().Select(File.ReadAllText).ToArray();
        var failures = new ConcurrentBag<string>();
        var invalid = 0;
        var (from, count) = FuzzCase.Seeds(JsonMutations);

        Parallel.For(from, from + count, seed =>
        {
            var random = new Random(seed);
            var text = Mutator.Mutate(random, samples[random.Next(samples.Length)]);
            FuzzCase.Run(seed, "", HangLimit, failures, () =>
            {
                var result = ProductModelJson.Load(text);
                CheckResult(result, failures, seed);
                if (!result.Succeeded)
                {
                    Interlocked.Increment(ref invalid);
                }
            });
        });

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(20)));

        // The mutations must actually break most inputs, or the test proves little.
        Assert.True(invalid > count / 2, $"only {invalid} of {count} mutations were invalid");
    }

    [Fact]
    public void CheckRule_MutatedRuleText_NeverThrowsOrHangs()
    {
        var model = ProductModelJson.LoadFile(RepositoryPaths.SampleModel("window-rules.json")).GetModelOrThrow();
        var rules = model.Constraints.Select(c => c.Rule).OfType<string>().Concat(model.PriceRules.Select(p => p.When).OfType<string>()).ToArray();
        var failures = new ConcurrentBag<string>();
        var codes = new ConcurrentDictionary<string, int>();
        var (from, count) = FuzzCase.Seeds(RuleMutations);

        Parallel.For(from, from + count, seed =>
        {
            var random = new Random(seed);
            var text = Mutator.MutateRule(random, rules[random.Next(rules.Length)]);
            FuzzCase.Run(seed, $"rule '{text}'", HangLimit, failures, () =>
            {
                var (node, error) = RuleParser.Parse(text);
                var diagnostics = node is null ? [error!.Value] : RuleChecker.Check(node, model, RuleType.Bool);
                foreach (var diagnostic in diagnostics)
                {
                    codes.AddOrUpdate(diagnostic.Code, 1, (_, n) => n + 1);
                    var column = diagnostic.ColumnIn(text);
                    if (column < 1 || column > text.Length + 1 || string.IsNullOrWhiteSpace(diagnostic.Message))
                    {
                        failures.Add($"seed {seed}: bad diagnostic {diagnostic} for '{text}'");
                    }
                }

                if (node is not null)
                {
                    // Whatever parses must print and parse back to the same tree.
                    var (reparsed, reparseError) = RuleParser.Parse(RulePrinter.Print(node));
                    if (reparseError is not null || !node.Equals(reparsed))
                    {
                        failures.Add($"seed {seed}: '{text}' does not survive printing");
                    }
                }
            });
        });

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(20)));
        Assert.Contains(RuleErrorCodes.Syntax, codes.Keys);
        Assert.Contains(RuleErrorCodes.TooDeep, codes.Keys);
    }

    private static void CheckResult(ModelLoadResult result, ConcurrentBag<string> failures, int seed)
    {
        if (result.Succeeded)
        {
            if (result.Model is null || !result.Errors.IsEmpty)
            {
                failures.Add($"seed {seed}: success without a model");
            }

            return;
        }

        if (result.Errors.IsDefaultOrEmpty || result.Model is not null)
        {
            failures.Add($"seed {seed}: failure without errors, or with a model");
            return;
        }

        foreach (var error in result.Errors)
        {
            var wellFormed = !string.IsNullOrEmpty(error.Code) && error.Path.StartsWith('$') && !string.IsNullOrWhiteSpace(error.Message);
            var jsonErrorAlone = error.Code != ModelErrorCodes.InvalidJson
                || (result.Errors.Length == 1 && (error.Line is not null || error.Message.Contains("UTF-8", StringComparison.Ordinal)));
            if (!wellFormed || !jsonErrorAlone)
            {
                failures.Add($"seed {seed}: malformed error {error}");
            }
        }
    }
}
