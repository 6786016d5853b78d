using System.Text.Json.Serialization;
using System.Text;
using Configurator.Internal;
using Configurator.Modeling;

namespace Configurator.Solving;

/// <summary>
/// A choice of options per module: the options each named module selects, exactly. It is complete
/// when it names every module (a configuration) and partial otherwise; an empty list selects
/// nothing in an optional module. Immutable; compares by value.
/// </summary>
/// <param name="Choices">Per module id, the option ids selected there.</param>
[JsonConverter(typeof(SelectionJsonConverter))]
public sealed record Selection(EquatableDictionary<EquatableArray<string>> Choices)
{
    /// <summary>A selection that names no module.</summary>
    public static Selection Empty { get; } = new(default(EquatableDictionary<EquatableArray<string>>));

    /// <summary>Returns a selection that also selects <paramref name="optionIds"/> in <paramref name="moduleId"/> (replacing what it selected there).</summary>
    /// <param name="moduleId">The module id.</param>
    /// <param name="optionIds">The option ids; none for an optional module left empty.</param>
    public Selection With(string moduleId, params string[] optionIds) =>
        new(Choices.SetItem(Guard.NotNullOrEmpty(moduleId), [.. Guard.NotNull(optionIds)]));

    /// <summary>
    /// Parses selections written as on the command line: <c>frame=arched</c>, a multi-select module
    /// <c>extras=handle+lock</c>, an optional module left empty <c>extras=</c>.
    /// </summary>
    /// <param name="items">One <c>module=options</c> item each.</param>
    /// <exception cref="FormatException">An item has no <c>=</c> or no module id.</exception>
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

            var options = item[(equals + 1)..];
            selection = selection.With(item[..equals].Trim(), options.Length == 0 ? [] : options.Split('+'));
        }

        return selection;
    }

    /// <summary>Formats as <c>module=a+b</c> items separated by spaces, in the order the modules were named.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (module, options) in Choices)
        {
            text.Append(text.Length == 0 ? "" : " ").Append(module).Append('=').AppendJoin('+', options);
        }

        return text.ToString();
    }
}
