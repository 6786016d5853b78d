using System.Text.Json.Serialization;
using System.Text;
using Configurator.Internal;
using Configurator.Modeling;

namespace Configurator.Solving;

/// <summary>
/// A choice of options per module: the options each named module selects, exactly. It is complete
/// when it names every module (a configuration) and partial otherwise; an empty list selects
/// nothing in an optional module. A partial selection may also require single options of a
/// module (<see cref="Included"/>, <c>extras+=handle</c>) or rule them out (<see cref="Excluded"/>,
/// <c>extras-=lock</c>) and leave the module's other options free, as a session's
/// <c>Select</c> and <c>Deselect</c> do on a multi-select module. Immutable; compares by value.
/// </summary>
/// <param name="Choices">Per module id, the option ids selected there.</param>
[JsonConverter(typeof(SelectionJsonConverter))]
public sealed record Selection(EquatableDictionary<EquatableArray<string>> Choices)
{
    /// <summary>A selection that names no module.</summary>
    public static Selection Empty { get; } = new(default(EquatableDictionary<EquatableArray<string>>));

    /// <summary>Per module id, options every configuration must select there, whatever else it selects (<c>module+=option</c>).</summary>
    public EquatableDictionary<EquatableArray<string>> Included { get; init; }

    /// <summary>Per module id, options no configuration may select there (<c>module-=option</c>).</summary>
    public EquatableDictionary<EquatableArray<string>> Excluded { get; init; }

    /// <summary>Whether the selection only fixes whole modules (no <see cref="Included"/> or <see cref="Excluded"/> options).</summary>
    [JsonIgnore]
    public bool IsExact => Included.IsEmpty && Excluded.IsEmpty;

    /// <summary>Returns a selection that also selects <paramref name="optionIds"/> in <paramref name="moduleId"/> (replacing what it selected there).</summary>
    /// <param name="moduleId">The module id.</param>
    /// <param name="optionIds">The option ids; none for an optional module left empty.</param>
    public Selection With(string moduleId, params string[] optionIds) =>
        this with { Choices = Choices.SetItem(Guard.NotNullOrEmpty(moduleId), [.. Guard.NotNull(optionIds)]) };

    /// <summary>Returns a selection that also requires <paramref name="optionIds"/> in <paramref name="moduleId"/>, leaving its other options free (<c>module+=option</c>).</summary>
    /// <param name="moduleId">The module id.</param>
    /// <param name="optionIds">The options every configuration must select there.</param>
    public Selection Including(string moduleId, params string[] optionIds) =>
        this with { Included = Add(Included, Guard.NotNullOrEmpty(moduleId), Guard.NotNull(optionIds)) };

    /// <summary>Returns a selection that also rules out <paramref name="optionIds"/> in <paramref name="moduleId"/>, leaving its other options free (<c>module-=option</c>).</summary>
    /// <param name="moduleId">The module id.</param>
    /// <param name="optionIds">The options no configuration may select there.</param>
    public Selection Excluding(string moduleId, params string[] optionIds) =>
        this with { Excluded = Add(Excluded, Guard.NotNullOrEmpty(moduleId), Guard.NotNull(optionIds)) };

    /// <summary>
    /// Parses selections written as on the command line: <c>frame=arched</c>, a multi-select module
    /// <c>extras=handle+lock</c>, an optional module left empty <c>extras=</c>, one option required
    /// with the others free <c>extras+=handle</c>, one ruled out <c>extras-=lock</c>.
    /// </summary>
    /// <param name="items">One <c>module=options</c>, <c>module+=options</c> or <c>module-=options</c> item each.</param>
    /// <exception cref="FormatException">An item has no <c>=</c> or no module id, or <c>+=</c>/<c>-=</c> names no option.</exception>
    public static Selection Parse(params IEnumerable<string> items)
    {
        Guard.NotNull(items);
        var selection = Empty;
        foreach (var item in items)
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"'{item}' is not a selection; write module=option, module=a+b for several options, or module= for none.");
            }

            var options = item[(equals + 1)..].Trim();
            var module = item[..equals].Trim();
            var change = module[^1];
            if (change is '+' or '-')
            {
                module = module[..^1].TrimEnd();
                if (module.Length == 0 || options.Length == 0)
                {
                    throw new FormatException($"'{item}' is not a selection; write module{change}=option to {(change == '+' ? "require" : "rule out")} one option and leave the others free.");
                }

                selection = change == '+' ? selection.Including(module, options.Split('+')) : selection.Excluding(module, options.Split('+'));
                continue;
            }

            selection = selection.With(module, options.Length == 0 ? [] : options.Split('+'));
        }

        return selection;
    }

    /// <summary>Formats as <c>module=a+b</c> items separated by spaces, in the order the modules were named, then <c>module+=a</c> and <c>module-=b</c> items.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Append(text, Choices, "=");
        Append(text, Included, "+=");
        Append(text, Excluded, "-=");
        return text.ToString();
    }

    private static void Append(StringBuilder text, EquatableDictionary<EquatableArray<string>> items, string separator)
    {
        foreach (var (module, options) in items)
        {
            text.Append(text.Length == 0 ? "" : " ").Append(module).Append(separator).AppendJoin('+', options);
        }
    }

    private static EquatableDictionary<EquatableArray<string>> Add(EquatableDictionary<EquatableArray<string>> items, string moduleId, string[] optionIds) =>
        items.SetItem(moduleId, [.. (items.TryGetValue(moduleId, out var earlier) ? earlier.AsImmutableArray() : []).Union(optionIds, StringComparer.Ordinal)]);
}
