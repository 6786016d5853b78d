using Configurator.Importers;
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
        "renault" or "busybox" or "automotive01" or "automotive2_4" or "linux" => ModelImporter.ImportFile(SharedFile(name) ?? throw new InvalidOperationException(Missing(name))).GetModelOrThrow(),
        _ => ProductModelJson.LoadFile(SampleFiles.Path(name + ".json")).GetModelOrThrow(),
    };

    /// <summary>Whether the model's file is here (the third-party ones need ../shared beside the repository).</summary>
    public static bool IsAvailable(string name) => name is not ("renault" or "busybox" or "automotive01" or "automotive2_4" or "linux") || SharedFile(name) is not null;

    /// <summary>What to do when a third-party model is absent.</summary>
    public static string Missing(string name) =>
        $"The {name} model is read from ../shared/benchmarks/models, which is not beside this repository; its benchmarks are skipped.";

    private static string? SharedFile(string name) => name switch
    {
        "renault" => SampleFiles.Shared("renault-megane", "megane.xml"),
        "automotive01" => SampleFiles.Shared("ddnnife-sundermann2023", "automotive01.dimacs"),
        "automotive2_4" => SampleFiles.Shared("featureide-knueppel2017", "automotive2_4.xml"),
        "linux" => SampleFiles.Shared("featureide-knueppel2017", "linux-2.6.33.3.xml"),
        _ => SampleFiles.Shared("featureide-knueppel2017", "busybox-1.18.0.xml"),
    };

    public static CompiledModel Compile(string name) => ModelCompiler.Compile(Load(name)).GetModelOrThrow();

    /// <summary>A partial selection that fixes the first module to its first option: the "one module fixed" case.</summary>
    public static Selection FirstModuleFixed(CompiledModel model)
    {
        var first = model.Model.Modules[0];
        return Selection.Empty.With(first.Id, first.Options[0].Id);
    }
}
