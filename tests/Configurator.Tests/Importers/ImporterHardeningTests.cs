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

    [Fact]
    public void Dimacs_WrongClauseCount_IsAWarningNotSilence()
    {
        var result = ModelImporter.Import("p cnf 2 5\n1 2 0\n", "short");
        Assert.NotNull(result.Model);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(1, warning.Line);
        Assert.Contains("declares 5 clauses; the file has 1", warning.Message, StringComparison.Ordinal);
        Assert.Empty(ModelImporter.Import("p cnf 2 1\n1 2 0\n", "right").Warnings);
    }

    [Fact]
    public void Xcsp_Range0To2000000000_SaysItIsTooLargeNotThatItIsNoRange()
    {
        var error = SingleError(XcspWith("<domain name=\"D\" nbValues=\"2\">0..2000000000</domain>", "<relation name=\"R\" arity=\"1\" semantics=\"supports\">0</relation>"));
        Assert.Contains("the range 0..2000000000 of 2,000,000,001 values", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);

        // The most negative int as a range end overflowed while counting the values.
        Assert.Contains("-2147483648..2147483647", SingleError(XcspWith("<domain name=\"D\" nbValues=\"2\">-2147483648..2147483647</domain>", "<relation name=\"R\" arity=\"1\" semantics=\"supports\">0</relation>")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<domain name=\"D\" nbValues=\"2\"></domain>")]
    [InlineData("<domain name=\"D\" nbValues=\"2\"/>")]
    [InlineData("<domain name=\"D\" nbValues=\"2\">\n   </domain>")]
    public void Xcsp_EmptyDomain_IsAnErrorAtItsLineNotAModuleWithoutOptions(string domain)
    {
        // A fuzz run of 300,000 damaged files found it: the domain imported as modules without
        // options, which validation then refused as $.modules[0].options, a file the user never wrote.
        var error = SingleError(XcspWith(domain, "<relation name=\"R\" arity=\"1\" semantics=\"supports\">0</relation>"));
        Assert.Contains("<domain name=\"D\"> has no values", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("$.", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Theory]
    [InlineData("            Bell {Price 99999999999999999999999999999999}\n", "", 4, 25)]
    [InlineData("            Bell {Price 10}\n", "constraints\n    99999999999999999999999999999999 > Bell.Price\n", 6, 5)]
    public void Uvl_NumberBeyondDecimal_IsAnErrorAtItsColumnNotAnOverflow(string feature, string constraints, int line, int column)
    {
        // A fuzz run of 60,000 damaged UVL files found it: decimal.Parse threw out of the importer.
        var error = SingleError($"features\n    Bike\n        optional\n{feature}{constraints}");
        Assert.Contains("The number 99999999999999999999999999999999 is beyond the largest we hold", error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("<instanctation format=\"XCSP 2.1\" type=\"CSP\"/>", "<instanctation>")]
    [InlineData("<instance><domains><domain name=\"D\" nbValues=\"1\">0</domain></domains></instance>", "<instance>")]
    public void Xcsp_NoVariables_IsAnErrorNotAModelWithoutModules(string xml, string root)
    {
        // A fuzz run found it: the file, read as XCSP, imported as a model without modules, refused later as $.modules.
        var result = ModelImporter.Import(xml, "hostile", ImportFormat.Xcsp);
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains($"{root} declares no <variable> inside <variables>", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
    }

    [Theory]
    [InlineData("<a><a><a></a></a></a>", "<a>")]
    [InlineData("<vm name=\"empty\">\n  <binaryOptions/>\n</vm>", "<vm>")]
    public void Splc_NoBinaryOptions_IsAnErrorNotAModelWithoutModules(string xml, string root)
    {
        // A fuzz run found it (seed 11085537: 1,000 nested elements): imported as a model without modules, refused later as $.modules.
        var result = ModelImporter.Import(xml, "hostile", ImportFormat.Splc);
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains($"{root} declares no <configurationOption> inside <binaryOptions>", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Xcsp_DuplicateVariableOrRelationNames_AreErrorsAtTheirLineNotJsonPaths()
    {
        var xml = XcspWith("<domain name=\"D\" nbValues=\"2\">0 1</domain>", "<relation name=\"R\" arity=\"1\" semantics=\"supports\">0</relation>\n<relation name=\"R\" arity=\"1\" semantics=\"conflicts\">1</relation>");
        var error = SingleError(xml);
        Assert.Contains("<relation name=\"R\"> is defined 2 times", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("$.", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, error.Line); // the second definition

        var variables = SingleError(XcspWith("<domain name=\"D\" nbValues=\"2\">0 1</domain>", "<relation name=\"R\" arity=\"1\" semantics=\"supports\">0</relation>").Replace("name=\"B\"", "name=\"A\"", StringComparison.Ordinal));
        Assert.Contains("<variable name=\"A\"> is defined 2 times", variables.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FeatureIde_StructStartingWithARuleElement_IsAnErrorAtItsLineNotAnIndexError()
    {
        // A fuzz run of 180,000 damaged files found it: no feature was left to be the root, and
        // the importer read the first of none (ArgumentOutOfRangeException).
        const string xml = """
            <featureModel><struct>
            <eq><var>A</var><var>A</var></eq><and mandatory="true" name="Root"><feature name="A"/></and>
            </struct></featureModel>
            """;
        var error = SingleError(xml);
        Assert.Contains("<struct> starts with <eq>, not with the root feature", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void FeatureIde_RuleWithTwoExpressionsOrFeatureWithoutName_IsAnErrorAtItsLine()
    {
        const string xml = """
            <featureModel><struct>
              <and mandatory="true" name="Root"><feature name="A"/><feature mandatory="true"/></and>
            </struct>
            <constraints><rule><var>A</var><var>Root</var></rule></constraints>
            </featureModel>
            """;
        var result = ModelImporter.Import(xml, "two");
        Assert.Null(result.Model);
        Assert.Contains(result.Errors, e => e.Message.Contains("<feature> has no name attribute", StringComparison.Ordinal) && e.Line == 2);

        // SingleOrDefault threw on a rule of two expressions.
        var rule = SingleError(xml.Replace("<feature mandatory=\"true\"/>", "", StringComparison.Ordinal));
        Assert.Contains("<rule> must hold exactly one expression", rule.Message, StringComparison.Ordinal);
        Assert.Equal(4, rule.Line);
    }

    private static string XcspWith(string domain, string relations) => $"""
        <instance>
          <domains>{domain}</domains>
          <variables><variable domain="D" name="A"/><variable domain="D" name="B"/></variables>
          <relations>
          {relations}
          </relations>
          <constraints><constraint name="C" arity="1" reference="R" scope="A"/></constraints>
        </instance>
        """;

    [Theory]
    [InlineData(250)]
    [InlineData(200_000)]
    public void FeatureIde_TooDeepRule_IsAnErrorAtTheRuleLineNotAJsonPath(int depth)
    {
        // Hardening item 9: the converted rule was refused later, as $.constraints[2].rule; a hostile
        // depth must not reach the recursive conversion at all.
        var xml = "<featureModel><struct><and mandatory=\"true\" name=\"R\"><feature name=\"A\"/></and></struct>\n<constraints>\n<rule>"
            + string.Concat(Enumerable.Repeat("<not>", depth)) + "<var>A</var>" + string.Concat(Enumerable.Repeat("</not>", depth)) + "</rule></constraints></featureModel>";
        var error = SingleError(xml);
        Assert.Equal(3, error.Line);
        Assert.Contains($"<rule> nests {depth + 1:N0} elements deep", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("$.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<instance>", "</instance>", "XCSP")]
    [InlineData("<vm name=\"x\">", "</vm>", "SPL Conqueror")]
    [InlineData("<featureModel><struct>", "</struct></featureModel>", "FeatureIDE")]
    public void DeepXml_IsRefusedAtItsLine_BeforeADocumentIsBuilt(string open, string close, string format)
    {
        // Building the document takes time quadratic in the depth: 100,000 levels took about 15 s
        // (200,000 about a minute) before the text was read once for its depth.
        const int depth = 100_000;
        var xml = open + "\n" + string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth)) + close;
        var error = SingleError(xml);
        Assert.Equal(2, error.Line);
        Assert.Equal($"<a> nests {depth - 1:N0} elements deep; {format} files are read to at most 1,000 levels.", error.Message);
    }

    [Fact]
    public void DeepXml_JustWithinTheLimit_IsReadAsBefore()
    {
        // 998 levels below the struct's root feature: read, and refused for what it is (features
        // without names), not for its depth.
        var xml = "<featureModel><struct>\n<and name=\"R\">" + string.Concat(Enumerable.Repeat("<a>", 997)) + string.Concat(Enumerable.Repeat("</a>", 997)) + "</and></struct></featureModel>";
        var result = ModelImporter.Import(xml, "deep");
        Assert.DoesNotContain(result.Errors, e => e.Message.Contains("nests", StringComparison.Ordinal));
    }
}
