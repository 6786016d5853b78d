using Configurator.Solving;

namespace Configurator.DependencyInjection;

/// <summary>
/// The shop's compiled models by id: compiled once and cached, and recompiled when a model file
/// changes. Thread-safe.
/// </summary>
public interface IModelCatalog
{
    /// <summary>The ids of the models the catalog knows.</summary>
    IReadOnlyCollection<string> ModelIds { get; }

    /// <summary>The compiled model with this id, recompiled first if its file changed.</summary>
    /// <param name="modelId">The model id (the <c>id</c> in its JSON).</param>
    /// <param name="cancellationToken">Cancels waiting for a reload in progress.</param>
    /// <exception cref="ConfiguratorException">No model has this id (<see cref="ConfiguratorErrorCodes.UnknownModel"/>).</exception>
    /// <exception cref="Validation.ModelValidationException">The model does not compile (every error is listed).</exception>
    CompiledModel Get(string modelId, CancellationToken cancellationToken = default);

    /// <summary>The compiled model with this id, if the catalog has one that compiles; an unknown id is an ordinary miss.</summary>
    /// <param name="modelId">The model id.</param>
    /// <param name="model">The compiled model, when found.</param>
    /// <returns>Whether a compiled model was found.</returns>
    bool TryGet(string modelId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CompiledModel? model);
}
