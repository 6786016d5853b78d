using System.Net;
using System.Text.Json.Nodes;
using Configurator.Serialization;
using Configurator.Solving;
using Configurator.Tests;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Configurator.WebShop.Tests.Api;

/// <summary>Every API route through the in-memory host, with each of its error cases.</summary>
public sealed class ShopApiTests(ShopFixture shop) : IClassFixture<ShopFixture>
{
    private readonly HttpClient _client = shop.Factory.CreateClient();

    private static CompiledModel Compile(string name) =>
        ModelCompiler.Compile(ProductModelJson.LoadFile(RepositoryPaths.SampleModel(name + ".json")).GetModelOrThrow()).GetModelOrThrow();

    [Fact]
    public async Task GetModels_ListsEveryModelWithItsCountAndPriceRange()
    {
        var (response, body) = await _client.GetJson("/api/models");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var models = body.AsArray();
        Assert.Equal(RepositoryPaths.AllSampleModels().Count(), models.Count);
        var window = models.Single(m => (string?)m!["id"] == "window-rules")!;
        Assert.Equal(Compile("window-rules").Count().ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)window["count"]);
        Assert.Equal("EUR", (string?)window["currency"]);
        Assert.True(decimal.Parse((string)window["minPrice"]!, System.Globalization.CultureInfo.InvariantCulture) < decimal.Parse((string)window["maxPrice"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull((string?)window["name"]);
        Assert.NotNull((string?)window["version"]);
    }

    /// <summary>
    /// A model beyond the compiler's decision budget (the Linux kernel's case, made small here: no
    /// diagram and no decisions allowed) is listed without a count, as a session's page shows it,
    /// instead of keeping the catalogue from answering; within the budget the count is exact.
    /// </summary>
    [Fact]
    public void CatalogueSummary_BeyondTheDecisionBudget_HasNoCount()
    {
        var model = Importers.ModelImporter.Import("p cnf 4 2\n1 2 3 0\n-1 4 0\n", "chain.dimacs").GetModelOrThrow();
        var catalogue = shop.Factory.Services.GetRequiredService<Shop.ShopCatalog>();
        var beyond = ModelCompiler.Compile(model, new CompilerOptions { NodeBudget = 1, CircuitDecisionBudget = 0 }).GetModelOrThrow();
        var within = ModelCompiler.Compile(model, new CompilerOptions { NodeBudget = 1 }).GetModelOrThrow();

        Assert.Equal(SolverEngineKind.Boolean, beyond.Engine);
        Assert.Null(catalogue.Summary(beyond).Count);
        Assert.Equal(within.Count().ToString(System.Globalization.CultureInfo.InvariantCulture), catalogue.Summary(within).Count);
        Assert.Equal("10", catalogue.Summary(within).Count);
    }

    [Fact]
    public void AttributeText_WithoutARange_SaysSoUntilComplete()
    {
        // A sum on a model too wide for an exact range (no circuit within the budgets) has none.
        Assert.Equal("not bounded yet", new Configurator.WebShop.Api.AttributeView("weight", "Weight", "kg", null, null, null).Text);
        Assert.Equal("24 kg", new Configurator.WebShop.Api.AttributeView("weight", "Weight", "kg", null, null, 24).Text);
        Assert.Equal("19–29 kg", new Configurator.WebShop.Api.AttributeView("weight", "Weight", "kg", 19, 29, null).Text);
    }

    [Fact]
    public void PageCounts_LongOnesAsTheirMagnitude()
    {
        // automotive2_4's 1,535 digits filled the catalogue's row; the API keeps every digit.
        Assert.Equal("936", Configurator.WebShop.Pages.Counts.Show("936"));
        Assert.Equal(new string('9', 24), Configurator.WebShop.Pages.Counts.Show(new string('9', 24)));
        Assert.Equal("1.65 × 10^1534", Configurator.WebShop.Pages.Counts.Show("165" + new string('0', 1532)));
        Assert.Equal("1 valid configuration left", Configurator.WebShop.Pages.Counts.Left("1"));
        Assert.Equal("At least one valid configuration left (too many to count)", Configurator.WebShop.Pages.Counts.Left(null));
    }

    [Fact]
    public async Task CreateSession_Returns201WithLocationAndTheView()
    {
        var (response, view) = await _client.PostJson("/api/sessions", new { model = "window-rules", preset = (string?)null });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/sessions/{view["id"]}", response.Headers.Location?.ToString());
        Assert.Equal("window-rules", (string?)view["model"]);
        Assert.Equal(Compile("window-rules").Count().ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)view["completions"]);
        Assert.All(ApiClient.Options(view), o => Assert.Contains((string?)o.Node["source"], new[] { "customer", "preset", "default", "forced", "none" }));

        var (again, same) = await _client.GetJson(response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((string?)view["id"], (string?)same["id"]);
    }

    /// <summary>
    /// A view of every module is megabytes on a feature model (automotive2_4: 4.75 MB a step), so
    /// every route that answers with a view takes <c>modules</c>, <c>search</c>, <c>skip</c> and
    /// <c>take</c>; each module it carries is the same as in the whole view.
    /// </summary>
    [Fact]
    public async Task Views_CarryTheModulesAskedFor()
    {
        var (created, whole) = await _client.PostJson("/api/sessions", new { model = "window-rules" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string?)whole["id"];
        string[] all = ["frame", "glass", "strength", "size", "colour", "extras"];
        Assert.Equal(all, Ids(whole));
        Assert.Equal(6, (int)whole["moduleCount"]!);

        async Task<JsonNode> Get(string query)
        {
            var (response, view) = await _client.GetJson($"/api/sessions/{id}?{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            foreach (var module in view["modules"]!.AsArray())
            {
                Assert.True(JsonNode.DeepEquals(whole["modules"]![Array.IndexOf(all, (string?)module!["id"])], module));
            }

            return view;
        }

        Assert.Equal(["frame", "glass"], Ids(await Get("modules=glass,frame")));
        Assert.Equal(["glass"], Ids(await Get("search=GLA")));
        var page = await Get("skip=1&take=2");
        Assert.Equal(["glass", "strength"], Ids(page));
        Assert.Equal(6, (int)page["moduleCount"]!);
        var none = await Get("modules=none");
        Assert.Empty(Ids(none));
        Assert.Equal((string?)whole["completions"], (string?)none["completions"]);
        var first = await Get("search=s&take=1");
        Assert.Equal(["glass"], Ids(first));
        Assert.Equal(4, (int)first["moduleCount"]!); // glass, strength, size and extras have an s in their id or name

        // A step answers with the same projection.
        var (chosen, step) = await _client.PostJson($"/api/sessions/{id}/choices?modules=frame", new { module = "frame", option = "arched" });
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Equal(["frame"], Ids(step));
        Assert.Equal(true, (bool?)ApiClient.Option(step, "frame", "arched")["selected"]);
        var (undone, back) = await _client.PostJson($"/api/sessions/{id}/undo?modules=none", null);
        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        Assert.Empty(Ids(back));

        // modules=changed: the modules whose state the step changed, as the whole views before and after differ.
        var (_, before) = await _client.GetJson($"/api/sessions/{id}");
        var (changedOk, changed) = await _client.PostJson($"/api/sessions/{id}/choices?modules=changed", new { module = "glass", option = "triple" });
        Assert.Equal(HttpStatusCode.OK, changedOk.StatusCode);
        var (_, after) = await _client.GetJson($"/api/sessions/{id}");
        string[] differing = [.. all.Where((_, i) => !JsonNode.DeepEquals(before["modules"]![i], after["modules"]![i]))];
        Assert.Contains("glass", differing);
        Assert.True(differing.Length < all.Length, string.Join(", ", differing));
        Assert.Equal(differing, Ids(changed));
        Assert.Empty(Ids(await Get("modules=changed"))); // no step, nothing changed

        // Bad parameters name what to give.
        var (unknown, problem) = await _client.GetJson($"/api/sessions/{id}?modules=frme");
        ApiClient.AssertProblem(unknown, problem, 400, ConfiguratorErrorCodes.UnknownModule); // as a choice naming an unknown module
        Assert.Contains("Did you mean 'frame'?", (string?)problem["detail"], StringComparison.Ordinal);
        var (bad, badTake) = await _client.GetJson($"/api/sessions/{id}?take=-1");
        ApiClient.AssertProblem(bad, badTake, 400, ConfiguratorErrorCodes.InvalidInput);
        Assert.Contains("'take' is a whole number from 0 to 10,000, not '-1'.", (string?)badTake["detail"], StringComparison.Ordinal);

        static string[] Ids(JsonNode view) => [.. view["modules"]!.AsArray().Select(m => (string)m!["id"]!)];
    }

    [Fact]
    public async Task CreateSession_InACulture_NamesEverythingFromTheLabelsAndKeepsItAcrossSteps()
    {
        var (response, view) = await _client.PostJson("/api/sessions", new { model = "window-rules", culture = "zh-CN" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("框架", (string?)view["modules"]![0]!["name"]);
        Assert.Equal("重量", (string?)view["attributes"]![0]!["name"]);

        var (_, clear) = await _client.PostJson($"/api/sessions/{view["id"]}/choices", new { module = "glass", option = "clear" });
        Assert.Equal("拱形（框架）不能与玻璃：透明玻璃同时选择。异形框架只能配夹层玻璃或三层中空玻璃。", (string?)ApiClient.Option(clear, "frame", "arched")["reason"]!["message"]);
        Assert.Equal("基础价格", (string?)clear["price"]!["lines"]![0]!["label"]);
    }

    [Fact]
    public async Task CreateSession_WithoutCulture_TakesTheBrowsersFirstKnownLanguage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sessions") { Content = System.Net.Http.Json.JsonContent.Create(new { model = "window-rules" }) };
        request.Headers.AcceptLanguage.ParseAdd("xx-QQ, zh-CN;q=0.9, en;q=0.8");
        var response = await _client.SendAsync(request);
        var view = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("框架", (string?)view["modules"]![0]!["name"]);
        Assert.Equal("Frame", (string?)(await _client.StartSession("window-rules"))["modules"]![0]!["name"]);
    }

    [Fact]
    public async Task CreateSession_UnknownCulture_Is400WithWhatToGive()
    {
        var (response, body) = await _client.PostJson("/api/sessions", new { model = "window-rules", culture = "klingon" });
        ApiClient.AssertProblem(response, body, 400, ConfiguratorErrorCodes.InvalidInput);
        Assert.Contains("such as en, zh-CN or de-DE", (string?)body["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSession_FromPreset_MarksThePresetsSelections()
    {
        var view = await _client.StartSession("car", "city");
        Assert.Equal("city", (string?)view["preset"]);
        Assert.Contains(ApiClient.Options(view), o => (string?)o.Node["source"] == "preset" && (bool)o.Node["selected"]!);
        Assert.Equal(0, (int)view["nearestPreset"]!["distance"]!);
    }

    [Theory]
    [InlineData("""{"model":"no-such-model"}""", 404, "UnknownModel")]
    [InlineData("""{"model":"car","preset":"no-such-preset"}""", 400, "UnknownPreset")]
    [InlineData("""{"preset":"city"}""", 400, "InvalidInput")]
    [InlineData("""{"model":""", 400, "InvalidInput")]
    [InlineData("""{"model":42}""", 400, "InvalidInput")]
    public async Task CreateSession_BadRequests_AreProblems(string body, int status, string code)
    {
        var (response, problem) = await _client.PostRaw("/api/sessions", body);
        ApiClient.AssertProblem(response, problem, status, code);
    }

    [Fact]
    public async Task GetSession_Unknown_Is404()
    {
        var (response, problem) = await _client.GetJson("/api/sessions/no-such-session");
        ApiClient.AssertProblem(response, problem, 404, ConfiguratorErrorCodes.UnknownSession);
    }

    [Fact]
    public async Task Choose_Select_ShowsReasonsForWhatItRulesOut()
    {
        var id = (string)(await _client.StartSession("window-rules"))["id"]!;
        var (response, view) = await _client.PostJson($"/api/sessions/{id}/choices", new { module = "frame", option = "round", action = "select" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var round = ApiClient.Option(view, "frame", "round");
        Assert.True((bool)round["selected"]!);
        Assert.Equal("customer", (string?)round["source"]);
        var clear = ApiClient.Option(view, "glass", "clear");
        Assert.False((bool)clear["available"]!);
        Assert.Contains("frame=round", clear["reason"]!["selections"]!.AsArray().Select(s => (string?)s));
        Assert.NotEmpty(clear["reason"]!["constraints"]!.AsArray());
        Assert.False(string.IsNullOrWhiteSpace((string?)clear["reason"]!["message"]));
        Assert.All(ApiClient.Options(view).Where(o => (bool)o.Node["available"]!), o => Assert.Null(o.Node["reason"]));
    }

    [Fact]
    public async Task Choose_NarrowsTheAttributeRanges()
    {
        var id = (string)(await _client.StartSession("window-rules"))["id"]!;
        var (_, view) = await _client.PostJson($"/api/sessions/{id}/choices", new { module = "frame", option = "round", action = "select" });

        // Round frames weigh 4.5 kg and take laminated (14 kg) or triple (24 kg) glazing.
        var weight = view["attributes"]!.AsArray().Single(a => (string?)a!["id"] == "weight")!;
        Assert.Equal(("Weight", "kg", 18.5m, 28.5m), ((string?)weight["name"], (string?)weight["unit"], (decimal)weight["min"]!, (decimal)weight["max"]!));
        Assert.Null(weight["value"]);
    }

    [Fact]
    public async Task Choose_Conflict_Is409WithDiagnosesAndChangesNothing()
    {
        var id = (string)(await _client.StartSession("window-rules"))["id"]!;
        var (_, before) = await _client.PostJson($"/api/sessions/{id}/choices", new { module = "frame", option = "round", action = "select" });
        var (response, conflict) = await _client.PostJson($"/api/sessions/{id}/choices", new { module = "glass", option = "clear", action = "select" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.True((bool)conflict["conflict"]!);
        var diagnoses = conflict["diagnoses"]!.AsArray();
        Assert.Contains(diagnoses, d => d!.AsArray().Select(s => (string?)s).SequenceEqual(["frame=round"]));
        Assert.Equal((int)before["step"]!, (int)conflict["view"]!["step"]!);
        var (_, after) = await _client.GetJson($"/api/sessions/{id}");
        Assert.Equal(before["choices"]!.ToJsonString(), after["choices"]!.ToJsonString());
    }

    [Fact]
    public async Task Resolve_AppliesTheChoiceAndGivesUpTheDiagnosis()
    {
        var id = (string)(await _client.StartSession("window-rules"))["id"]!;
        await _client.PostJson($"/api/sessions/{id}/choices", new { module = "frame", option = "round", action = "select" });
        var (_, conflict) = await _client.PostJson($"/api/sessions/{id}/choices", new { module = "glass", option = "clear", action = "select" });
        var index = conflict["diagnoses"]!.AsArray().Select((d, i) => (d, i)).First(x => x.d!.AsArray().Select(s => (string?)s).SequenceEqual(["frame=round"])).i;
        var (response, view) = await _client.PostJson($"/api/sessions/{id}/resolve", new { module = "glass", option = "clear", action = "select", diagnosis = index });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((bool)ApiClient.Option(view, "glass", "clear")["selected"]!);
        Assert.False((bool)ApiClient.Option(view, "frame", "round")["selected"]!);
        Assert.DoesNotContain("frame=round", view["choices"]!.AsArray().Select(c => (string?)c));
    }

    [Theory]
    [InlineData("""{"module":"glass","option":"clear","action":"select"}""", 400, "InvalidInput")]
    [InlineData("""{"module":"glass","option":"clear","action":"select","diagnosis":7}""", 409, "StaleConflict")]
    [InlineData("""{"module":"nope","option":"clear","diagnosis":0}""", 400, "UnknownModule")]
    public async Task Resolve_BadRequests_AreProblems(string body, int status, string code)
    {
        var id = (string)(await _client.StartSession("window-rules"))["id"]!;
        await _client.PostJson($"/api/sessions/{id}/choices", new { module = "frame", option = "round", action = "select" });
        var (response, problem) = await _client.PostRaw($"/api/sessions/{id}/resolve", body);
        ApiClient.AssertProblem(response, problem, status, code);
    }

    [Theory]
    [InlineData("""{"module":"nope","option":"x","action":"select"}""", 400, "UnknownModule")]
    [InlineData("""{"module":"frame","option":"nope","action":"select"}""", 400, "UnknownOption")]
    [InlineData("""{"module":"frame","option":"round","action":"toggle"}""", 400, "InvalidInput")]
    [InlineData("""{"option":"round"}""", 400, "InvalidInput")]
    [InlineData("""[1,2""", 400, "InvalidInput")]
    public async Task Choose_BadRequests_AreProblems(string body, int status, string code)
    {
        var id = (string)(await _client.StartSession("window-rules"))["id"]!;
        var (response, problem) = await _client.PostRaw($"/api/sessions/{id}/choices", body);
        ApiClient.AssertProblem(response, problem, status, code);
        var (_, view) = await _client.GetJson($"/api/sessions/{id}");
        Assert.Equal(0, (int)view["step"]!);
    }

    [Fact]
    public async Task Choose_OnUnknownSession_Is404()
    {
        var (response, problem) = await _client.PostJson("/api/sessions/nobody/choices", new { module = "frame", option = "round", action = "select" });
        ApiClient.AssertProblem(response, problem, 404, ConfiguratorErrorCodes.UnknownSession);
    }

    [Fact]
    public async Task UndoRedoReset_MoveThroughTheHistory()
    {
        var id = (string)(await _client.StartSession("window-rules"))["id"]!;
        await _client.PostJson($"/api/sessions/{id}/choices", new { module = "frame", option = "arched", action = "select" });
        var (undoResponse, undone) = await _client.PostJson($"/api/sessions/{id}/undo", null);
        Assert.Equal(HttpStatusCode.OK, undoResponse.StatusCode);
        Assert.False((bool)ApiClient.Option(undone, "frame", "arched")["selected"]!);
        Assert.True((bool)undone["canRedo"]!);
        var (_, redone) = await _client.PostJson($"/api/sessions/{id}/redo", null);
        Assert.True((bool)ApiClient.Option(redone, "frame", "arched")["selected"]!);
        var (_, reset) = await _client.PostJson($"/api/sessions/{id}/reset", null);
        Assert.Empty(reset["choices"]!.AsArray());
        Assert.True((bool)reset["canUndo"]!);

        foreach (var route in new[] { "undo", "redo", "reset" })
        {
            var (response, problem) = await _client.PostJson($"/api/sessions/nobody/{route}", null);
            ApiClient.AssertProblem(response, problem, 404, ConfiguratorErrorCodes.UnknownSession);
        }
    }

    [Fact]
    public async Task DocumentAndResume_RoundTripTheChoices()
    {
        var id = (string)(await _client.StartSession("window-rules"))["id"]!;
        await _client.PostJson($"/api/sessions/{id}/choices", new { module = "frame", option = "arched", action = "select" });
        var (_, chose) = await _client.PostJson($"/api/sessions/{id}/choices", new { module = "extras", option = "blind", action = "select" });
        var (response, document) = await _client.GetJson($"/api/sessions/{id}/document");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("window-rules", (string?)document["model"]);

        var edited = document.DeepClone();
        edited["id"] = "resumed-" + id;
        var (created, resumed) = await _client.PostRaw("/api/sessions/resume", edited.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/sessions/resumed-" + id, created.Headers.Location?.ToString());
        Assert.Empty(resumed["dropped"]!.AsArray());
        Assert.Equal(chose["choices"]!.ToJsonString(), resumed["choices"]!.ToJsonString());
        Assert.Equal(chose["price"]!.ToJsonString(), resumed["price"]!.ToJsonString());

        var (_, missing) = await _client.GetJson("/api/sessions/nobody/document");
        Assert.Equal(404, (int)missing["status"]!);
    }

    [Fact]
    public async Task Resume_ReportsChoicesTheModelNoLongerHas()
    {
        var document = new JsonObject
        {
            ["formatVersion"] = 1,
            ["model"] = "window-rules",
            ["version"] = "1999.1",
            ["choices"] = new JsonArray(
                new JsonObject { ["kind"] = "select", ["module"] = "frame", ["options"] = new JsonArray("arched") },
                new JsonObject { ["kind"] = "select", ["module"] = "frame", ["options"] = new JsonArray("hexagonal") }),
        };
        var (response, view) = await _client.PostRaw("/api/sessions/resume", document.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(view["dropped"]!.AsArray());
        Assert.Contains("hexagonal", (string?)view["dropped"]![0]!["choice"], StringComparison.Ordinal);
        Assert.True((bool)ApiClient.Option(view, "frame", "arched")["selected"]!);
    }

    [Theory]
    [InlineData("""{"nothing":true}""", 400, "InvalidSessionDocument")]
    [InlineData("""not json""", 400, "InvalidSessionDocument")]
    [InlineData("""{"formatVersion":1,"model":"no-such-model","choices":[]}""", 404, "UnknownModel")]
    public async Task Resume_BadDocuments_AreProblems(string body, int status, string code)
    {
        var (response, problem) = await _client.PostRaw("/api/sessions/resume", body);
        ApiClient.AssertProblem(response, problem, status, code);
    }

    [Fact]
    public async Task Personalize_ValidIsPricedInvalidIsAProblemWithTheFieldsMessages()
    {
        var start = await _client.StartSession("window-rules");
        var id = (string)start["id"]!;
        var total = decimal.Parse((string)start["price"]!["total"]!, System.Globalization.CultureInfo.InvariantCulture);
        var (ok, view) = await _client.PostJson($"/api/sessions/{id}/personalization", new { field = "engraving", value = "Ada" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("Ada", (string?)view["personalization"]!.AsArray().Single(f => (string?)f!["id"] == "engraving")!["value"]);
        Assert.Equal(total + 5, decimal.Parse((string)view["price"]!["total"]!, System.Globalization.CultureInfo.InvariantCulture));

        var (bad, problem) = await _client.PostJson($"/api/sessions/{id}/personalization", new { field = "engraving", value = "Ada 1815" });
        ApiClient.AssertProblem(bad, problem, 400, ConfiguratorErrorCodes.InvalidPersonalization);
        Assert.NotEmpty(problem["errors"]!["engraving"]!.AsArray());

        var (unknown, unknownProblem) = await _client.PostJson($"/api/sessions/{id}/personalization", new { field = "monogram", value = "AL" });
        ApiClient.AssertProblem(unknown, unknownProblem, 400, ConfiguratorErrorCodes.InvalidPersonalization);
        var (_, after) = await _client.GetJson($"/api/sessions/{id}/document");
        Assert.Equal("Ada", (string?)after["personalization"]!["engraving"]);
    }

    [Fact]
    public async Task UnknownApiRoute_IsAProblemNotAPage()
    {
        var response = await _client.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_DescribesEveryRoute()
    {
        var (response, document) = await _client.GetJson("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/api/models", "/api/sessions", "/api/sessions/{id}", "/api/sessions/{id}/choices", "/api/sessions/{id}/resolve", "/api/sessions/{id}/undo", "/api/sessions/{id}/redo", "/api/sessions/{id}/reset", "/api/sessions/{id}/document", "/api/sessions/resume" })
        {
            Assert.Contains(path, paths);
        }

        Assert.NotNull(document["paths"]!["/api/sessions/{id}/choices"]!["post"]!["responses"]!["409"]);
    }

    [Fact]
    public async Task Sessions_SurviveARestartWithADistributedCache()
    {
        // One cache outlives two hosts, as Redis outlives a web server's process.
        var (shared, settings) = OneDistributedCache();

        string id;
        string choices;
        using (var first = new ShopFactory(shared, settings))
        {
            var client = first.CreateClient();
            id = (string)(await client.StartSession("window-rules"))["id"]!;
            var (_, view) = await client.PostJson($"/api/sessions/{id}/choices", new { module = "frame", option = "oak", action = "select" });
            choices = view["choices"]!.ToJsonString();
        }

        using var second = new ShopFactory(shared, settings);
        var (response, after) = await second.CreateClient().GetJson($"/api/sessions/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(choices, after["choices"]!.ToJsonString());
    }

    [Fact]
    public async Task Sessions_StepTakenOnAnotherShop_IsSeenByTheFirst()
    {
        // Two shops on one store at once, as two web servers behind a balancer: each keeps a live
        // copy, and a copy the other shop moved on must be resumed from the store, not used.
        var (shared, settings) = OneDistributedCache();

        using var first = new ShopFactory(shared, settings);
        using var second = new ShopFactory(shared, settings);
        var a = first.CreateClient();
        var b = second.CreateClient();
        var id = (string)(await a.StartSession("window-rules"))["id"]!;
        await a.PostJson($"/api/sessions/{id}/choices", new { module = "glass", option = "double", action = "select" });
        var (_, onB) = await b.PostJson($"/api/sessions/{id}/choices", new { module = "size", option = "l", action = "select" });
        var (response, onA) = await a.GetJson($"/api/sessions/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, onB["choices"]!.AsArray().Count);
        Assert.Equal(onB["choices"]!.ToJsonString(), onA["choices"]!.ToJsonString());

        // And the first shop's next step builds on both.
        var (_, next) = await a.PostJson($"/api/sessions/{id}/choices", new { module = "strength", option = "2", action = "select" });
        Assert.Equal(3, next["choices"]!.AsArray().Count);
    }

    /// <summary>Services that put the shops' sessions in one distributed cache shared by every shop built with them.</summary>
    private static (Action<IServiceCollection> Services, Dictionary<string, string?> Settings) OneDistributedCache()
    {
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        return (services =>
        {
            services.AddSingleton<IDistributedCache>(cache);
            services.Configure<Configurator.DependencyInjection.ConfiguratorOptions>(o => o.Sessions.UseDistributedCache = true);
        }, []);
    }
}

/// <summary>One in-memory web shop for the API tests.</summary>
public sealed class ShopFixture : IDisposable
{
    public ShopFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
