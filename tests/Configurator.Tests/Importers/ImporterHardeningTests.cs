using Configurator.Importers;
using Configurator.Solving;

namespace Configurator.Tests.Importers;

/// <summary>Hostile or malformed files from the hardening issue: each ends in an import error, never an exception.</summary>
public class ImporterHardeningTests
{
    private static ImportError SingleError(string text)
    {
        var result = ModelImporter.Import(text, "hostile");
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Dimacs_MostNegativeLiteral_IsAnErrorNotAnOverflow()
    {
        var error = SingleError("p cnf 3 1\n-2147483648 0\n");
        Assert.Equal(2, error.Line);
        Assert.Contains("is not a literal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dimacs_HugeHeader_IsRefusedBeforeAnythingIsAllocated()
    {
        var started = Environment.TickCount64;
        var error = SingleError("p cnf 1000000000 1\n1 0\n");
        Assert.Contains("at most 1,000,000", error.Message, StringComparison.Ordinal);
        Assert.True(Environment.TickCount64 - started < 5000);
    }

    [Fact]
    public void Dimacs_SecondHeaderAndClauseBeforeHeader_AreErrors()
    {
        Assert.Contains("second problem line; the first is on line 1", SingleError("p cnf 2 1\np cnf 2 1\n1 0\n").Message, StringComparison.Ordinal);
        Assert.Contains("before the problem line", ModelImporter.Import("1 0\np cnf 1 1\n", "x", ImportFormat.Dimacs).Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("two non-negative whole numbers", SingleError("p cnf 2 -1\n1 0\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dimacs_LongCommentHeader_IsRecognised()
    {
        var text = string.Concat(Enumerable.Repeat("c a comment line that pads the header well past the first few kilobytes\n", 2000)) + "p cnf 2 1\n1 2 0\n";
        Assert.Equal(ImportFormat.Dimacs, ModelImporter.Detect(text));
        var compiled = ModelCompiler.Compile(ModelImporter.Import(text, "padded").GetModelOrThrow()).GetModelOrThrow();
        Assert.Equal(3, (int)compiled.Count());
        Assert.Null(ModelImporter.Detect("c only comments\n"));
        Assert.Null(ModelImporter.Detect(""));
    }

    [Fact]
    public void Splc_TwoOptionsNamedA_IsAnErrorNotAnArgumentException()
    {
        const string xml = """
            <vm name="dup">
              <binaryOptions>
                <configurationOption><name>root</name><parent></parent><optional>False</optional></configurationOption>
                <configurationOption><name>A</name><parent>root</parent><optional>True</optional></configurationOption>
                <configurationOption><name>A</name><parent>root</parent><optional>True</optional></configurationOption>
              </binaryOptions>
            </vm>
            """;
        var error = SingleError(xml);
        Assert.Contains("\"A\" is defined 2 times", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, error.Line);
    }
}
