using Configurator.Pricing;
using Configurator.Serialization;
using Configurator.Sessions;
using Configurator.Solving;

namespace Configurator.Tests.Sessions;

public class SessionPersonalizationTests
{
    private static readonly CompiledModel Windows =
        ModelCompiler.Compile(ProductModelJson.LoadFile(RepositoryPaths.SampleModel("window-rules.json")).GetModelOrThrow()).GetModelOrThrow();

    private static readonly SessionOptions Priced = new() { Pricing = new PricingPipelineBuilder().Build() };

    [Fact]
    public void Personalize_InvalidValue_ReturnsMessagesAndChangesNothing()
    {
        var session = ConfigurationSession.Start(Windows, Priced);
        var before = session.State.Breakdown!.Total;
        var messages = session.Personalize("engraving", "Ada 1815");
        Assert.Contains(messages, m => m.Contains("required form", StringComparison.Ordinal));
        Assert.Empty(session.Personalization);
        Assert.Equal(before, session.State.Breakdown!.Total);
        Assert.NotEmpty(session.Personalize("engraving", new string('A', 21)));
        Assert.NotEmpty(session.Personalize("packaging", "crate"));
    }

    [Fact]
    public void Personalize_ValidValue_IsPricedSavedAndResumed()
    {
        var session = ConfigurationSession.Start(Windows, Priced);
        var before = session.State.Breakdown!.Total.Amount;
        Assert.Empty(session.Personalize("engraving", "Ada Lovelace"));
        Assert.Equal("Ada Lovelace", session.Personalization["engraving"]);
        Assert.Equal(before + 5, session.State.Breakdown!.Total.Amount);
        Assert.Contains(session.State.Breakdown.Lines, l => l.Kind == PriceLineKind.Personalization);

        var resumed = ConfigurationSession.Resume(Windows, session.Save(), Priced).Session;
        Assert.Equal("Ada Lovelace", resumed.Personalization["engraving"]);
        Assert.Equal(session.State.Breakdown.Total, resumed.State.Breakdown!.Total);

        Assert.Empty(session.Personalize("engraving", null));
        Assert.Empty(session.Personalization);
        Assert.DoesNotContain("personalization", session.Save(), StringComparison.Ordinal);
    }

    [Fact]
    public void Personalize_UnknownField_Throws()
    {
        var session = ConfigurationSession.Start(Windows);
        var error = Assert.Throws<ConfiguratorException>(() => session.Personalize("monogram", "AL"));
        Assert.Equal(ConfiguratorErrorCodes.InvalidPersonalization, error.Code);
    }
}
