using System.Text.Json;
using System.Text.Json.Serialization;

namespace Configurator.Sessions;

/// <summary>
/// The library's source-generated JSON context for every result a shop sends: session states,
/// choice results with diagnoses, explanations, price breakdowns and ranges, saved documents,
/// dropped choices. It writes plain JSON: camelCase names, enums as camelCase strings, counts as
/// decimal strings (<c>"3362"</c>), money as decimal strings with exactly the currency's minor-unit
/// digits (<c>{"amount":"474.00","currency":"EUR"}</c>, breakdown lines too), configurations as
/// objects from module id to option ids; and it reads the same back.
/// </summary>
/// <example>
/// <code>
/// builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ConfiguratorJson.Context));
/// </code>
/// </example>
public static class ConfiguratorJson
{
    /// <summary>
    /// The context, to add to a <see cref="JsonSerializerOptions.TypeInfoResolverChain"/>. Names
    /// follow those options' naming policy, so give it camelCase options (ASP.NET Core's defaults,
    /// <see cref="JsonSerializerDefaults.Web"/>); converters and explicit names come with the types.
    /// </summary>
    public static JsonSerializerContext Context => ConfiguratorJsonContext.Default;

    /// <summary>Options that use only the context (what <see cref="Serialize{T}"/> and <see cref="Deserialize{T}"/> use).</summary>
    public static JsonSerializerOptions Options => ConfiguratorJsonContext.Default.Options;

    /// <summary>Writes one of the library's result types as JSON.</summary>
    /// <typeparam name="T">A type the context knows (for example <see cref="SessionState"/> or <see cref="ChoiceResult"/>).</typeparam>
    /// <param name="value">The value.</param>
    /// <exception cref="NotSupportedException">The context does not know <typeparamref name="T"/>.</exception>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <summary>Reads one of the library's result types from JSON.</summary>
    /// <typeparam name="T">A type the context knows.</typeparam>
    /// <param name="json">The JSON.</param>
    /// <exception cref="JsonException">The JSON does not have the type's shape.</exception>
    /// <exception cref="NotSupportedException">The context does not know <typeparamref name="T"/>.</exception>
    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize(json, TypeInfo<T>());

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> TypeInfo<T>() =>
        ConfiguratorJsonContext.Default.GetTypeInfo(typeof(T)) as System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>
            ?? throw new NotSupportedException($"The configurator's JSON context does not write {typeof(T).Name}.");
}
