using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Configurator.Exporters;
using Configurator.Exporters.Uvl;
using Configurator.Importers;
using Configurator.Serialization;
using Configurator.Solving;
using Configurator.Tests.Importers;
using Configurator.Tests.Solving;

namespace Configurator.Tests.Exporters;

public class ModelExporterTests
{
    private static CompiledModel Compile(Configurator.Modeling.ProductModel model) => ModelCompiler.Compile(model).GetModelOrThrow();

    private static BigInteger CountBack(ExportResult exported, ImportFormat format) =>
        Compile(ModelImporter.Import(exported.GetTextOrThrow(), "back", format).GetModelOrThrow()).Count();

    /// <summary>
    /// Random models (multi-select and optional modules, tables, text and numeric properties, any
    /// rule) written as UVL and read back have exactly the same configurations: each configuration
    /// of the UVL model, read through the feature names the export gave, is one of the model's, and
    /// there are as many. DIMACS and XCSP read back count the same.
    /// </summary>
    [Fact]
    public void RandomModels_RoundTripThroughUvlDimacsAndXcspWithTheSameConfigurations() => Parallel.For(0, 250, new ParallelOptions { MaxDegreeOfParallelism = 2 }, seed =>
    {
        var model = SmallModels.Create(seed);
        var compiled = Compile(model);
        var expected = new BruteForceOracle(model).ValidConfigurations().Select(c => BruteForceOracle.Key(c, model)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(new BigInteger(expected.Count), compiled.Count());

        var (text, _, exporter) = UvlExporter.Export(model);
        var back = Compile(ModelImporter.Import(text, "back", ImportFormat.Uvl).GetModelOrThrow());
        var read = back.Configurations().Select(c => Read(c, model, exporter)).ToHashSet(StringComparer.Ordinal);
        Assert.True(expected.SetEquals(read) && back.Count() == expected.Count, $"seed {seed}: {expected.Count} configurations, {back.Count()} after UVL\n{text}");

        Assert.Equal(compiled.Count(), CountBack(ModelExporter.Export(compiled, ExportFormat.Dimacs), ImportFormat.Dimacs));
        Assert.Equal(compiled.Count(), CountBack(ModelExporter.Export(compiled, ExportFormat.Xcsp), ImportFormat.Xcsp));
    });

    /// <summary>A configuration of the UVL model as the original model's key: per module, the options whose features are selected.</summary>
    private static string Read(Selection configuration, Configurator.Modeling.ProductModel model, UvlExporter exporter)
    {
        bool On(string feature) => configuration.Choices.TryGetValue(feature, out var chosen) && chosen.Count > 0;
        return string.Join(" ", model.Modules.Select(m => m.Id + "=" + string.Join("+", m.IsYesNo
            ? On(exporter.Names[(m.Id, null)]) ? [m.Options[0].Id] : []
            : m.Options.Where(o => On(exporter.Names[(m.Id, o.Id)])).Select(o => o.Id).Order(StringComparer.Ordinal))));
    }

    public static TheoryData<string> SampleModels() => [.. RepositoryPaths.AllSampleModels().Select(p => Path.GetFileName(p))];

    [Theory]
    [MemberData(nameof(SampleModels))]
    public void SampleModels_KeepTheirCountsInEveryFormat(string file)
    {
        var model = ProductModelJson.Load(File.ReadAllText(RepositoryPaths.SampleModel(file))).Model!;
        var compiled = Compile(model);
        Assert.Equal(compiled.Count(), CountBack(ModelExporter.Export(compiled, ExportFormat.Uvl), ImportFormat.Uvl));

        // The same set, not only as many: each UVL configuration read back is one of the model's.
        var (text, _, exporter) = UvlExporter.Export(model);
        var expected = compiled.Configurations().Select(c => SmallModels.Key(c, model)).ToHashSet(StringComparer.Ordinal);
        var read = Compile(ModelImporter.Import(text, "back", ImportFormat.Uvl).GetModelOrThrow()).Configurations().Select(c => Read(c, model, exporter)).ToHashSet(StringComparer.Ordinal);
        Assert.True(expected.SetEquals(read));
        Assert.Equal(compiled.Count(), CountBack(ModelExporter.Export(compiled, ExportFormat.Dimacs), ImportFormat.Dimacs));
        Assert.Equal(compiled.Count(), CountBack(ModelExporter.Export(compiled, ExportFormat.Xcsp), ImportFormat.Xcsp));
    }

    [Fact]
    public void Uvl_DroppedPartsAreReported()
    {
        var compiled = Compile(ProductModelJson.Load(File.ReadAllText(RepositoryPaths.SampleModel("car.json"))).Model!);
        var result = ModelExporter.Export(compiled, ExportFormat.Uvl);
        Assert.StartsWith("features\n", result.GetTextOrThrow(), StringComparison.Ordinal);
        Assert.Contains(result.Warnings, w => w.Contains("price rule", StringComparison.Ordinal) || w.Contains("preset", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> PublishedModels() => new()
    {
        { "featureide-knueppel2017/busybox-1.18.0.xml", "2061138519356781760670618805653750167349287991336595876373542198990734653489713239449032049664199494301454199336000050382457451123894821886472278234849758979132037884598159833615564800000000000000000000" },
        { "splconqueror-kaltenecker2019/x264/FeatureModel.xml", "1152" },
        { "splconqueror-kaltenecker2019/Hipacc/FeatureModel.xml", "13485" },
        { "splconqueror-kaltenecker2019/7z/FeatureModel.xml", "68640" },
        { "splconqueror-kaltenecker2019/VP9/FeatureModel.xml", "216000" },
        { "splconqueror-kaltenecker2019/JavaGC/FeatureModel.xml", "193536" },
        { "splconqueror-kaltenecker2019/LLVM/FeatureModel.xml", "1024" },
        { "splconqueror-kaltenecker2019/BerkeleyDBC/FeatureModel.xml", "2560" },
        { "splconqueror-kaltenecker2019/lrzip/FeatureModel.xml", "432" },
        { "splconqueror-kaltenecker2019/Dune/FeatureModel.xml", "2304" },
        { "splconqueror-kaltenecker2019/Polly/FeatureModel.xml", "60000" },
    };

    [Theory]
    [MemberData(nameof(PublishedModels))]
    public void PublishedModels_ExportToUvlAndBackWithTheirPublishedCounts(string file, string count)
    {
        var compiled = Compile(ModelImporter.ImportFile(SharedModels.Path(file.Split('/'))).GetModelOrThrow());
        Assert.Equal(BigInteger.Parse(count, CultureInfo.InvariantCulture), CountBack(ModelExporter.Export(compiled, ExportFormat.Uvl), ImportFormat.Uvl));
    }

    /// <summary>sharpSAT (built into benchmarks/peers/sharpsat/build by .ci/run or by the benchmarks' counting comparison) counts the DIMACS export as counts.tsv does (automotive2_4's in 0.23 s without the auxiliary variables the export removes; 2.0 s with them).</summary>
    [Theory]
    [InlineData("featureide-knueppel2017/busybox-1.18.0.xml")]
    [InlineData("ddnnife-sundermann2023/automotive01.dimacs")]
    [InlineData("featureide-knueppel2017/automotive2_4.xml")]
    public void Dimacs_CountedBySharpSat_EqualsThePublishedCount(string file)
    {
        var sharpSat = Path.Combine(RepositoryPaths.Root, "benchmarks", "peers", "sharpsat", "build", "sharpSAT");
        var path = SharedModels.Path(file.Split('/'));
        if (!File.Exists(sharpSat))
        {
            Assert.Skip($"sharpSAT is not built ({sharpSat}); 'dotnet run -c Release --project benchmarks/Configurator.Benchmarks -- counting --quick' builds it from ../shared/peers/sharpSAT.");
        }

        var expected = BigInteger.Parse(File.ReadLines(SharedModels.Path("counts.tsv")).Single(l => l.StartsWith(file + "\t", StringComparison.Ordinal)).Split('\t')[1], CultureInfo.InvariantCulture);
        var compiled = Compile(ModelImporter.ImportFile(path).GetModelOrThrow());
        var folder = Directory.CreateTempSubdirectory("configurator-export-");
        try
        {
            var cnf = Path.Combine(folder.FullName, "model.cnf");
            File.WriteAllText(cnf, ModelExporter.Export(compiled, ExportFormat.Dimacs).GetTextOrThrow());
            using var process = Process.Start(new ProcessStartInfo(sharpSat, [cnf]) { RedirectStandardOutput = true, WorkingDirectory = folder.FullName })!;
            var output = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(120_000));
            var lines = output.Split('\n').Select(l => l.Trim()).ToList();
            var answer = lines[lines.FindIndex(l => l.StartsWith("# solutions", StringComparison.Ordinal)) + 1];
            Assert.Equal(expected, BigInteger.Parse(answer, CultureInfo.InvariantCulture));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Xcsp_WideConstraints_FallBackToClausesWithTheSameCount()
    {
        // One rule over 20 yes/no modules spans 2^20 combinations, too many to list: at most 3 of 20 is 1 + 20 + 190 + 1140.
        var builder = new Configurator.Modeling.ProductModelBuilder("wide");
        for (var i = 0; i < 20; i++)
        {
            builder.AddModule($"m{i}", m => m.Optional().AddOption("yes"));
        }

        builder.AddRule("few", string.Join(" + ", Enumerable.Range(0, 20).Select(i => $"count(m{i})")) + " <= 3");
        var compiled = Compile(builder.Build());
        var result = ModelExporter.Export(compiled, ExportFormat.Xcsp);
        Assert.Contains(result.Warnings, w => w.Contains("clauses", StringComparison.Ordinal));
        Assert.Equal(new BigInteger(1351), CountBack(result, ImportFormat.Xcsp));
        Assert.Equal(new BigInteger(1351), CountBack(ModelExporter.Export(compiled, ExportFormat.Uvl), ImportFormat.Uvl));
    }
}
