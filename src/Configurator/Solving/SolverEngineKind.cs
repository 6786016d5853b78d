namespace Configurator.Solving;

/// <summary>Which engine a compiled model uses; the compiler picks it, callers never have to.</summary>
public enum SolverEngineKind
{
    /// <summary>A compiled decision diagram: counting, ranking and sampling linear in its size; enumeration without dead ends.</summary>
    Diagram,

    /// <summary>Depth-first search with cached sub-problem counts, for models whose diagram would exceed the node budget.</summary>
    Search,

    /// <summary>
    /// Clauses over yes/no variables, for large feature models: exact counting with unit
    /// propagation, components and a cache of their counts; availability by a clause-learning solver.
    /// </summary>
    Boolean,
}
