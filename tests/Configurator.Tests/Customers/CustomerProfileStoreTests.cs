using Configurator.Customers;
using Configurator.Serialization;
using Configurator.Solving;
using Configurator.Strategies.Transparent;

namespace Configurator.Tests.Customers;

/// <summary>Profile stores (memory and a JSON file) and the transparent strategy serving a returning customer from them.</summary>
public sealed class CustomerProfileStoreTests : IDisposable
{
    private static readonly CompiledModel Shirts =
        ModelCompiler.Compile(ProductModelJson.LoadFile(RepositoryPaths.SampleModel("shirt.json")).GetModelOrThrow()).GetModelOrThrow();

    private static readonly CustomerProfile Measured = new()
    {
        Measurements = [new("neckCm", 41, 10)],
        Preferences = [new("collar", "button-down", 5), new("fit", "slim", 2)],
        PastConfigurations = [Selection.Parse("fabric=oxford"), Selection.Parse("fabric=oxford", "cuff=barrel")],
        PastPurchaseWeight = 2,
    };

    private readonly string _directory = Directory.CreateTempSubdirectory("configurator-profiles-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string> Stores => ["memory", "file"];

    private ICustomerProfileStore Store(string kind) =>
        kind == "memory" ? new InMemoryCustomerProfileStore() : new JsonFileCustomerProfileStore(Path.Combine(_directory, "profiles.json"));

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ReturningCustomer_IsServedFromTheStoredProfileWithoutNewMeasurements(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var firstVisit = new TransparentStrategy().Infer(Shirts, Measured)!;
        var first = Store(kind);
        await first.SaveAsync("ada", Measured, ct);

        // The second visit gives only the customer's id; the file store is opened anew, as another process would.
        var store = kind == "memory" ? first : Store(kind);
        var returning = await new TransparentStrategy().InferAsync(Shirts, "ada", store, cancellationToken: ct);

        Assert.NotNull(returning);
        Assert.Equal(firstVisit.Configuration, returning.Configuration);
        Assert.Equal(["41"], returning.Configuration.Choices["size"]);
        Assert.Contains(returning.Notes, n => n.ModuleId == "size" && n.Reason.Contains("neckCm 41 for the measured 41", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task UnknownCustomer_IsASpecificErrorAndDeleteForgets(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var store = Store(kind);
        var unknown = await Assert.ThrowsAsync<ConfiguratorException>(() => new TransparentStrategy().InferAsync(Shirts, "nobody", store, cancellationToken: ct));
        Assert.Equal(ConfiguratorErrorCodes.UnknownCustomer, unknown.Code);
        Assert.Contains("'nobody'", unknown.Message, StringComparison.Ordinal);

        await store.SaveAsync("ada", Measured, ct);
        Assert.True(await store.DeleteAsync("ada", ct));
        Assert.False(await store.DeleteAsync("ada", ct));
        Assert.Null(await store.LoadAsync("ada", ct));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task RememberOrders_AddsEachOrderOnceToItsCustomersPastConfigurations(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var store = Store(kind);
        await store.SaveAsync("ada", Measured, ct);
        var day = new DateOnly(2026, 5, 1);
        Order[] orders =
        [
            new("ada", day, Selection.Parse("fabric=poplin"), 3, 150m),
            new("bo", day, Selection.Parse("fabric=twill"), 1, 50m),
            new("bo", day.AddDays(9), Selection.Parse("fabric=twill"), 1, 50m),
        ];

        Assert.Equal(2, await store.RememberAsync(orders, ct));

        var ada = (await store.LoadAsync("ada", ct))!;
        Assert.Equal([.. Measured.PastConfigurations, Selection.Parse("fabric=poplin")], ada.PastConfigurations);
        Assert.Equal(Measured.Measurements, ada.Measurements);
        var bo = (await store.LoadAsync("bo", ct))!;
        Assert.Equal([Selection.Parse("fabric=twill"), Selection.Parse("fabric=twill")], bo.PastConfigurations);
        Assert.Empty(bo.Measurements);
    }

    [Fact]
    public async Task ConcurrentUpdatesOfTheFileStore_LoseNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(_directory, "profiles.json");
        using (var store = new JsonFileCustomerProfileStore(path))
        {
            await Task.WhenAll(Enumerable.Range(0, 40).Select(i => store.UpdateAsync($"c{i % 4}", old => (old ?? new CustomerProfile()) with
            {
                PastConfigurations = [.. old?.PastConfigurations ?? default, Selection.Parse($"fabric=f{i}")],
            }, ct)));
        }

        using var reread = new JsonFileCustomerProfileStore(path);
        for (var c = 0; c < 4; c++)
        {
            Assert.Equal(10, (await reread.LoadAsync($"c{c}", ct))!.PastConfigurations.Count);
        }
    }

    [Fact]
    public void Profile_RoundTripsThroughJsonAndBadProfilesNameThePlace()
    {
        Assert.Equal(Measured, CustomerProfile.Parse(Measured.ToJson()));

        var syntax = Assert.Throws<ConfiguratorException>(() => CustomerProfile.Parse("{\n  \"measurements\": [ {\"property\": \"neckCm\", \"value\": }\n]}"));
        Assert.Equal(ConfiguratorErrorCodes.InvalidProfile, syntax.Code);
        Assert.Contains("line 2", syntax.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<ConfiguratorException>(() => CustomerProfile.Parse("""{"measurements": [{"property": "neckCm", "value": 41}, {"property": "chestCm"}]}"""));
        Assert.Contains("$.measurements[1].value", missing.Message, StringComparison.Ordinal);

        var configuration = Assert.Throws<ConfiguratorException>(() => CustomerProfile.Parse("""{"pastConfigurations": [{"fabric": 3}]}"""));
        Assert.Contains("$.pastConfigurations[0].fabric", configuration.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedFile_IsReportedWithItsPlaceNeverOverwrittenAndTheStoreWorksOnceFixed()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(_directory, "profiles.json");
        const string Broken = """{"formatVersion": 1, "profiles": {"ada": {"preferences": [{"module": "collar"}]}}}""";
        await File.WriteAllTextAsync(path, Broken, ct);
        using var store = new JsonFileCustomerProfileStore(path);

        var load = await Assert.ThrowsAsync<ConfiguratorException>(() => store.LoadAsync("ada", ct));
        Assert.Equal(ConfiguratorErrorCodes.InvalidProfile, load.Code);
        Assert.Contains("$.profiles['ada'].preferences[0].option", load.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ConfiguratorException>(() => store.SaveAsync("bo", Measured, ct));
        Assert.Equal(Broken, await File.ReadAllTextAsync(path, ct));

        await File.WriteAllTextAsync(path, $"{{\"formatVersion\": 1, \"profiles\": {{\"ada\": {Measured.ToJson()}}}}}", ct);
        Assert.Equal(Measured, await store.LoadAsync("ada", ct));

        await File.WriteAllTextAsync(path, """{"formatVersion": 2, "profiles": {}}""", ct);
        var version = await Assert.ThrowsAsync<ConfiguratorException>(() => new JsonFileCustomerProfileStore(path).LoadAsync("ada", ct));
        Assert.Contains("$.formatVersion must be 1", version.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_directory, "*.tmp"));
    }
}
