using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Sessions;
using Configurator.Solving;
using Configurator.Tests.Pricing;
using CsCheck;

namespace Configurator.Tests.Solving;

/// <summary>Effectivity dates: a model compiled as of a day against the same model with what is not in effect removed by hand.</summary>
public class EffectivityTests
{
    private static readonly DateOnly Day = new(2026, 12, 4);

    [Fact]
    public void Compile_AsOfADay_EqualsTheModelWithWhatIsNotInEffectRemovedByHand() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var model = Dated(random, SmallModels.Create(seed));
            var day = Day.AddDays(random.Next(-3, 4));
            var options = new CompilerOptions { AsOf = day };
            if (random.Next(3) == 0)
            {
                options = new CompilerOptions { AsOf = day, ForceSearchEngine = true };
            }

            var result = ModelCompiler.Compile(model, options);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            var compiled = result.Model!;
            Assert.Equal(day, compiled.AsOf);

            // By hand: drop what is not in effect; a configuration may not take an option that is not.
            bool On(DateOnly? from, DateOnly? to) => (from is null || from <= day) && (to is null || day <= to);
            var retired = model.Modules.SelectMany(m => m.Options.Where(o => !On(o.ValidFrom, o.ValidTo)).Select(o => (m.Id, o.Id))).ToHashSet();
            var byHand = model with
            {
                Constraints = [.. model.Constraints.Where(c => On(c.ValidFrom, c.ValidTo))],
                PriceRules = [.. model.PriceRules.Where(r => On(r.ValidFrom, r.ValidTo))],
                Presets = [.. model.Presets.Where(p => On(p.ValidFrom, p.ValidTo) && !p.Selections.Any(s => s.Value.Any(o => retired.Contains((s.Key, o)))))],
            };
            var oracle = new BruteForceOracle(byHand);
            var valid = oracle.ValidConfigurations(c => !c.Any(m => m.Value.Any(o => retired.Contains((m.Key, o))))).ToList();

            Assert.Equal(valid.Count, (int)compiled.Count());
            Assert.Equal(valid.Select(c => BruteForceOracle.Key(c, model)).Order(StringComparer.Ordinal), compiled.Configurations().Select(s => SmallModels.Key(s, model)).Order(StringComparer.Ordinal));
            Assert.Equal(byHand.Presets.Select(p => p.Id), compiled.Model.Presets.Select(p => p.Id));
            var range = PricingPipeline.Default.Range(compiled);
            if (valid.Count > 0)
            {
                var prices = new PricingOracle(byHand);
                Assert.Equal((valid.Min(c => prices.Total(c)), valid.Max(c => prices.Total(c))), (range!.Min.Amount, range.Max.Amount));
            }
            else
            {
                Assert.Null(range);
            }
        }, iter: 500, threads: 1);

    [Fact]
    public void Resume_OnALaterDay_DropsTheOptionNoLongerOfferedAndSaysUntilWhen()
    {
        var model = new ProductModelBuilder("chair")
            .AddModule("wood", m => m.AddOption("beech").AddOption("oak"))
            .AddModule("cushion", m => m.AddOption("none").AddOption("wool"))
            .Build();
        model = model with { Modules = [model.Modules[0] with { Options = [model.Modules[0].Options[0], model.Modules[0].Options[1] with { Name = "Oak", ValidTo = new DateOnly(2026, 12, 31) }] }, model.Modules[1]] };
        var december = ModelCompiler.Compile(model, new CompilerOptions { AsOf = new DateOnly(2026, 12, 20) }).GetModelOrThrow();
        var january = ModelCompiler.Compile(model, new CompilerOptions { AsOf = new DateOnly(2027, 1, 2) }).GetModelOrThrow();
        var session = ConfigurationSession.Start(december);
        Assert.True(session.Select("wood", "oak").Applied);
        Assert.True(session.Select("cushion", "wool").Applied);

        var resumed = ConfigurationSession.Resume(january, session.Save());

        var dropped = Assert.Single(resumed.Dropped);
        Assert.Equal("wood", dropped.Choice.ModuleId);
        Assert.Contains("Oak was offered until 31 December 2026.", dropped.Reason, StringComparison.Ordinal);
        Assert.Equal(["cushion"], resumed.Session.State.Choices.Select(c => c.ModuleId));
        var oak = resumed.Session.View()["wood"].Options.Single(o => o.OptionId == "oak");
        Assert.False(oak.IsAvailable);
        Assert.Contains("offered until 31 December 2026", oak.Reason!.Message, StringComparison.Ordinal);
        Assert.Equal(2, (int)january.Count());
        Assert.Equal(4, (int)december.Count());
    }

    [Fact]
    public void Compile_WithoutADay_IsForToday()
    {
        var compiled = ModelCompiler.Compile(new ProductModelBuilder("m").AddModule("a", m => m.AddOption("x")).Build()).GetModelOrThrow();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.InRange(compiled.AsOf, today.AddDays(-1), today);
    }

    /// <summary>Random validFrom/validTo around <see cref="Day"/> on some options, constraints, price rules and presets.</summary>
    private static ProductModel Dated(Random random, ProductModel model)
    {
        (DateOnly? From, DateOnly? To) Dates()
        {
            if (random.Next(3) > 0)
            {
                return (null, null);
            }

            DateOnly? from = random.Next(2) == 0 ? Day.AddDays(random.Next(-4, 4)) : null;
            DateOnly? to = random.Next(2) == 0 ? (from ?? Day).AddDays(random.Next(0, 4)) : null;
            return (from, to);
        }

        return model with
        {
            Modules = [.. model.Modules.Select(m => m with { Options = [.. m.Options.Select(o => Dates() is var (f, t) ? o with { ValidFrom = f, ValidTo = t } : o)] })],
            Constraints = [.. model.Constraints.Select(c => Dates() is var (f, t) ? c with { ValidFrom = f, ValidTo = t } : c)],
            PriceRules = [.. model.PriceRules.Select(r => Dates() is var (f, t) ? r with { ValidFrom = f, ValidTo = t } : r)],
            Presets = [.. model.Presets.Select(p => Dates() is var (f, t) ? p with { ValidFrom = f, ValidTo = t } : p)],
        };
    }
}
