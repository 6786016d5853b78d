using System.Text.Json;
using System.Text.Json.Serialization;

namespace Configurator.WebShop.Api;

/// <summary>
/// The API's bodies as compile-time JSON metadata (camelCase, as ASP.NET Core's web defaults): a
/// step's view is written by generated code rather than through reflection-built metadata, which
/// was a sixth of the shop's CPU under load. Types not listed here (problem details, OpenAPI)
/// fall through to the default resolver.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SessionView))]
[JsonSerializable(typeof(ConflictView))]
[JsonSerializable(typeof(IReadOnlyList<ModelSummary>))]
[JsonSerializable(typeof(CreateSessionRequest))]
[JsonSerializable(typeof(ChoiceRequest))]
[JsonSerializable(typeof(ResolveRequest))]
[JsonSerializable(typeof(PersonalizationRequest))]
internal sealed partial class ShopJsonContext : JsonSerializerContext;
