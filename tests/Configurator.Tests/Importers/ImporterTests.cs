using System.Globalization;
using System.Numerics;
using System.Xml.Linq;
using Configurator.Importers;
using Configurator.Solving;
using Configurator.Validation;

namespace Configurator.Tests.Importers;

public class ImporterTests
{
    /// <summary>Three variables, a support table and a conflict table: 5 solutions (shared with the importer fuzz test).</summary>
    internal const string SmallXcsp = """
        <instance>
          <presentation format="XCSP 2.1" type="CSP"/>
          <domains nbDomains="2"><domain name="D0" nbValues="3">0..2</domain><domain name="D1" nbValues="2">5 7</domain></domains>
          <variables nbVariables="3"><variable domain="D0" name="A"/><variable domain="D0" name="B"/><variable domain="D1" name="C"/></variables>
          <relations nbRelations="2">
            <relation arity="2" name="R0" nbTuples="3" semantics="supports">0 1|1 2|2 0</relation>
            <relation arity="2" name="R1" nbTuples="1" semantics="conflicts">2 7</relation>
          </relations>
          <constraints nbConstraints="2">
            <constraint arity="2" name="C0" reference="R0" scope="A B"/>
            <constraint arity="2" name="C1" reference="R1" scope="B C"/>
          </constraints>
        </instance>
        """;

    public static TheoryData<string, int> SplcSystems() => new()
    {
        { "x264", 1152 }, { "LLVM", 1024 }, { "BerkeleyDBC", 2560 }, { "lrzip", 432 }, { "Dune", 2304 },
        { "Hipacc", 13485 }, { "7z", 68640 }, { "JavaGC", 193536 }, { "Polly", 60000 }, { "VP9", 216000 },
    };

    [Theory]
    [MemberData(nameof(SplcSystems))]
    public void Splc_RealSystems_GiveThePublishedCounts(string system, int expected)
    {
        var model = ModelImporter.ImportFile(SharedModels.Path("splconqueror-kaltenecker2019", system, "FeatureModel.xml")).GetModelOrThrow();
        Assert.True(model.Validate().IsValid);
        Assert.Equal(new BigInteger(expected), ModelCompiler.Compile(model).GetModelOrThrow().Count());
    }

    [Theory]
    [InlineData("x264")]
    [InlineData("LLVM")]
    [InlineData("BerkeleyDBC")]
    [InlineData("lrzip")]
    [InlineData("Dune")]
    [InlineData("Hipacc")]
    public void Splc_MeasuredSystems_EnumerateExactlyTheMeasuredSet(string system)
    {
        var measurements = SharedModels.Path("splconqueror-kaltenecker2019", system, "measurements.xml");
        var compiled = ModelCompiler.Compile(ModelImporter.ImportFile(SharedModels.Path("splconqueror-kaltenecker2019", system, "FeatureModel.xml")).GetModelOrThrow()).GetModelOrThrow();
        var names = compiled.Model.Modules.ToDictionary(m => m.Id, m => m.Name!);

        var measured = XDocument.Load(measurements).Descendants("data")
            .Where(d => (string?)d.Attribute("columname") == "Configuration")
            .Select(d => Key(d.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .ToHashSet(StringComparer.Ordinal);
        var enumerated = compiled.Configurations()
            .Select(c => Key(c.Choices.Where(ch => ch.Value.Count == 1).Select(ch => names[ch.Key])))
            .ToList();

        Assert.Equal(enumerated.Count, enumerated.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(measured.Order(StringComparer.Ordinal), enumerated.Order(StringComparer.Ordinal));

        // The measured rows leave out the root, if the model declares one.
        static string Key(IEnumerable<string> options) => string.Join(",", options.Where(o => o != "root").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Renault_ImportsAsTablesOverItsVariables()
    {
        var model = ModelImporter.ImportFile(SharedModels.Path("renault-megane", "megane.xml")).GetModelOrThrow();
        Assert.Equal(99, model.Modules.Count);
        Assert.Equal(113, model.Constraints.Count);
        Assert.Equal(100, model.Constraints.Count(c => c.Table!.Kind == Configurator.Modeling.TableKind.Allowed));
        Assert.Equal(6, model.Modules.Count(m => m.Options.Count == 1));
        Assert.True(model.Validate().IsValid);
    }

    [Fact]
    public void Renault_CountsExactlyThePublishedFigure()
    {
        var compiled = ModelCompiler.Compile(ModelImporter.ImportFile(SharedModels.Path("renault-megane", "megane.xml")).GetModelOrThrow()).GetModelOrThrow();
        Assert.Equal(BigInteger.Parse("2835456006272", CultureInfo.InvariantCulture), compiled.Count());

        // Counts under a selection add up over a module's values (the stats command's per-option figures).
        var module = compiled.Model.Modules[0];
        var perOption = module.Options.Aggregate(BigInteger.Zero, (sum, option) => sum + compiled.Count(Selection.Parse($"{module.Id}={option.Id}")));
        Assert.Equal(compiled.Count(), perOption);
    }

    [Fact]
    public void BusyBox_CountsExactlyThePublished202DigitFigure()
    {
        const string Published = "2061138519356781760670618805653750167349287991336595876373542198990734653489713239449032049664199494301454199336000050382457451123894821886472278234849758979132037884598159833615564800000000000000000000";
        var compiled = ModelCompiler.Compile(ModelImporter.ImportFile(SharedModels.Path("featureide-knueppel2017", "busybox-1.18.0.xml")).GetModelOrThrow()).GetModelOrThrow();
        Assert.Equal(BigInteger.Parse(Published, CultureInfo.InvariantCulture), compiled.Count());
    }

    [Fact]
    public void BusyBox_SessionOnTheSearchEngine_OffersOnlyOptionsThatLeadSomewhere()
    {
        var compiled = ModelCompiler.Compile(ModelImporter.ImportFile(SharedModels.Path("featureide-knueppel2017", "busybox-1.18.0.xml")).GetModelOrThrow()).GetModelOrThrow();
        var session = Configurator.Sessions.ConfigurationSession.Start(compiled);
        var open = session.State.Modules.First(m => m.Options.Count > 0 && m.Options.All(o => o.IsAvailable));
        var result = session.Select(open.ModuleId, open.Options[0].OptionId);

        Assert.True(result.Applied);
        Assert.Equal(compiled.Count(Selection.Parse($"{open.ModuleId}={open.Options[0].OptionId}")), session.State.Completions);
        Assert.True(session.State.Completions > 0);

        // A feature every configuration lacks (dead) is offered as unavailable, and its explanation names the rules.
        if (session.State.Modules.SelectMany(m => m.Options.Where(o => !o.IsAvailable).Select(o => (m.ModuleId, o.OptionId))).FirstOrDefault() is ({ } module, { } option))
        {
            Assert.Equal(BigInteger.Zero, compiled.Count(Selection.Empty.With(open.ModuleId, open.Options[0].OptionId).With(module, option)));
            Assert.NotEmpty(session.Explain(module, option)!.Constraints);
        }
    }

    [Fact]
    public void BusyBox_ImportsEveryFeatureAndRule()
    {
        var model = ModelImporter.ImportFile(SharedModels.Path("featureide-knueppel2017", "busybox-1.18.0.xml")).GetModelOrThrow();
        Assert.Equal(854, model.Modules.Count);
        Assert.True(model.Validate().IsValid);
    }

    [Fact]
    public void Xcsp_SmallInstance_CountsLikeBruteForce()
    {
        var result = ModelImporter.Import(SmallXcsp, "tiny");
        Assert.Equal(ImportFormat.Xcsp, result.Format);
        var compiled = ModelCompiler.Compile(result.GetModelOrThrow()).GetModelOrThrow();

        // (A,B) in {(0,1),(1,2),(2,0)}; C in {5,7}; not (B=2 and C=7): 3 * 2 - 1 = 5.
        Assert.Equal(new BigInteger(5), compiled.Count());
    }

    [Fact]
    public void Dimacs_SmallFormula_CountsItsModels()
    {
        const string cnf = "c x1 or not x2, x2 or x3\np cnf 3 2\n1 -2 0\n2 3 0\n";
        var compiled = ModelCompiler.Compile(ModelImporter.Import(cnf, "f").GetModelOrThrow()).GetModelOrThrow();

        // Brute force over 8 assignments.
        var expected = Enumerable.Range(0, 8).Count(bits => ((bits & 1) != 0 || (bits & 2) == 0) && ((bits & 2) != 0 || (bits & 4) != 0));
        Assert.Equal(new BigInteger(expected), compiled.Count());
    }

    [Fact]
    public void FeatureIde_SmallModel_FollowsGroupSemantics()
    {
        const string xml = """
            <featureModel><struct>
              <and mandatory="true" name="Car">
                <alt mandatory="true" name="Engine"><feature name="Petrol"/><feature name="Electric"/></alt>
                <or name="Extras"><feature name="Radio"/><feature name="Navi"/></or>
                <feature mandatory="true" name="Body"/>
              </and>
            </struct>
            <constraints><rule><imp><var>Navi</var><var>Electric</var></imp></rule></constraints>
            </featureModel>
            """;
        var compiled = ModelCompiler.Compile(ModelImporter.Import(xml, "car").GetModelOrThrow()).GetModelOrThrow();

        // Engine: Petrol or Electric (2); Extras off (1) or on with Radio/Navi/both (3), Navi needs Electric:
        // Petrol: 1 + 1 (Radio) = 2; Electric: 1 + 3 = 4; total 6.
        Assert.Equal(new BigInteger(6), compiled.Count());
    }

    [Fact]
    public void FeatureIde_WideGroupsAndRules_ImportWithinTheNestingLimit()
    {
        // Wider than the limit; much wider compiles slowly on today's engines (1,000 takes minutes), which the Boolean core is for.
        const int width = 250;
        // An alt group, an or group and a conj/disj rule each hundreds of features wide: joined one
        // after another they nested one level per feature and broke the rule language's limit of 200.
        var alt = string.Concat(Enumerable.Range(0, width).Select(i => $"<feature name=\"A{i}\"/>"));
        var or = string.Concat(Enumerable.Range(0, 3).Select(i => $"<feature name=\"O{i}\"/>"));
        var vars = string.Concat(Enumerable.Range(0, width).Select(i => $"<var>A{i}</var>"));
        var xml = $"""
            <featureModel><struct>
              <and mandatory="true" name="Root">
                <alt mandatory="true" name="Alt">{alt}</alt>
                <or name="Or">{or}</or>
              </and>
            </struct>
            <constraints><rule><disj>{vars}</disj></rule><rule><not><conj><var>O0</var>{vars}</conj></not></rule></constraints>
            </featureModel>
            """;
        var compiled = ModelCompiler.Compile(ModelImporter.Import(xml, "wide").GetModelOrThrow()).GetModelOrThrow();

        // Exactly one of the alt group's features; the or group off (1) or on with any non-empty subset (7).
        // The disjunction holds for every alt choice; the negated conjunction of all of them always holds too.
        Assert.Equal(new BigInteger(width * 8), compiled.Count());
    }

    [Fact]
    public void Dimacs_LongClause_ImportsWithinTheNestingLimit()
    {
        // One clause over 250 variables and one unit clause: every assignment with x1 true.
        var clause = string.Join(' ', Enumerable.Range(1, 250).Select(v => v.ToString(CultureInfo.InvariantCulture)));
        var cnf = $"p cnf 250 2\n{clause} 0\n1 0\n";
        var compiled = ModelCompiler.Compile(ModelImporter.Import(cnf, "long").GetModelOrThrow()).GetModelOrThrow();
        Assert.Equal(BigInteger.Pow(2, 249), compiled.Count());
    }

    [Theory]
    [InlineData("<instance><domains><domain name=\"D\">0..x</domain></domains></instance>", "<domain name=\"D\">", 1)]
    [InlineData("<instance>\n<variables><variable domain=\"Nope\" name=\"a\"/></variables></instance>", "names domain \"Nope\"", 2)]
    [InlineData("<instance><variables/><constraints><constraint name=\"C\" reference=\"P\" scope=\"\"/></constraints></instance>", "not a <relation>", 1)]
    [InlineData("<featureModel><struct><and name=\"R\"><feature name=\"A\"/></and></struct><constraints><rule><imp><var>B</var><var>A</var></imp></rule></constraints></featureModel>", "<var>B</var>", 1)]
    [InlineData("p cnf 2 1\n1 3 0\n", "names variable 3", 2)]
    [InlineData("p cnf 2 1\n1 x 0\n", "\"x\" is not a literal", 2)]
    [InlineData("<instance><unclosed></instance>", "Not well-formed XML", 1)]
    [InlineData("hello world", "not recognised", 1)]
    public void Import_MalformedOrUnsupported_NamesTheElementAndLine(string text, string messagePart, int line)
    {
        var result = ModelImporter.Import(text, "bad");
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
        Assert.Throws<FormatException>(result.GetModelOrThrow);
    }

    [Fact]
    public void Import_ConvertedModels_SaveAsValidJson()
    {
        var model = ModelImporter.Import("p cnf 2 1\n1 -2 0\n", "f").GetModelOrThrow();
        var reloaded = Configurator.Serialization.ProductModelJson.Load(Configurator.Serialization.ProductModelJson.Save(model));
        Assert.True(reloaded.Succeeded, string.Join("; ", reloaded.Errors));
        Assert.Equal(model, reloaded.Model);
        Assert.Empty(model.Validate().Errors.Where(e => e.Code != ModelErrorCodes.InvalidId));
    }
}
