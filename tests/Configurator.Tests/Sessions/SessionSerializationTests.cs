using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Serialization;
using Configurator.Sessions;
using Configurator.Solving;

namespace Configurator.Tests.Sessions;

/// <summary>Every result a shop sends, through the library's own JSON context: plain JSON, and back.</summary>
public partial class SessionSerializationTests
{
    private static readonly CompiledModel Windows =
        ModelCompiler.Compile(ProductModelJson.LoadFile(RepositoryPaths.SampleModel("window-rules.json")).GetModelOrThrow()).GetModelOrThrow();

    [GeneratedRegex(@"^-?\d+\.\d{2}$")]
    private static partial Regex Cents();

    private static T RoundTrip<T>(T value, out JsonNode json)
    {
        var text = ConfiguratorJson.Serialize(value);
        json = JsonNode.Parse(text)!;
        var back = ConfiguratorJson.Deserialize<T>(text);
        Assert.Equal(value, back);
        return back!;
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Descendants(p.Value).Prepend(p.Value!)).Where(n => n is not null),
        JsonArray a => a.SelectMany(n => Descendants(n).Prepend(n!)).Where(n => n is not null),
        _ => [],
    };

    [Fact]
    public void View_WritesPlainJsonAndReadsBack()
    {
        var session = ConfigurationSession.Start(Windows, new SessionOptions { Pricing = PricingPipeline.Default });
        session.Select("frame", "arched");
        session.Select("glass", "triple");
        session.Deselect("extras", "screen");
        var view = RoundTrip(session.View(), out var json);

        Assert.Equal(session.State.Completions!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), json["completions"]!.GetValue<string>());
        Assert.True(session.State.Completions > 1);
        Assert.Equal((session.Id, "window-rules", true, true), (json["id"]!.GetValue<string>(), json["model"]!.GetValue<string>(), json["complete"]!.GetValue<bool>(), json["valid"]!.GetValue<bool>()));
        var frame = json["modules"]!.AsArray()[0]!;
        Assert.Equal(("frame", "Frame", 1, 1), (frame["id"]!.GetValue<string>(), frame["name"]!.GetValue<string>(), frame["min"]!.GetValue<int>(), frame["max"]!.GetValue<int>()));
        var arched = frame["options"]!.AsArray().Single(o => o!["id"]!.GetValue<string>() == "arched")!;
        Assert.Equal(("Arched", true, true, "customer"), (arched["name"]!.GetValue<string>(), arched["available"]!.GetValue<bool>(), arched["selected"]!.GetValue<bool>(), arched["source"]!.GetValue<string>()));
        Assert.Equal("forced", json["modules"]!.AsArray()[2]!["options"]![2]!["source"]!.GetValue<string>());

        // Every source and kind is a camelCase string; every amount has exactly the euro's two digits.
        var strings = Descendants(json).OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).ToHashSet();
        Assert.Contains("default", strings);
        Assert.DoesNotContain(Descendants(json).OfType<JsonObject>(), o => o["source"] is JsonValue v && v.GetValueKind() != JsonValueKind.String);
        var amounts = Descendants(json).OfType<JsonObject>()
            .SelectMany(o => (o.ContainsKey("currency") ? new[] { "amount", "min", "max", "total" } : ["amount"]).Select(k => o[k]).OfType<JsonValue>())
            .Select(v => v.GetValue<string>()).ToList();
        Assert.True(amounts.Count > 10, $"only {amounts.Count} amounts");
        Assert.All(amounts, a => Assert.Matches(Cents(), a));
        Assert.Equal(view.Breakdown!.Total, PricingPipeline.Default.Price(Windows, view.Configuration!).Total);

        // The screen the customer ruled out is theirs and one click away; clear glass carries its reason in ids and in words.
        var screen = json["modules"]!.AsArray()[5]!["options"]!.AsArray().Single(o => o!["id"]!.GetValue<string>() == "screen")!;
        Assert.Equal((true, false, "customer"), (screen["available"]!.GetValue<bool>(), screen["selected"]!.GetValue<bool>(), screen["source"]!.GetValue<string>()));
        var clear = json["modules"]!.AsArray()[1]!["options"]!.AsArray().Single(o => o!["id"]!.GetValue<string>() == "clear")!;
        Assert.False(clear["available"]!.GetValue<bool>());
        Assert.Equal(["frame=arched"], clear["reason"]!["selections"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("Clear (Glass) is not available with Frame: Arched. Shaped frames take only laminated or triple glazing.", clear["reason"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public void View_BeyondTheCountBudget_SaysNullAndOtherwiseMatchesTheCountedView()
    {
        // Twenty independent pairs and one link: twenty decisions to count, so a budget of five
        // leaves the model without a circuit and the view without a count, but with every
        // availability the counted model shows and a valid state.
        var text = "p cnf 40 21\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"{(2 * i) + 1} {(2 * i) + 2} 0\n")) + "-1 -3 0\n";
        var model = Configurator.Importers.ModelImporter.Import(text, "pairs.dimacs").GetModelOrThrow();
        var counted = ModelCompiler.Compile(model, new CompilerOptions { ForceBooleanEngine = true }).GetModelOrThrow();
        var uncounted = ModelCompiler.Compile(model, new CompilerOptions { ForceBooleanEngine = true, CircuitDecisionBudget = 5 }).GetModelOrThrow();
        var sessions = new[] { ConfigurationSession.Start(counted), ConfigurationSession.Start(uncounted) };
        foreach (var session in sessions)
        {
            session.Select("x1", "yes");
            session.Deselect("x6", "yes");
        }

        var (known, unknown) = (sessions[0].View(), RoundTrip(sessions[1].View(), out var json));
        Assert.Equal(System.Numerics.BigInteger.Pow(3, 17) * 2, known.Completions);
        Assert.Null(unknown.Completions);
        Assert.True(json.AsObject().TryGetPropertyValue("completions", out var completions) && completions is null);
        Assert.True(unknown.IsValid && json["valid"]!.GetValue<bool>());
        Assert.False(unknown["x3"]["yes"].IsAvailable);
        Assert.Equal(known.Modules, unknown.Modules);
    }

    [Fact]
    public void ConflictExplanationDocumentAndDropped_RoundTrip()
    {
        var session = ConfigurationSession.Start(Windows, new SessionOptions { Pricing = PricingPipeline.Default });
        session.Select("frame", "arched");
        var conflict = RoundTrip(session.Select("colour", "natural"), out var json);
        Assert.False(json["applied"]!.GetValue<bool>());
        Assert.Equal(["frame=arched"], json["diagnoses"]![0]!["selections"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("select", json["choice"]!["kind"]!.GetValue<string>());
        Assert.Equal("customer", json["choice"]!["origin"]!.GetValue<string>());
        session.Resolve(conflict, 0);

        RoundTrip(session.Explain("frame", "arched")!, out var explanation);
        Assert.Equal("frame", explanation["module"]!.GetValue<string>());
        RoundTrip(session.ToDocument(), out var document);
        Assert.Equal(1, document["formatVersion"]!.GetValue<int>());
        Assert.Equal(SessionDocument.Parse(session.Save()), session.ToDocument());

        var range = RoundTrip(PricingPipeline.Default.Range(Windows, Selection.Parse("frame=arched"))!, out var rangeJson);
        Assert.Equal(("219.40", "474.00", "EUR"), (rangeJson["min"]!.GetValue<string>(), rangeJson["max"]!.GetValue<string>(), rangeJson["currency"]!.GetValue<string>()));
        Assert.Equal(range.Cheapest.Choices["frame"], rangeJson["cheapest"]!["frame"]!.AsArray().Select(s => s!.GetValue<string>()));
        RoundTrip(PricingPipeline.Default.Price(Windows, range.Dearest), out var breakdown);
        Assert.Equal("474.00", breakdown["total"]!.GetValue<string>());
        Assert.Equal("base", breakdown["lines"]![0]!["kind"]!.GetValue<string>());

        var dropped = new DroppedChoice(new CustomerChoice(ChoiceKind.Deselect, "colour", ["anthracite"]) { Origin = ChoiceOrigin.Preset }, "gone");
        RoundTrip(dropped, out var droppedJson);
        Assert.Equal("preset", droppedJson["choice"]!["origin"]!.GetValue<string>());
        RoundTrip(session.NearestPreset()!, out _);
        RoundTrip(new Money(12.5m, "EUR"), out var money);
        Assert.Equal("12.50", money["amount"]!.GetValue<string>());
    }

    [Fact]
    public void Money_UsesEachCurrencysMinorUnit()
    {
        Assert.Equal("""{"amount":"1250","currency":"JPY"}""", ConfiguratorJson.Serialize(new Money(1250m, "JPY")));
        Assert.Equal("""{"amount":"1.250","currency":"KWD"}""", ConfiguratorJson.Serialize(new Money(1.25m, "KWD")));
        Assert.Equal("""{"amount":"0.125","currency":"EUR"}""", ConfiguratorJson.Serialize(new Money(0.125m, "EUR"))); // never rounded silently
        Assert.Throws<JsonException>(() => ConfiguratorJson.Deserialize<Money>("""{"amount":12.5,"currency":"EUR"}"""));
    }

    [Theory]
    [InlineData(1250, "JPY", "1250")]
    [InlineData(1.25, "KWD", "1.250")]
    [InlineData(0.125, "EUR", "0.125")]
    [InlineData(-10, "EUR", "-10.00")]
    [InlineData(474, "EUR", "474.00")]
    public void FormatAmount_IsTheAmountTheJsonWrites(decimal amount, string currency, string expected)
    {
        var money = new Money(amount, currency);
        Assert.Equal(expected, money.FormatAmount());
        Assert.Equal(JsonNode.Parse(ConfiguratorJson.Serialize(money))!["amount"]!.GetValue<string>(), money.FormatAmount());
    }

    [Fact]
    public void Context_JoinsAShopsOptions()
    {
        // A shop's web stack: ASP.NET Core's defaults are camelCase.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.TypeInfoResolverChain.Insert(0, ConfiguratorJson.Context);
        var state = ConfigurationSession.Start(Windows).State;
        var text = JsonSerializer.Serialize(state, options);
        Assert.Contains("\"completions\":\"", text, StringComparison.Ordinal);
        Assert.Contains("\"source\":\"default\"", text, StringComparison.Ordinal);
        Assert.Equal(state, JsonSerializer.Deserialize<SessionState>(text, options));
    }
}
