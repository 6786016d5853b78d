using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Configurator.WebShop.Tests.Api;

/// <summary>Small helpers over HttpClient: JSON in, JSON out, the problem details checked where asked.</summary>
internal static class ApiClient
{
    public static async Task<(HttpResponseMessage Response, JsonNode Body)> PostJson(this HttpClient client, string url, object? body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        return (response, await BodyOf(response));
    }

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> PostRaw(this HttpClient client, string url, string body)
    {
        var response = await client.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        return (response, await BodyOf(response));
    }

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> GetJson(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response, await BodyOf(response));
    }

    public static async Task<JsonNode> StartSession(this HttpClient client, string model, string? preset = null)
    {
        var (response, body) = await client.PostJson("/api/sessions", new { model, preset });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return body;
    }

    /// <summary>Asserts a problem-details response with this status and error code, and no stack trace.</summary>
    public static void AssertProblem(HttpResponseMessage response, JsonNode body, int status, string code)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(status, (int)body["status"]!);
        Assert.Equal(code, (string?)body["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["detail"]));
        Assert.DoesNotContain("   at ", body.ToJsonString(), StringComparison.Ordinal);
    }

    public static JsonNode Option(JsonNode view, string module, string option) =>
        view["modules"]!.AsArray().Single(m => (string?)m!["id"] == module)!["options"]!.AsArray().Single(o => (string?)o!["id"] == option)!;

    public static IEnumerable<(string Module, string Option, JsonNode Node)> Options(JsonNode view) =>
        view["modules"]!.AsArray().SelectMany(m => m!["options"]!.AsArray().Select(o => ((string)m["id"]!, (string)o!["id"]!, o)));

    private static async Task<JsonNode> BodyOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonNode.Parse(text) ?? new JsonObject();
        }
        catch (JsonException)
        {
            return new JsonObject { ["text"] = text };
        }
    }
}
