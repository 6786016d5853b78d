using Configurator.Importers;
using Configurator.Sessions;
using Configurator.Solving;

namespace Configurator.Tests.Solving;

/// <summary>
/// An unknown module or option id names the nearest known one and lists a few: on a feature model
/// the list of every module was 14 KB (BusyBox) to 100 KB (the Linux kernel's) in one message.
/// </summary>
public class UnknownIdMessageTests
{
    [Fact]
    public void UnknownModule_OnAWideModel_SuggestsTheNearestAndListsAFew()
    {
        // 2,000 features x1 … x2000.
        var model = ModelImporter.Import("p cnf 2000 1\n1 2 0\n", "wide.dimacs").GetModelOrThrow();
        var compiled = ModelCompiler.Compile(model).GetModelOrThrow();

        var error = Assert.Throws<InvalidSelectionException>(() => compiled.Count(Selection.Empty.With("X1999", "yes")));
        Assert.Equal(ConfiguratorErrorCodes.UnknownModule, error.Code);
        Assert.StartsWith("There is no module 'X1999'. Did you mean 'x1999'? Modules: x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, … (2,000 in all).", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Message.Length, 1, 200);

        var session = ConfigurationSession.Start(compiled);
        Assert.StartsWith("There is no module 'zzz'. Modules: x1,", Assert.Throws<InvalidSelectionException>(() => session.Select("zzz", "yes")).Message, StringComparison.Ordinal);
        Assert.Contains("(2,000 in all)", Assert.Throws<InvalidSelectionException>(() => session.State["nope"]).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_SuggestsTheNearestAndListsAllOfAShortList()
    {
        var compiled = ModelCompiler.Compile(Configurator.Serialization.ProductModelJson.LoadFile(RepositoryPaths.SampleModel("window-rules.json")).GetModelOrThrow()).GetModelOrThrow();

        var error = Assert.Throws<InvalidSelectionException>(() => compiled.Count(Selection.Empty.With("glass", "tripple")));
        Assert.Equal("Module 'glass' has no option 'tripple'. Did you mean 'triple'? Options: clear, laminated, double, triple.", error.Message);
        Assert.Equal("Module 'glass' has no option 'frosted'. Options: clear, laminated, double, triple.",
            Assert.Throws<InvalidSelectionException>(() => ConfigurationSession.Start(compiled).Select("glass", "frosted")).Message);
    }
}
