using Configurator.Internal;

namespace Configurator.Solving;

/// <summary>
/// The t-wise interactions of a compiled model. An element is one value of one parameter, as the
/// set of module values where it holds (a mask over the module's domain): an option of a
/// single-select module, "nothing" for an optional one, an option chosen or not chosen in a
/// multi-select module. An interaction is t elements of t different parameters, in increasing
/// element order. Validity comes from the engine's usable values: an element set is valid when
/// some configuration has all of it, so t = 2 costs one usable-values query per element and t = 3
/// one per valid pair. Per call.
/// </summary>
internal sealed class InteractionSpace
{
    /// <summary>Past this many candidate interactions (elements to the power t, over t!) the space is refused before any work.</summary>
    private const double CandidateLimit = 50_000_000;

    private readonly CompiledModel _model;
    private readonly List<(int Module, bool[] Mask, int Parameter)> _elements = [];

    /// <summary>Per parameter, its elements (exactly one holds in any configuration).</summary>
    private readonly List<List<int>> _parameters = [];

    /// <param name="model">The compiled model.</param>
    /// <param name="strength">t: 1, 2 or 3.</param>
    /// <param name="remedy">What the caller can do instead when the space is too large, for the refusal's message.</param>
    public InteractionSpace(CompiledModel model, int strength, string remedy)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(strength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(strength, 3);
        _model = model;
        Strength = strength;
        for (var m = 0; m < model.Domains.Length; m++)
        {
            var domain = model.Domains[m];
            var module = domain.Module;
            if (!module.IsMultiSelect)
            {
                var elements = new List<int>();
                for (var o = 0; o < module.Options.Count; o++)
                {
                    var option = o;
                    elements.Add(Add(m, v => domain.Contains(v, option)));
                }

                if (module.IsOptional)
                {
                    elements.Add(Add(m, v => domain.Values[v].IsEmpty));
                }

                _parameters.Add(elements);
                continue;
            }

            for (var o = 0; o < module.Options.Count; o++)
            {
                var option = o;
                _parameters.Add([Add(m, v => domain.Contains(v, option)), Add(m, v => !domain.Contains(v, option))]);
            }
        }

        if (Math.Pow(_elements.Count, strength) / (strength == 3 ? 6 : strength) > CandidateLimit)
        {
            throw new InvalidOperationException($"The model has {_elements.Count:N0} option choices, too many for {strength}-wise interactions (more than {CandidateLimit:N0} candidates); {remedy}.");
        }

        int Add(int module, Func<int, bool> holds)
        {
            var mask = new bool[model.Domains[module].ValueCount];
            for (var v = 0; v < mask.Length; v++)
            {
                mask[v] = holds(v);
            }

            _elements.Add((module, mask, _parameters.Count));
            return _elements.Count - 1;
        }
    }

    public int Strength { get; }

    /// <summary>Every interaction some valid configuration has.</summary>
    public List<int[]> ValidInteractions()
    {
        var valid = new List<int[]>();
        Extend([], new Restriction(_model.Domains.Length), valid);
        return valid;
    }

    private void Extend(int[] prefix, Restriction restriction, List<int[]> valid)
    {
        var usable = _model.UsableValues(restriction);
        var firstParameter = prefix.Length == 0 ? 0 : _elements[prefix[^1]].Parameter + 1;
        for (var e = 0; e < _elements.Count; e++)
        {
            var (module, mask, parameter) = _elements[e];
            if (parameter < firstParameter || !Intersects(mask, usable[module]))
            {
                continue;
            }

            Interruption.Poll();
            int[] interaction = [.. prefix, e];

            // Usable values speak of the modules a restriction leaves free; two choices on one
            // multi-select module (a and b both chosen) are checked together.
            if (prefix.Any(p => _elements[p].Module == module))
            {
                var both = restriction.Copy();
                both.Restrict(module, mask);
                if (!_model.Exists(both))
                {
                    continue;
                }
            }

            if (interaction.Length == Strength)
            {
                valid.Add(interaction);
                if (valid.Count > CompiledModel.MaxInteractions)
                {
                    throw new InvalidOperationException($"The model has more than {CompiledModel.MaxInteractions:N0} valid {Strength}-wise interactions; use a lower strength or uniform samples.");
                }
            }
            else
            {
                var narrower = restriction.Copy();
                narrower.Restrict(module, mask);
                Extend(interaction, narrower, valid);
            }
        }
    }

    /// <summary>
    /// How many of the interaction's elements a satisfiable restriction leaves open: -1 when some
    /// element no longer holds in any of its configurations (the interaction cannot fit), else the
    /// number that do not hold in all of them. A module's values there are its usable values
    /// (<paramref name="usable"/>, which ignore its own restriction) that the restriction allows. At
    /// most one open element means the interaction fits without asking the engine: the others
    /// hold in every configuration, and some configuration has the open one.
    /// </summary>
    public int Open(int[] interaction, bool[][] usable, Restriction restriction)
    {
        var open = 0;
        foreach (var e in interaction)
        {
            var (module, mask, _) = _elements[e];
            var (some, all) = (false, true);
            for (var v = 0; v < mask.Length; v++)
            {
                if (usable[module][v] && restriction.Allows(module, v))
                {
                    some |= mask[v];
                    all &= mask[v];
                }
            }

            if (!some)
            {
                return -1;
            }

            open += all ? 0 : 1;
        }

        return open;
    }

    /// <summary>An element's module and the module values where it holds.</summary>
    public (int Module, bool[] Mask) Element(int element) => (_elements[element].Module, _elements[element].Mask);

    public void Restrict(Restriction restriction, int[] interaction)
    {
        foreach (var e in interaction)
        {
            restriction.Restrict(_elements[e].Module, _elements[e].Mask);
        }
    }

    /// <summary>Whether a complete assignment of module values has the interaction.</summary>
    public bool Holds(int[] interaction, int[] values)
    {
        foreach (var e in interaction)
        {
            if (!_elements[e].Mask[values[_elements[e].Module]])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every interaction a complete assignment has (one element per parameter, t at a time); none when a module's value is unknown.</summary>
    public IEnumerable<int[]> Contained(int[] values)
    {
        if (values.Any(v => v < 0))
        {
            yield break;
        }

        var held = _parameters.Select(elements => elements.First(e => _elements[e].Mask[values[_elements[e].Module]])).ToArray();
        foreach (var combination in Combinations.Of(held.Length, Strength))
        {
            yield return [.. combination.Select(p => held[p])];
        }
    }

    /// <summary>A number equal for equal interactions (element indices are below 2^21).</summary>
    public static long Key(int[] interaction)
    {
        var key = 0L;
        foreach (var e in interaction)
        {
            key = (key << 21) | (uint)(e + 1);
        }

        return key;
    }

    private static bool Intersects(bool[] mask, bool[] usable)
    {
        for (var v = 0; v < mask.Length; v++)
        {
            if (mask[v] && usable[v])
            {
                return true;
            }
        }

        return false;
    }
}
