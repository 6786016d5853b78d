using Configurator.ShopBackend;

namespace Configurator.Tests.Console;

public class ShopBackendTests
{
    [Fact]
    public void Run_EveryStrategyEndToEnd_ThroughDependencyInjection()
    {
        using var output = new StringWriter();
        Assert.Equal(0, ShopBackendApp.Run(RepositoryPaths.SampleModels, output));
        var text = output.ToString();
        Assert.Contains("Catalog: car, credit-card, shirt, window, window-rules", text, StringComparison.Ordinal);
        Assert.Contains("change frame: 'Frame' is part of the standard product", text, StringComparison.Ordinal);
        Assert.Contains("name 'ada': 'Name on card' does not have the required form.", text, StringComparison.Ordinal);
        Assert.Contains("== collaborative", text, StringComparison.Ordinal);
        Assert.Contains("size=41: neckCm 41 for the measured 41", text, StringComparison.Ordinal);
        Assert.Contains("value High, needs Different: CustomizationMarketing", text, StringComparison.Ordinal);
    }
}
