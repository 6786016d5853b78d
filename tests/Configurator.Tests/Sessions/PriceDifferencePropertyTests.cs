using Configurator.Pricing;
using Configurator.Sessions;
using Configurator.Solving;
using Configurator.Tests.Solving;
using CsCheck;

namespace Configurator.Tests.Sessions;

/// <summary>
/// Each available option's price difference (one table per step on the diagram) against choosing
/// the option in a copy of the session and reading that step's price range (its own query).
/// </summary>
public class PriceDifferencePropertyTests
{
    [Fact]
    public void PriceDifference_EqualsTheRangeAfterChoosingTheOption() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var plain = SmallModels.Create(seed);

            // Some models price nothing but the base (the range then takes one pass, any configuration will do).
            var unpriced = random.Next(4) == 0;
            var model = plain with
            {
                BasePrice = 10,
                PriceRules = unpriced ? [] : plain.PriceRules,
                Modules = [.. plain.Modules.Select(m => m with { Options = [.. m.Options.Select(o => o with { Price = unpriced ? 0 : random.Next(-5, 40) })] })],
            };
            var compiled = SmallModels.Compile(model, random.Next(3) == 0 ? SolverEngineKind.Search : SolverEngineKind.Diagram);
            var options = new SessionOptions { Pricing = new PricingPipelineBuilder().Build() };
            var session = ConfigurationSession.Start(compiled, options);
            for (var step = 0; step < 4 && session.State.Price is not null; step++)
            {
                var state = session.State;
                Assert.True(compiled.Validate(state.Price!.Cheapest).IsValid && compiled.Validate(state.Price.Dearest).IsValid);
                Assert.All(state.Choices.Where(c => c.Kind == ChoiceKind.Select), c => Assert.Contains(c.OptionIds[0], state.Price.Cheapest.Choices[c.ModuleId]));
                if (unpriced)
                {
                    Assert.Equal((10m, 10m), (state.Price.Min.Amount, state.Price.Max.Amount));
                }

                foreach (var module in state.Modules)
                {
                    foreach (var option in module.Options.Where(o => o.IsAvailable))
                    {
                        var copy = ConfigurationSession.Resume(compiled, session.Save(), options).Session;
                        var chosen = copy.Select(module.ModuleId, option.OptionId);
                        Assert.True(chosen.Applied);
                        Assert.Equal(chosen.State.Price!.Min.Amount - state.Price!.Min.Amount, option.PriceDifference?.Amount);
                    }
                }

                var available = state.Modules.SelectMany(m => m.Options.Where(o => o.IsAvailable && !o.IsSelected).Select(o => (m.ModuleId, o.OptionId))).ToList();
                if (available.Count == 0)
                {
                    break;
                }

                var (moduleId, optionId) = available[random.Next(available.Count)];
                session.Select(moduleId, optionId);
            }
        }, iter: 200, threads: 1);
}
