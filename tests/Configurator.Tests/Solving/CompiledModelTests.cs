using System.Collections.Concurrent;
using System.Numerics;
using Configurator.Benchmarks.Utils;
using Configurator.Modeling;
using Configurator.Serialization;
using Configurator.Solving;
using Configurator.Validation;

namespace Configurator.Tests.Solving;

public class CompiledModelTests
{
    private static CompiledModel Sample(string file) =>
        ModelCompiler.Compile(ProductModelJson.LoadFile(RepositoryPaths.SampleModel(file)).GetModelOrThrow()).GetModelOrThrow();

    [Theory]
    [InlineData("window.json", 1800)]
    [InlineData("credit-card.json", 200)]
    public void Count_SourceExamples_GiveThePublishedCounts(string file, int expected)
    {
        var model = Sample(file);
        Assert.Equal(new BigInteger(expected), model.Count());
        Assert.Equal(SolverEngineKind.Diagram, model.Engine);
        Assert.Equal((ulong)expected, model.Enumerate(_ => { }));
    }

    [Theory]
    [InlineData("window-rules.json")]
    [InlineData("car.json")]
    [InlineData("shirt.json")]
    public void Count_ConstrainedSamples_MatchTheOracleAndEnumeration(string file)
    {
        var model = Sample(file);
        var oracle = new BruteForceOracle(model.Model);
        var expected = oracle.ValidConfigurations().Count();
        Assert.True(expected > 0);
        Assert.Equal(new BigInteger(expected), model.Count());
        Assert.Equal(expected, model.Configurations().Distinct().Count());
    }

    [Fact]
    public void Count_WithinPartialSelection_CountsTheExtensions()
    {
        var window = Sample("window.json");
        Assert.Equal(new BigInteger(360), window.Count(Selection.Parse("frame=arched")));
        Assert.Equal(new BigInteger(12), window.Count(Selection.Parse("frame=arched", "glass=triple", "strength=3")));

        var rules = Sample("window-rules.json");
        var arched = rules.Configurations(Selection.Parse("frame=arched")).ToList();
        Assert.NotEmpty(arched);
        Assert.All(arched, c => Assert.Equal(["3"], c.Choices["strength"]));
        Assert.Equal(BigInteger.Zero, rules.Count(Selection.Parse("frame=arched", "strength=1")));
    }

    [Fact]
    public void Enumerate_Window_IsDeterministicAndAllocatesNoSelections()
    {
        var window = Sample("window.json");
        var first = new List<string>();
        var second = new List<string>();
        window.Enumerate(view => first.Add(Describe(view)));
        window.Enumerate(view => second.Add(Describe(view)));
        Assert.Equal(first, second);
        Assert.Equal(1800, first.Distinct().Count());
    }

    private static string Describe(ConfigurationView view)
    {
        var parts = new string[view.ModuleCount];
        for (var m = 0; m < parts.Length; m++)
        {
            parts[m] = view.GetOptionIds(m)[0];
        }

        return string.Join(",", parts);
    }

    [Fact]
    public void Enumerate_Limit_StopsThere()
    {
        var window = Sample("window.json");
        Assert.Equal(10UL, window.Enumerate(_ => { }, options: new EnumerateOptions { Limit = 10 }));
        Assert.Equal(window.Configurations().Take(10), window.Configurations(options: new EnumerateOptions { Limit = 10 }));
    }

    [Fact]
    public void EnumerateParallel_VisitsEveryConfigurationOnce()
    {
        var window = Sample("window.json");
        var seen = new ConcurrentDictionary<Selection, int>();
        var visited = window.EnumerateParallel(view => seen.AddOrUpdate(view.ToSelection(), 1, (_, n) => n + 1));
        Assert.Equal(1800UL, visited);
        Assert.Equal(1800, seen.Count);
        Assert.All(seen.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public void Validate_ValidAndInvalidConfigurations_GiveVerdictsWithReasons()
    {
        var rules = Sample("window-rules.json");
        var standard = new Selection(rules.Model.Presets[0].Selections);
        Assert.True(rules.Validate(standard).IsValid);

        var broken = standard.With("frame", "arched").With("extras", "handle", "lock", "screen", "blind");
        var report = rules.Validate(broken);
        Assert.False(report.IsValid);
        var cardinality = Assert.Single(report.Violations, v => v.Kind == ViolationKind.Cardinality);
        Assert.Equal("extras", cardinality.ModuleId);

        var arched = rules.Validate(standard.With("frame", "arched"));
        var ids = arched.Violations.Select(v => v.ConstraintId).ToList();
        Assert.Equal(["arched-needs-strongest", "frame-glass"], ids);
        var strongest = arched.Violations[0];
        Assert.Equal("Arched and round frames need the strongest grade.", strongest.Message);
        Assert.Equal(["frame=arched", "strength=1"], strongest.Selections);
    }

    [Fact]
    public void Validate_MissingModule_CountsAsNothingSelected()
    {
        var window = Sample("window.json");
        var report = window.Validate(Selection.Parse("frame=rect", "glass=clear", "strength=1"));
        var violation = Assert.Single(report.Violations);
        Assert.Equal(ViolationKind.Cardinality, violation.Kind);
        Assert.Equal("design", violation.ModuleId);
    }

    [Theory]
    [InlineData("colour=red", "colour", null)]
    [InlineData("frame=oval", "frame", "oval")]
    [InlineData("frame=rect+arched", "frame", null)]
    [InlineData("frame=", "frame", null)]
    public void BadSelection_ThrowsASpecificExceptionAndTheModelStaysUsable(string item, string module, string? option)
    {
        var window = Sample("window.json");
        var selection = Selection.Parse(item);

        var exceptions = new Exception[]
        {
            Assert.Throws<InvalidSelectionException>(() => window.Count(selection)),
            Assert.Throws<InvalidSelectionException>(() => window.Enumerate(_ => { }, selection)),
            Assert.Throws<InvalidSelectionException>(() => window.Sample(new Random(1), selection)),
        };
        Assert.All(exceptions.Cast<InvalidSelectionException>(), e =>
        {
            Assert.Equal(module, e.ModuleId);
            Assert.Equal(option, e.OptionId);
            Assert.Contains($"'{module}'", e.Message, StringComparison.Ordinal);
        });
        Assert.Equal(new BigInteger(1800), window.Count());
    }

    [Fact]
    public void Parse_MalformedItem_IsAFormatException() => Assert.Throws<FormatException>(() => Selection.Parse("frame"));

    [Theory]
    [InlineData(0, 3)]
    [InlineData(4, 3)]
    [InlineData(1, 0)]
    public void Enumerate_ShardOutOfRange_Throws(int index, int count)
    {
        var window = Sample("window.json");
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => window.Enumerate(_ => { }, options: new EnumerateOptions { ShardIndex = index, ShardCount = count }));
        Assert.Contains("Shard", exception.ParamName, StringComparison.Ordinal);
        Assert.Equal(new BigInteger(1800), window.Count());
    }

    [Fact]
    public void Enumerate_Cancelled_ThrowsOperationCanceledAndTheModelStaysUsable()
    {
        var ring = ModelCompiler.Compile(GeneratedModels.Ring(60, 8, seed: 1)).GetModelOrThrow();
        using var cancellation = new CancellationTokenSource();
        ulong seen = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => ring.Enumerate(_ =>
        {
            if (++seen == 100_000)
            {
                cancellation.Cancel();
            }
        }, cancellationToken: cancellation.Token));
        Assert.InRange(seen, 100_000UL, 300_000UL);
        Assert.Equal(5UL, ring.Enumerate(_ => { }, options: new EnumerateOptions { Limit = 5 }));

        using var parallel = new CancellationTokenSource();
        parallel.CancelAfter(50);
        Assert.ThrowsAny<OperationCanceledException>(() => ring.EnumerateParallel(_ => { }, cancellationToken: parallel.Token));
    }

    [Fact]
    public void Count_Ring60x8_IsExactAndAgreesWithATransferMatrix()
    {
        var model = GeneratedModels.Ring(60, 8, seed: 7);
        var compiled = ModelCompiler.Compile(model).GetModelOrThrow();
        Assert.Equal(SolverEngineKind.Diagram, compiled.Engine);
        Assert.Equal(TransferMatrix.Count(model), compiled.Count());
        Assert.True(compiled.Count() > BigInteger.Pow(10, 40));

        // Restricted counts beyond 64 bits stay exact: the options of one module partition the whole.
        var first = model.Modules[0];
        Assert.Equal(compiled.Count(), first.Options.Aggregate(BigInteger.Zero, (sum, o) => sum + compiled.Count(Selection.Parse($"{first.Id}={o.Id}"))));
    }

    [Fact]
    public void Sample_SameSeed_GivesTheSameConfigurations()
    {
        var rules = Sample("window-rules.json");
        Assert.Equal(rules.SampleMany(20, seed: 42), rules.SampleMany(20, seed: 42));
        Assert.All(rules.SampleMany(50, seed: 3), s => Assert.True(rules.Validate(s).IsValid));
    }

    [Fact]
    public void Compile_PresetBreakingARule_IsAModelError()
    {
        var model = ProductModelJson.LoadFile(RepositoryPaths.SampleModel("window-rules.json")).GetModelOrThrow();
        var broken = model with { Presets = [model.Presets[0] with { Selections = model.Presets[0].Selections.SetItem("frame", ["arched"]) }] };
        var error = Assert.Single(ModelCompiler.Compile(broken).Errors);
        Assert.Equal(ModelErrorCodes.PresetViolatesConstraints, error.Code);
        Assert.Equal("$.presets[0]", error.Path);
        Assert.Contains("arched-needs-strongest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_HugeMultiSelectModule_IsAModelError()
    {
        var model = new ProductModelBuilder("m").AddModule("extras", m =>
        {
            m.Selecting(0, 30);
            for (var i = 0; i < 30; i++)
            {
                m.AddOption("o" + i);
            }
        }).Build();
        var error = Assert.Single(ModelCompiler.Compile(model).Errors);
        Assert.Equal(ModelErrorCodes.ModuleTooLarge, error.Code);
        Assert.Equal("$.modules[0]", error.Path);
    }

    [Fact]
    public void Compile_MoreSelectionsThanMaxSelectionsPerModule_IsModuleTooLargeNamingTheLimit()
    {
        // Any subset of five options: 32 selections, past a limit of 8.
        var model = new ProductModelBuilder("extras")
            .AddModule("extras", m => m.Selecting(0, 5).AddOption("a").AddOption("b").AddOption("c").AddOption("d").AddOption("e"))
            .Build();

        var result = ModelCompiler.Compile(model, new CompilerOptions { MaxSelectionsPerModule = 8 });

        var error = Assert.Single(result.Errors);
        Assert.Equal(ModelErrorCodes.ModuleTooLarge, error.Code);
        Assert.Equal("$.modules[0]", error.Path);
        Assert.Contains("CompilerOptions.MaxSelectionsPerModule", error.Message, StringComparison.Ordinal);
        Assert.True(ModelCompiler.Compile(model, new CompilerOptions { MaxSelectionsPerModule = 32 }).Succeeded);
    }

    [Fact]
    public void Compile_MoreOptionsThanMaxOptions_IsModelTooLargeBeforeAnythingIsBuilt()
    {
        var model = new ProductModelBuilder("m")
            .AddModule("a", m => m.AddOption("x").AddOption("y").AddOption("z"))
            .AddModule("b", m => m.AddOption("x").AddOption("y"))
            .Build();
        var error = Assert.Single(ModelCompiler.Compile(model, new CompilerOptions { MaxOptions = 4 }).Errors);
        Assert.Equal(ModelErrorCodes.ModelTooLarge, error.Code);
        Assert.Equal("$.modules", error.Path);
        Assert.Contains("5 options in all", error.Message, StringComparison.Ordinal);
        Assert.Contains("CompilerOptions.MaxOptions", error.Message, StringComparison.Ordinal);
        Assert.NotNull(ModelCompiler.Compile(model, new CompilerOptions { MaxOptions = 5 }).Model);
    }

    [Fact]
    public void Compile_InvalidModel_ReturnsValidationErrors()
    {
        var model = new ProductModelBuilder("m").AddModule("a", m => m.AddOption("x")).AddRule("r", "a == 'y'").Build();
        Assert.Equal(ModelErrorCodes.RuleUnknownOption, Assert.Single(ModelCompiler.Compile(model).Errors).Code);
    }

    [Fact]
    public void Count_InfeasibleModel_IsZeroAndEnumeratesNothing()
    {
        var model = new ProductModelBuilder("m").AddModule("a", m => m.AddOption("x").AddOption("y")).AddRule("never", "false").Build();
        var compiled = ModelCompiler.Compile(model).GetModelOrThrow();
        Assert.Equal(BigInteger.Zero, compiled.Count());
        Assert.Empty(compiled.Configurations());
        Assert.Null(compiled.Sample(new Random(1)));
    }

    [Fact]
    public void CompiledModel_SharedAcrossThreads_GivesTheSameResultsAsSequentially()
    {
        var rules = Sample("window-rules.json");
        var partials = rules.SampleMany(200, seed: 9).Select(s => Selection.Empty.With("frame", s.Choices["frame"].ToArray()).With("size", s.Choices["size"].ToArray())).ToList();
        var sequential = partials.Select(p => (rules.Count(p), string.Join("|", rules.Configurations(p)))).ToList();
        var parallel = new (BigInteger, string)[partials.Count];
        Parallel.For(0, partials.Count, i => parallel[i] = (rules.Count(partials[i]), string.Join("|", rules.Configurations(partials[i]))));
        Assert.Equal(sequential, parallel);
    }
}
