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
    /// <exception cref="KeyNotFoundException">No model has this id.</exception>
    /// <exception cref="Validation.ModelValidationException">The model does not compile (every error is listed).</exception>
    CompiledModel Get(string modelId, CancellationToken cancellationToken = default);
}
