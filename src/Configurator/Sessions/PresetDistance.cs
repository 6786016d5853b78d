using System.Text.Json.Serialization;
using Configurator.Internal.Json;
using Configurator.Modeling;

namespace Configurator.Sessions;

/// <summary>How far the current configuration is from a preset. Immutable.</summary>
/// <param name="PresetId">The nearest preset.</param>
/// <param name="Distance">How many modules differ from it (an undecided module counts as differing).</param>
/// <param name="DifferingModules">Those modules.</param>
public sealed record PresetDistance(string PresetId, int Distance, [property: JsonConverter(typeof(EquatableArrayJsonConverter<string>))] EquatableArray<string> DifferingModules);
