using System.Reflection;
using Configurator.Internal;
using Configurator.Pricing;
using Configurator.Solving;

namespace Configurator.DependencyInjection;

/// <summary>Configures <see cref="ConfiguratorServiceCollectionExtensions.AddConfigurator"/>: models, pricing, compiler limits.</summary>
public sealed class ConfiguratorBuilder
{
    internal List<Action<ConfiguratorOptions>> Options { get; } = [];

    internal Action<PricingPipelineBuilder>? Pricing { get; private set; }

    /// <summary>Adds a model file.</summary>
    /// <param name="path">The file's path.</param>
    public ConfiguratorBuilder AddModelFile(string path)
    {
        Guard.NotNullOrEmpty(path);
        Options.Add(o => o.ModelFiles.Add(path));
        return this;
    }

    /// <summary>Adds every <c>*.json</c> model in a folder.</summary>
    /// <param name="path">The folder's path.</param>
    public ConfiguratorBuilder AddModelFolder(string path)
    {
        Guard.NotNullOrEmpty(path);
        Options.Add(o => o.ModelFolders.Add(path));
        return this;
    }

    /// <summary>Adds a model embedded as a resource.</summary>
    /// <param name="assembly">The assembly.</param>
    /// <param name="resourceName">The manifest resource name.</param>
    public ConfiguratorBuilder AddEmbeddedModel(Assembly assembly, string resourceName)
    {
        Guard.NotNull(assembly);
        Guard.NotNullOrEmpty(resourceName);
        Options.Add(o => o.EmbeddedModels.Add((assembly, resourceName)));
        return this;
    }

    /// <summary>Sets compiler limits.</summary>
    /// <param name="configure">Changes the compiler options.</param>
    public ConfiguratorBuilder ConfigureCompiler(Action<CompilerOptions> configure)
    {
        Guard.NotNull(configure);
        Options.Add(o => configure(o.Compiler));
        return this;
    }

    /// <summary>Sets how sessions are stored: the expiry, and whether in the registered <c>IDistributedCache</c>.</summary>
    /// <param name="configure">Changes the session store options.</param>
    public ConfiguratorBuilder ConfigureSessions(Action<Sessions.Storage.SessionStoreOptions> configure)
    {
        Guard.NotNull(configure);
        Options.Add(o => configure(o.Sessions));
        return this;
    }

    /// <summary>Composes the default pricing pipeline.</summary>
    /// <param name="configure">Adds policies, in order.</param>
    public ConfiguratorBuilder AddPricing(Action<PricingPipelineBuilder> configure)
    {
        Pricing = Guard.NotNull(configure);
        return this;
    }
}
