using Configurator.Solving;
using CsCheck;

namespace Configurator.Tests.Solving;

public sealed class LevelPlanTests
{
    [Fact]
    public void FrontierWidth_RandomModels_IsTheWidestFrontier() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            // The width is counted in one sweep when the plan is made; the frontiers themselves are
            // made when first read. Both must describe the same plan.
            var model = SmallModels.Create(seed);
            var plan = SmallModels.Compile(model, SolverEngineKind.Search).Plan;

            Assert.Equal(plan.FrontierAfter.Select(f => f.Length).DefaultIfEmpty().Max(), plan.FrontierWidth);
        }, iter: 300);
}
