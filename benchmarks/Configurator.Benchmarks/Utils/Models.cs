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

    /// <summary>
    /// The model with a price on every option (10 to 90, the same on every run) and a base price of
    /// 1,000: the feature-model benchmarks come without prices, and a shop prices its options.
    /// </summary>
    public static ProductModel WithOptionPrices(ProductModel model)
    {
        var random = new Random(1);
        return model with
        {
            BasePrice = 1000,
            Modules = [.. model.Modules.Select(m => m with { Options = [.. m.Options.Select(o => o with { Price = 10 * random.Next(1, 10) })] })],
        };
    }

    /// <summary>
    /// What a session step alternates: two options of the first module, or on a feature model (one
    /// option per module) the first feature the customer is free to take or leave, selected and deselected.
    /// </summary>
    public static (string Module, string[] Options) Toggled(Sessions.ConfigurationSession session)
    {
        var model = session.Model.Model;
        if (model.Modules[0].Options.Count > 1)
        {
            return (model.Modules[0].Id, [model.Modules[0].Options[0].Id, model.Modules[0].Options[1].Id]);
        }

        var free = session.State.Modules.First(m => m.Options.Count == 1 && m.Options[0].IsAvailable && !m.Options[0].IsSelected
            && model.Modules.Single(x => x.Id == m.ModuleId).Min == 0);
        return (free.ModuleId, [free.Options[0].OptionId]);
    }

    /// <summary>One step of <see cref="Toggled"/>: the first option or selection on even turns, the second or the deselection on odd ones.</summary>
    public static Sessions.ChoiceResult Toggle(Sessions.ConfigurationSession session, (string Module, string[] Options) toggled, int turn) =>
        toggled.Options.Length == 2 ? session.Select(toggled.Module, toggled.Options[turn & 1])
        : (turn & 1) == 0 ? session.Select(toggled.Module, toggled.Options[0])
        : session.Deselect(toggled.Module, toggled.Options[0]);

    /// <summary>A partial selection that fixes the first module to its first option: the "one module fixed" case.</summary>
    public static Selection FirstModuleFixed(CompiledModel model)
    {
        var first = model.Model.Modules[0];
        return Selection.Empty.With(first.Id, first.Options[0].Id);
    }
}
