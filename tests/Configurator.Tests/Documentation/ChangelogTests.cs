namespace Configurator.Tests.Documentation;

/// <summary>The changelog keeps up with the tracked public API.</summary>
public class ChangelogTests
{
    [Theory]
    [InlineData("src/Configurator")]
    [InlineData("src/Configurator.Orleans")]
    public void UnshippedPublicApi_HasAnEntryUnderUnreleased(string project)
    {
        var unshipped = File.ReadLines(Path.Combine(RepositoryPaths.Root, project, "PublicAPI.Unshipped.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
        var changelog = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "CHANGELOG.md"));
        var start = changelog.IndexOf("## [Unreleased]", StringComparison.Ordinal);
        Assert.True(start >= 0, "CHANGELOG.md has no Unreleased section");
        var end = changelog.IndexOf("\n## [", start + 1, StringComparison.Ordinal);
        var unreleased = changelog[(start + "## [Unreleased]".Length)..(end < 0 ? changelog.Length : end)];

        // Every API added since the release needs a line that says so.
        Assert.True(unshipped.Count == 0 || unreleased.Contains("\n- ", StringComparison.Ordinal),
            $"{project}/PublicAPI.Unshipped.txt lists {unshipped.Count} new public members but CHANGELOG.md says nothing under Unreleased");
    }

    [Fact]
    public void ShippedPublicApi_IsTheFirstReleasesInTheChangelog()
    {
        var changelog = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "CHANGELOG.md"));
        var version = typeof(Configurator.Modeling.ProductModel).Assembly.GetName().Version!;
        Assert.Contains($"## [{version.Major}.{version.Minor}.{version.Build}]", changelog, StringComparison.Ordinal);
    }
}
