using System.Reflection;
using System.Runtime.CompilerServices;
using Configurator.Modeling;

namespace Configurator.Tests.Architecture;

/// <summary>
/// Public types are immutable unless they are declared mutable here (builders, validators) or are
/// options classes (mutable by convention, snapshotted when used): the Noda Time MutabilityTest idea.
/// </summary>
public class ImmutabilityTests
{
    private static readonly HashSet<string> DeclaredMutable =
    [
        nameof(ProductModelBuilder), nameof(ModuleBuilder), nameof(PresetBuilder),
        "ProductModelValidator", "ModelValidationException",
    ];

    [Fact]
    public void PublicTypes_HaveNoPublicSettersOrFields()
    {
        var offenders = typeof(ProductModel).Assembly.GetExportedTypes()
            .Where(t => !t.IsEnum && !DeclaredMutable.Contains(t.Name) && !t.Name.EndsWith("Options", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                    .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
                    .Select(p => $"{t.Name}.{p.Name} has a public setter")
                .Concat(t.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.IsInitOnly).Select(f => $"{t.Name}.{f.Name} is a writable field")))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void ModelRecords_AreSealed()
    {
        var records = typeof(ProductModel).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(ProductModel).Namespace && t.IsClass && t.GetMethod("<Clone>$") is not null);
        Assert.All(records, t => Assert.True(t.IsSealed, $"{t.Name} is not sealed"));
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
}
