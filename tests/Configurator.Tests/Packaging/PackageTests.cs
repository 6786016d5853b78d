using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Configurator.Tests.Packaging;

/// <summary>
/// The packages as a shop engineer receives them: packed from a clone of the repository (whose
/// origin is the public GitHub URL, as on a developer's machine or in CI), inspected file by file,
/// and the library's package used by a .NET 8 project that runs the package README's quick start.
/// </summary>
[Collection(TimingTests.Name)]
public sealed class PackageTests(PackageTests.Packed packed) : IClassFixture<PackageTests.Packed>
{
    private const string PublicUrl = "https://github.com/configurator-engine/Configurator";

    [Theory]
    [InlineData("Configurator", "lib")]
    [InlineData("Configurator.Orleans", "lib")]
    public void LibraryPackage_HasBothTargetsDocsLicenseRepositoryAndItsOwnReadme(string id, string folder)
    {
        using var package = ZipFile.OpenRead(packed.Package(id, "nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            Assert.Contains($"{folder}/{framework}/{id}.dll", entries);
            Assert.Contains($"{folder}/{framework}/{id}.xml", entries);
        }

        var metadata = Metadata(package, id);
        AssertCommonMetadata(metadata, packed.Commit);
        var readme = Read(package, "README.md");
        Assert.Contains($"dotnet add package {id}", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("../shared", readme, StringComparison.Ordinal);
        Assert.DoesNotContain(".ci/run", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void ConsolePackage_IsADotnetToolNamedConfiguratorThatPointsAtANativeAndAFrameworkDependentPackage()
    {
        using var package = ZipFile.OpenRead(packed.Package("Configurator.Console", "nupkg"));
        var metadata = Metadata(package, "Configurator.Console");
        AssertCommonMetadata(metadata, packed.Commit);
        Assert.Contains(metadata.Descendants(), e => e.Name.LocalName == "packageType" && (string?)e.Attribute("name") == "DotnetTool");
        var settings = ToolSettings(package);
        Assert.Equal("configurator", (string?)settings.Descendants().Single(e => e.Name.LocalName == "Command").Attribute("Name"));
        var pointed = settings.Descendants().Where(e => e.Name.LocalName == "RuntimeIdentifierPackage")
            .ToDictionary(e => (string)e.Attribute("RuntimeIdentifier")!, e => (string)e.Attribute("Id")!, StringComparer.Ordinal);
        Assert.Equal("Configurator.Console.linux-x64", pointed["linux-x64"]);
        Assert.Equal("Configurator.Console.any", pointed["any"]);
        Assert.Contains("dotnet tool install -g Configurator.Console", Read(package, "README.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void FrameworkDependentConsolePackage_RunsTheAssemblyOnTheInstalledRuntime()
    {
        using var package = ZipFile.OpenRead(packed.Package("Configurator.Console.any", "nupkg"));
        AssertCommonMetadata(Metadata(package, "Configurator.Console.any"), packed.Commit);
        var command = ToolSettings(package).Descendants().Single(e => e.Name.LocalName == "Command");
        Assert.Equal("configurator", (string?)command.Attribute("Name"));
        Assert.Equal("Configurator.Console.dll", (string?)command.Attribute("EntryPoint"));
        Assert.Equal("dotnet", (string?)command.Attribute("Runner"));
        Assert.Contains(package.Entries, e => e.FullName.EndsWith("/Configurator.Console.dll", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NativeTool_InstalledFromThePackages_IsOneNativeProgramThatPrintsWhatTheReadmeShows()
    {
        Assert.SkipWhen(packed.NativeSkipped is not null, packed.NativeSkipped ?? "");
        using (var package = ZipFile.OpenRead(packed.Package("Configurator.Console.linux-x64", "nupkg")))
        {
            // The program alone: no assemblies for a runtime to load, no debug information.
            var tools = package.Entries.Where(e => e.FullName.StartsWith("tools/", StringComparison.Ordinal)).Select(e => Path.GetFileName(e.FullName)).Order(StringComparer.Ordinal);
            Assert.Equal(["Configurator.Console", "DotnetToolSettings.xml"], tools);
        }

        // As a user installs it, from the packed folder only, into a packages folder of its own (never a cache of an earlier pack).
        var tool = Path.Combine(packed.Folder, "tool");
        var packages = Path.Combine(packed.Folder, "tool-packages");
        var config = Path.Combine(packed.Folder, "tool-nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{packed.Output}" />
              </packageSources>
            </configuration>
            """);
        var install = Packed.Run("dotnet", packed.Folder, [new("NUGET_PACKAGES", packages)],
            "tool", "install", "Configurator.Console", "--version", packed.Version, "--tool-path", tool, "--configfile", config);
        Assert.True(install.ExitCode == 0, install.Output);

        var program = new FileInfo(Path.Combine(tool, "configurator")).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.Combine(tool, "configurator");
        Assert.Contains($"configurator.console.linux-x64{Path.DirectorySeparatorChar}", program, StringComparison.OrdinalIgnoreCase);
        var header = new byte[4];
        using (var file = File.OpenRead(program))
        {
            file.ReadExactly(header);
        }

        Assert.Equal("\u007fELF"u8.ToArray(), header);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(program)!, "*.dll"));
        await Documentation.ReadmeConsoleTranscriptTests.AssertTranscript(Path.Combine(tool, "configurator"));
    }

    [Theory]
    [InlineData("Configurator")]
    [InlineData("Configurator.Orleans")]
    public void SymbolPackage_HasAPdbPerTargetThatSourceLinksToTheCommitOnGitHub(string id)
    {
        using var symbols = ZipFile.OpenRead(packed.Package(id, "snupkg"));
        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            var entry = symbols.GetEntry($"lib/{framework}/{id}.pdb");
            Assert.NotNull(entry);
            using var copy = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(copy);
            }

            copy.Position = 0;
            using var provider = MetadataReaderProvider.FromPortablePdbStream(copy);
            var reader = provider.GetMetadataReader();
            var sourceLink = reader.CustomDebugInformation
                .Select(reader.GetCustomDebugInformation)
                .Where(info => reader.GetGuid(info.Kind) == SourceLinkKind)
                .Select(info => Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value)))
                .SingleOrDefault();
            Assert.NotNull(sourceLink);
            Assert.Contains($"https://raw.githubusercontent.com/configurator-engine/Configurator/{packed.Commit}/", sourceLink, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ConsumerOnNet8_RestoresThePackageFromAFolderAndRunsTheReadmeQuickStart()
    {
        using var package = ZipFile.OpenRead(packed.Package("Configurator", "nupkg"));
        var quickStart = Regex.Match(Read(package, "README.md"), "## Quick start\\s+```csharp\\n(.*?)```", RegexOptions.Singleline);
        Assert.True(quickStart.Success, "the package README has no quick start");

        var consumer = Directory.CreateDirectory(Path.Combine(packed.Folder, "consumer")).FullName;
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), quickStart.Groups[1].Value);
        File.WriteAllText(Path.Combine(consumer, "consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net8.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <UseAppHost>false</UseAppHost>
                <!-- Its own packages folder, so that the package comes from the folder below, never from a cache. -->
                <RestorePackagesPath>{Path.Combine(packed.Folder, "consumer-packages")}</RestorePackagesPath>
                <RestoreFallbackFolders>{Packed.GlobalPackages()}</RestoreFallbackFolders>
                <RestoreAdditionalProjectSources>{packed.Output}</RestoreAdditionalProjectSources>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Configurator" Version="{packed.Version}" />
              </ItemGroup>
            </Project>
            """);

        // This machine may have no .NET 8 runtime: the net8.0 build runs on the newest one there is.
        var build = Packed.Run("dotnet", consumer, "build", "-c", "Release", "--nologo", "--disable-build-servers");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.True(File.Exists(Path.Combine(packed.Folder, "consumer-packages", "configurator", packed.Version, "lib", "net8.0", "Configurator.dll")),
            "the consumer did not restore the package's net8.0 assembly");
        var run = Packed.Run("dotnet", consumer, [new("DOTNET_ROLL_FORWARD", "Major")], Path.Combine("bin", "Release", "net8.0", "consumer.dll"));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("3 windows", run.Output, StringComparison.Ordinal);
        Assert.Contains("triple", run.Output, StringComparison.Ordinal);
        Assert.Contains("Arched frames need triple glazing.", run.Output, StringComparison.Ordinal);
    }

    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    private static void AssertCommonMetadata(XElement metadata, string commit)
    {
        string? Value(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);
        Assert.Equal(PublicUrl, Value("projectUrl"));
        Assert.Equal("icon.png", Value("icon"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Contains("CHANGELOG.md", Value("releaseNotes"), StringComparison.Ordinal);
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Equal(PublicUrl + ".git", (string?)repository.Attribute("url"));
        Assert.Equal(commit, (string?)repository.Attribute("commit"));
    }

    private static XDocument ToolSettings(ZipArchive package) =>
        XDocument.Parse(Read(package, package.Entries.Single(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal)).FullName));

    private static XElement Metadata(ZipArchive package, string id) =>
        XDocument.Parse(Read(package, id + ".nuspec")).Root!.Elements().Single(e => e.Name.LocalName == "metadata");

    private static string Read(ZipArchive package, string name)
    {
        var entry = package.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"the package has no {name}");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    /// <summary>Clones the repository's committed state, points its origin at GitHub, and packs the three packages once.</summary>
    public sealed class Packed : IDisposable
    {
        public Packed()
        {
            Folder = Directory.CreateTempSubdirectory("packages-").FullName;
            var clone = Path.Combine(Folder, "clone");
            Output = Path.Combine(Folder, "out");
            Check(Run("git", Folder, "clone", "-q", RepositoryPaths.Root, clone));
            Check(Run("git", clone, "remote", "set-url", "origin", PublicUrl + ".git"));
            Commit = Check(Run("git", clone, "rev-parse", "HEAD")).Trim();
            foreach (var project in new[] { "src/Configurator", "src/Configurator.Orleans", "samples/Configurator.Console" })
            {
                Pack(clone, project);
            }

            // The console's RID packages, as a release packs them: framework-dependent anywhere, native on its own platform only.
            Pack(clone, "samples/Configurator.Console", "-r", "any");
            NativeSkipped = NativeToolchain();
            if (NativeSkipped is null)
            {
                Pack(clone, "samples/Configurator.Console", "-r", "linux-x64");
            }

            Version = Path.GetFileName(Directory.EnumerateFiles(Output, "Configurator.Orleans.*.nupkg").Single())["Configurator.Orleans.".Length..^".nupkg".Length];
        }

        public string Folder { get; }

        public string Output { get; }

        public string Commit { get; }

        public string Version { get; }

        /// <summary>Why the native linux-x64 tool was not packed here (another platform, no C toolchain); null when it was.</summary>
        public string? NativeSkipped { get; }

        public string Package(string id, string extension) => Path.Combine(Output, $"{id}.{Version}.{extension}");

        public void Dispose() => Directory.Delete(Folder, recursive: true);

        public static string GlobalPackages() =>
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder ? folder : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        public static (int ExitCode, string Output) Run(string command, string directory, params string[] arguments) => Run(command, directory, [], arguments);

        public static (int ExitCode, string Output) Run(string command, string directory, KeyValuePair<string, string>[] environment, params string[] arguments)
        {
            var start = new ProcessStartInfo(command)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{command} {string.Join(' ', arguments)} ran past 5 minutes");
            }

            process.WaitForExit();
            lock (output)
            {
                return (process.ExitCode, output.ToString());
            }

            void Append(string? line)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }

        private void Pack(string clone, string project, params string[] options) =>
            Check(Run("dotnet", clone, ["pack", project, "-c", "Release", "-o", Output, "--nologo", "-p:ContinuousIntegrationBuild=true", "--disable-build-servers", .. options]));

        private static string? NativeToolchain()
        {
            if (System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier != "linux-x64")
            {
                return $"The native tool is packed on linux-x64; this is {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}.";
            }

            var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            return path.Any(folder => File.Exists(Path.Combine(folder, "clang")) || File.Exists(Path.Combine(folder, "gcc")))
                ? null
                : "Packing the native tool links it with a C toolchain (clang or gcc), and there is none on the PATH; .ci/run installs gcc.";
        }

        private static string Check((int ExitCode, string Output) result) =>
            result.ExitCode == 0 ? result.Output : throw new InvalidOperationException(result.Output);
    }
}
