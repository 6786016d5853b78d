using System.Text.Json.Serialization;

namespace Configurator.Console;

/// <summary>Source-generated JSON for the console's simple outputs.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class ConsoleJsonContext : JsonSerializerContext;
