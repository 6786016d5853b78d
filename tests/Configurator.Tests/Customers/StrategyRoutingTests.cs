using Configurator.Customers;
using Configurator.Modeling;
using Configurator.Solving;
using Configurator.Strategies.Advice;
using CsCheck;

namespace Configurator.Tests.Customers;

/// <summary>Segments (needs, capability) and routing: the advisor's two matrices, and never a route the model cannot run.</summary>
public class StrategyRoutingTests
{
    private static readonly CompiledModel Everything = Compile(presets: true, adjustable: true, personalization: true);

    [Theory]
    [InlineData(ValueTier.Key, NeedsDiversity.Different, CapabilityMatch.Good, 3, CustomizationRoute.Transparent)]
    [InlineData(ValueTier.Key, NeedsDiversity.Different, CapabilityMatch.Good, 1, CustomizationRoute.Collaborative)]
    [InlineData(ValueTier.Important, NeedsDiversity.Similar, CapabilityMatch.Good, 5, CustomizationRoute.PresetsWithRepeatPricing)]
    [InlineData(ValueTier.Key, NeedsDiversity.Similar, CapabilityMatch.Poor, 5, CustomizationRoute.Adaptive)]
    [InlineData(ValueTier.Important, NeedsDiversity.Different, CapabilityMatch.Poor, 5, CustomizationRoute.Adaptive)]
    [InlineData(ValueTier.Ordinary, NeedsDiversity.Similar, CapabilityMatch.Good, 5, CustomizationRoute.StandardPresets)]
    [InlineData(ValueTier.Small, NeedsDiversity.Similar, CapabilityMatch.Poor, 1, CustomizationRoute.StandardPresets)]
    [InlineData(ValueTier.Small, NeedsDiversity.Different, CapabilityMatch.Good, 1, CustomizationRoute.Cosmetic)]
    [InlineData(ValueTier.Ordinary, NeedsDiversity.Different, CapabilityMatch.Poor, 9, CustomizationRoute.Cosmetic)]
    public void Route_EveryCellOfTheTwoMatrices_IsTheAdvisorsAndTheDocumentedRoute(ValueTier tier, NeedsDiversity needs, CapabilityMatch match, int orders, CustomizationRoute expected)
    {
        var segment = Segment(tier, needs, match, orders);

        var routing = new DefaultStrategyRouter().Route(Everything, segment);

        Assert.Equal(StrategyAdvisor.Marketing(segment.Score.Value, needs), routing.Marketing);
        Assert.Equal(StrategyAdvisor.Selection(segment.Score.Value, match), routing.Selection);
        Assert.Equal(expected, routing.Route);
        Assert.Contains(tier.ToString().ToLowerInvariant(), routing.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot run", routing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_OnAModelWithoutWhatTheRouteNeeds_FallsBackAndSaysWhy()
    {
        var bare = Compile(presets: false, adjustable: false, personalization: false);

        var routing = new DefaultStrategyRouter().Route(bare, Segment(ValueTier.Small, NeedsDiversity.Different, CapabilityMatch.Good, 1));

        Assert.Equal(CustomizationRoute.Collaborative, routing.Route);
        Assert.Contains("cannot run cosmetic", routing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_RandomModelsAndSegments_NeverYieldsARouteTheModelCannotRun() =>
        Gen.Select(Gen.Int[0, 7], Gen.Int[0, 3], Gen.Int[0, 1], Gen.Int[0, 1], Gen.Int[1, 6]).Sample((features, tier, needs, match, orders) =>
        {
            var model = Compile(presets: (features & 1) != 0, adjustable: (features & 2) != 0, personalization: (features & 4) != 0);
            var route = new DefaultStrategyRouter().Route(model, Segment((ValueTier)tier, (NeedsDiversity)needs, (CapabilityMatch)match, orders)).Route;

            // What each route needs, read off the model directly rather than through CanRun.
            var presets = model.Model.Presets.Count > 0;
            switch (route)
            {
                case CustomizationRoute.StandardPresets or CustomizationRoute.PresetsWithRepeatPricing:
                    Assert.True(presets);
                    break;
                case CustomizationRoute.Adaptive:
                    Assert.True(presets && model.Model.Modules.Any(m => m.Adjustable));
                    break;
                case CustomizationRoute.Cosmetic:
                    Assert.True(presets && model.Model.Personalization.Count > 0);
                    break;
            }
        }, iter: 500);

    [Fact]
    public void Segment_IndividualitySpreadAndCapability_AreTheHandComputedShares()
    {
        // Two modules and one preset a=x b=p. A orders the preset twice: individuality 0, spread 0.
        // B orders a=y b=p (1 of 2 modules differs) and a=y b=q (2 of 2): individuality 0.75, spread
        // 0.5. C orders a=x b=q, which the rule forbids now: capability 0.
        var model = ModelCompiler.Compile(new ProductModelBuilder("m")
            .AddModule("a", m => m.AddOption("x").AddOption("y"))
            .AddModule("b", m => m.AddOption("p").AddOption("q"))
            .AddRule("x-needs-p", "a == 'x' -> b == 'p'")
            .AddPreset("standard", p => p.Select("a", "x").Select("b", "p"))
            .Build()).GetModelOrThrow();
        var history = OrderHistory.From(model,
        [
            Order("A", "a=x", "b=p"), Order("A", "a=x", "b=p"),
            Order("B", "a=y", "b=p"), Order("B", "a=y", "b=q"),
            Order("C", "a=x", "b=q"),
        ]);

        var segments = CustomerSegmentation.Segment(model, history).ToDictionary(s => s.CustomerId);

        Assert.Equal((0.0, 0.0, 1.0), (segments["A"].Individuality, segments["A"].Spread, segments["A"].CapabilityShare));
        Assert.Equal((0.75, 0.5, 1.0), (segments["B"].Individuality, segments["B"].Spread, segments["B"].CapabilityShare));
        Assert.Equal((0.5, 0.0, 0.0), (segments["C"].Individuality, segments["C"].Spread, segments["C"].CapabilityShare));
        Assert.Equal([NeedsDiversity.Similar, NeedsDiversity.Different, NeedsDiversity.Different], new[] { "A", "B", "C" }.Select(c => segments[c].Needs));
        Assert.Equal([CapabilityMatch.Good, CapabilityMatch.Good, CapabilityMatch.Poor], new[] { "A", "B", "C" }.Select(c => segments[c].Match));
    }

    [Fact]
    public void Segment_EmptyHistoryOfAModelWithoutPresets_IsNoSegmentsNotAnException()
    {
        var model = Compile(presets: false, adjustable: false, personalization: false);

        Assert.Empty(CustomerSegmentation.Segment(model, OrderHistory.From(model, [])));
    }

    private static Order Order(params string[] configuration) =>
        new(configuration[0], new DateOnly(2026, 3, 1), Selection.Parse(configuration[1..]), 1, 10);

    private static CustomerSegment Segment(ValueTier tier, NeedsDiversity needs, CapabilityMatch match, int orders) => new(
        new CustomerScore("c", new DateOnly(2026, 1, 1), 10, orders, 100, 3, 3, 3, 0.1, tier),
        needs == NeedsDiversity.Different ? 0.5 : 0, 0, needs, match == CapabilityMatch.Good ? 1 : 0.5, match);

    private static CompiledModel Compile(bool presets, bool adjustable, bool personalization)
    {
        var builder = new ProductModelBuilder("routes")
            .AddModule("a", m =>
            {
                m.AddOption("x").AddOption("y");
                if (adjustable)
                {
                    m.Adjustable();
                }
            });
        if (presets)
        {
            builder.AddPreset("standard", p => p.Select("a", "x"));
        }

        if (personalization)
        {
            builder.AddPersonalization(new PersonalizationField("name", PersonalizationType.Text));
        }

        return ModelCompiler.Compile(builder.Build()).GetModelOrThrow();
    }
}
