using Configurator.Modeling;

namespace Configurator.Solving;

public sealed partial class CompiledModel
{
    /// <summary>
    /// Splits the configurations into disjoint parts for work spread over threads or machines:
    /// partial selections (cubes) that fix the modules the engine decides first, one value each,
    /// until there are at least <paramref name="parts"/> of them or every module is fixed. Each
    /// valid configuration that extends <paramref name="within"/> extends exactly one cube, and each
    /// cube has at least one, so counts over the cubes add up to <see cref="Count"/> and
    /// enumerations over them are disjoint and complete. Deterministic: the same call gives the
    /// same cubes in the same order.
    /// </summary>
    /// <param name="parts">How many cubes are wanted at least (fewer only when there are fewer configurations).</param>
    /// <param name="within">A partial selection every cube extends; null for all.</param>
    /// <returns>The cubes, each extending <paramref name="within"/>; empty when no configuration is valid.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parts"/> is below 1.</exception>
    /// <exception cref="InvalidSelectionException">The selection names an unknown module or option, or a selection a module does not permit.</exception>
    public IReadOnlyList<Selection> Split(int parts, Selection? within = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        var root = ToRestriction(within);
        if (!_engine.Exists(root))
        {
            return [];
        }

        // Each cube is a restriction; the modules it fixes beyond the selection are read back from it at the end.
        var cubes = new List<Restriction> { root };
        var split = new List<int>();
        foreach (var module in Plan.Order)
        {
            if (cubes.Count >= parts)
            {
                break;
            }

            if (root.AllowedValues(module) is not null)
            {
                continue;
            }

            var valueCount = Domains[module].ValueCount;
            var next = new List<Restriction>(cubes.Count * valueCount);
            foreach (var restriction in cubes)
            {
                for (var value = 0; value < valueCount; value++)
                {
                    var cube = restriction.Copy();
                    cube.Fix(module, value, valueCount);
                    if (_engine.Exists(cube))
                    {
                        next.Add(cube);
                    }
                }
            }

            cubes = next;
            split.Add(module);
        }

        var selection = within ?? Selection.Empty;
        return [.. cubes.Select(cube => selection with
        {
            Choices = selection.Choices.Entries
                .Concat(split.Select(m => new KeyValuePair<string, EquatableArray<string>>(Model.Modules[m].Id, [.. _optionIds[m][Array.IndexOf(cube.AllowedValues(m)!, true)]])))
                .ToEquatableDictionary(),
        })];
    }
}
