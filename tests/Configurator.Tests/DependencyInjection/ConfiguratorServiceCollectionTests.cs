using Configurator.DependencyInjection;
using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Serialization;
using Configurator.Strategies;
using Configurator.Strategies.Collaborative;
using Configurator.Validation;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Configurator.Tests.DependencyInjection;

public class ConfiguratorServiceCollectionTests
{
    [Fact]
    public void AddConfigurator_RegistersCatalogPricingStrategiesAndValidator()
    {
        var services = new ServiceCollection().AddConfigurator(c => c
            .AddModelFolder(RepositoryPaths.SampleModels)
            .AddPricing(p => p.AddRepeatPurchaseDiscount(new())));
        using var provider = services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<IModelCatalog>();
        Assert.Equal(["car", "credit-card", "shirt", "window", "window-rules"], catalog.ModelIds);
        Assert.Equal(1800, (int)catalog.Get("window").Count());
        Assert.Same(catalog.Get("window"), catalog.Get("window"));
        Assert.Equal(ConfiguratorErrorCodes.UnknownModel, Assert.Throws<ConfiguratorException>(() => catalog.Get("boat")).Code);
        Assert.False(catalog.TryGet("boat", out _));
        Assert.True(catalog.TryGet("window", out var found) && ReferenceEquals(found, catalog.Get("window")));

        Assert.Single(provider.GetRequiredService<PricingPipeline>().Policies);
        foreach (var name in new[] { "adaptive", "cosmetic", "collaborative", "transparent" })
        {
            Assert.Equal(name, provider.GetRequiredKeyedService<ICustomizationStrategy>(name).Name);
        }

        Assert.Same(provider.GetRequiredService<CollaborativeStrategy>(), provider.GetRequiredKeyedService<ICustomizationStrategy>("collaborative"));
        Assert.IsType<ProductModelValidator>(provider.GetRequiredService<IValidator<ProductModel>>());
    }

    [Fact]
    public void Catalog_ModelFileChanges_AreRecompiledAndBrokenEditsKeepTheLastGoodVersion()
    {
        var folder = Directory.CreateTempSubdirectory("configurator-catalog-");
        try
        {
            var path = Path.Combine(folder.FullName, "m.json");
            File.WriteAllText(path, ProductModelJson.Save(new ProductModelBuilder("m").AddModule("a", m => m.AddOption("x").AddOption("y")).Build()));
            using var provider = new ServiceCollection().AddConfigurator(c => c.AddModelFile(path)).BuildServiceProvider();
            var catalog = provider.GetRequiredService<IModelCatalog>();
            Assert.Equal(2, (int)catalog.Get("m").Count());

            File.WriteAllText(path, ProductModelJson.Save(new ProductModelBuilder("m").AddModule("a", m => m.AddOption("x").AddOption("y").AddOption("z")).Build()));
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
            Assert.Equal(3, (int)catalog.Get("m").Count());

            File.WriteAllText(path, "{ broken");
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(2));
            Assert.Equal(3, (int)catalog.Get("m").Count());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Catalog_WarmsUpEachModelInTheBackground_UnlessToldNot(bool warmUp)
    {
        // A yes/no model on the clause engine records its circuit on first use: the warm-up's
        // session does that before any customer asks.
        var cnf = "p cnf 12 6\n1 2 0\n-1 3 0\n4 5 6 0\n-7 8 0\n9 -10 0\n11 12 0\n";
        var model = Configurator.Importers.ModelImporter.Import(cnf, "pairs.dimacs").GetModelOrThrow();
        var path = Path.Combine(Path.GetTempPath(), $"warm-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, ProductModelJson.Save(model));
        try
        {
            var services = new ServiceCollection().AddConfigurator(c => c.AddModelFile(path).ConfigureCompiler(o => o.NodeBudget = 1));
            services.Configure<ConfiguratorOptions>(o => o.WarmUp = warmUp);
            using var provider = services.BuildServiceProvider();
            var catalog = (ModelCatalog)provider.GetRequiredService<IModelCatalog>();
            await catalog.WarmUps;

            var compiled = catalog.Get(model.Id);
            Assert.Equal(Configurator.Solving.SolverEngineKind.Boolean, compiled.Engine);
            Assert.Equal(warmUp, ((Configurator.Solving.Boolean.BooleanEngine)compiled.Solver).CircuitRecorded);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Catalog_EmbeddedModel_Loads()
    {
        using var provider = new ServiceCollection()
            .AddConfigurator(c => c.AddEmbeddedModel(typeof(ConfiguratorServiceCollectionTests).Assembly, "Configurator.Tests.TestData.embedded-lamp.json"))
            .BuildServiceProvider();
        Assert.Equal(6, (int)provider.GetRequiredService<IModelCatalog>().Get("lamp").Count());
    }

    [Fact]
    public void Catalog_InvalidModel_IsReportedWhenAskedFor()
    {
        using var provider = new ServiceCollection().AddConfigurator(c => c.AddModelFile(Path.Combine(AppContext.BaseDirectory, "TestData", "broken-window.json"))).BuildServiceProvider();
        Assert.Empty(provider.GetRequiredService<IModelCatalog>().ModelIds);
        var exception = Assert.Throws<ConfiguratorException>(() => provider.GetRequiredService<IModelCatalog>().Get("w"));
        Assert.Contains("broken-window.json (28 errors)", exception.Message, StringComparison.Ordinal);
    }
}
