using Configurator.Modeling;
using Configurator.Serialization;
using Configurator.Solving;

namespace Configurator.Benchmarks.Utils;

/// <summary>The models the benchmarks run on, by name.</summary>
internal static class Models
{
    public static ProductModel Load(string name) => name switch
    {
        "ring-60x8" => GeneratedModels.Ring(60, 8, seed: 1),
        "free-12x10" => GeneratedModels.Unconstrained(12, 10),
        _ => ProductModelJson.LoadFile(SampleFiles.Path(name + ".json")).GetModelOrThrow(),
    };

    public static CompiledModel Compile(string name) => ModelCompiler.Compile(Load(name)).GetModelOrThrow();
}
