using System.Reflection;
using Configurator.Solving;

namespace Configurator.DependencyInjection;

/// <summary>Where the model catalog finds models, and how it compiles them (options pattern).</summary>
public sealed class ConfiguratorOptions
{
    /// <summary>Model files (JSON model format).</summary>
    /// <value>Defaults to none.</value>
    public IList<string> ModelFiles { get; } = [];

    /// <summary>Folders whose <c>*.json</c> files are models.</summary>
    /// <value>Defaults to none.</value>
    public IList<string> ModelFolders { get; } = [];

    /// <summary>Models embedded as resources: an assembly and a resource name.</summary>
    /// <value>Defaults to none.</value>
    public IList<(Assembly Assembly, string ResourceName)> EmbeddedModels { get; } = [];

    /// <summary>Limits for compiling.</summary>
    /// <value>Defaults to <see cref="CompilerOptions"/>' defaults.</value>
    public CompilerOptions Compiler { get; set; } = new();

    /// <summary>How sessions are stored between requests (<see cref="Sessions.Storage.ISessionStore"/>).</summary>
    /// <value>Defaults to <see cref="Sessions.Storage.SessionStoreOptions"/>' defaults: in memory, 30 minutes.</value>
    public Sessions.Storage.SessionStoreOptions Sessions { get; set; } = new();

    /// <summary>
    /// Whether the catalog, in the background after it loads a model, does the one-time work the
    /// model's first session would otherwise wait for: the clause engine's circuit (or giving up on
    /// it), the first availability pass and the explanations of options no configuration takes.
    /// The Linux kernel's model made its first customer wait 8.3 s and the next 0.2 s. A session
    /// that starts meanwhile waits only for what it needs and shares the work.
    /// </summary>
    /// <value>Defaults to true.</value>
    public bool WarmUp { get; set; } = true;
}
