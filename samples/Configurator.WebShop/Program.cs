using Configurator;
using Configurator.WebShop;

try
{
    WebShopApp.Build(args).Run();
    return 0;
}
catch (ConfiguratorException e)
{
    // A setup mistake (a missing model folder): the message, never a stack trace.
    await Console.Error.WriteLineAsync($"configurator web shop: {e.Message}");
    return 2;
}

/// <summary>The web shop's entry point (public for <c>WebApplicationFactory</c> in the tests).</summary>
public partial class Program;
