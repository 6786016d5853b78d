using System.Collections.Immutable;
using System.Numerics;
using System.Reflection;
using Configurator.Sessions;
using Configurator.Solving;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Configurator.Orleans.Tests;

/// <summary>
/// The results a session grain passes without copying must be immutable all the way down, or a
/// caller in the same silo could change what the grain holds; everything else is still copied.
/// </summary>
public sealed class ImmutableResultCopierTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly Type[] Passed = [.. ResultTypes.Types, typeof(SessionDocument)];

    [Fact]
    public void PassedTypes_AreImmutableAllTheWayDown()
    {
        var problems = new List<string>();
        var seen = new HashSet<Type>();
        foreach (var type in Passed)
        {
            Assert.True(ImmutableResultCopier.IsImmutable(type), $"{type.Name} is not passed as it is.");
            Check(type, type.Name, seen, problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Copier_PassesResultsAsTheyAre_AndCopiesOtherLibraryTypes()
    {
        var copier = fixture.Client.ServiceProvider.GetRequiredService<DeepCopier>();
        var session = ConfigurationSession.Start(fixture.Catalog.Get("window-rules"));
        var state = session.View();
        Assert.Same(state, copier.Copy(state));
        var document = session.ToDocument();
        Assert.Same(document, copier.Copy(document));

        Assert.Same(state.Modules[0], copier.Copy(state.Modules[0]));

        // Other library types still travel as a copy (the JSON codec's), equal to the original.
        var distance = new PresetDistance("standard", 1, ImmutableArray.Create("frame"));
        var copy = copier.Copy(distance);
        Assert.NotSame(distance, copy);
        Assert.Equal(ConfiguratorJson.Serialize(distance), ConfiguratorJson.Serialize(copy));
    }

    /// <summary>Every instance field of a library type is read-only and of an immutable type.</summary>
    private static void Check(Type type, string path, HashSet<Type> seen, List<string> problems)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            Check(underlying, path, seen, problems);
            return;
        }

        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(BigInteger) || !seen.Add(type))
        {
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition &&
            (definition == typeof(ImmutableArray<>) || definition == typeof(ImmutableDictionary<,>) || definition == typeof(ImmutableSortedDictionary<,>) || definition == typeof(KeyValuePair<,>)))
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Check(argument, $"{path}<{argument.Name}>", seen, problems);
            }

            return;
        }

        // The personalization of a document: a read-only view of strings, built for the document alone and never kept by the session.
        if (type == typeof(IReadOnlyDictionary<string, string>))
        {
            return;
        }

        // A large EquatableDictionary's key positions: built in its constructor, private, read-only and never changed after.
        if (type == typeof(Dictionary<string, int>) && path.EndsWith("._positions", StringComparison.Ordinal))
        {
            return;
        }

        if (type.Assembly != typeof(SessionState).Assembly)
        {
            problems.Add($"{path}: {type} is not known to be immutable.");
            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (!field.IsInitOnly)
            {
                problems.Add($"{path}.{field.Name} can be changed after construction.");
            }

            Check(field.FieldType, $"{path}.{field.Name}", seen, problems);
        }
    }
}
