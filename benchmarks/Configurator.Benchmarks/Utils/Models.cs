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

    /// <summary>A partial selection that fixes the first module to its first option: the "one module fixed" case.</summary>
    public static Selection FirstModuleFixed(CompiledModel model)
    {
        var first = model.Model.Modules[0];
        return Selection.Empty.With(first.Id, first.Options[0].Id);
    }
}
