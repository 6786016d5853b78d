using Configurator.Sessions;
using Configurator.WebShop.Shop;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Configurator.WebShop.Api;

/// <summary>
/// The HTTP API: the catalogue and sessions, JSON in camelCase. Every route is a thin call into
/// <see cref="ShopSessions"/> and the library; library errors become problem details in one place
/// (<see cref="ConfiguratorProblems"/>).
/// </summary>
public static class ShopApi
{
    /// <summary>Maps <c>/api/models</c> and <c>/api/sessions</c>.</summary>
    public static IEndpointRouteBuilder MapShopApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api").WithTags("Configurator");
        api.MapGet("models", GetModels).WithName("GetModels").WithSummary("Every model: name, version, number of variants, price range.");
        var sessions = api.MapGroup("sessions");
        sessions.MapPost("", CreateSession).WithName("CreateSession").WithSummary("Starts a session on a model, from a preset when one is named.");
        sessions.MapGet("{id}", GetSession).WithName("GetSession").WithSummary("The session's view: modules, options with reasons, price, completions.");
        sessions.MapPost("{id}/choices", Choose).WithName("Choose").WithSummary("Selects or deselects an option; 409 with the ways out when it conflicts.");
        sessions.MapPost("{id}/resolve", Resolve).WithName("Resolve").WithSummary("Applies a conflicting choice by giving up one diagnosis.");
        sessions.MapPost("{id}/undo", Undo).WithName("Undo").WithSummary("Takes back the last step.");
        sessions.MapPost("{id}/redo", Redo).WithName("Redo").WithSummary("Repeats the step last taken back.");
        sessions.MapPost("{id}/reset", Reset).WithName("Reset").WithSummary("Back to the start (the preset, when the session began from one).");
        sessions.MapPost("{id}/personalization", Personalize).WithName("Personalize").WithSummary("Sets a personalization field; 400 with the field's messages when the value does not fit.");
        sessions.MapGet("{id}/document", GetDocument).WithName("GetDocument").WithSummary("The saved document: model, version, preset, choices in order.");
        sessions.MapPost("resume", Resume).WithName("Resume").WithSummary("Resumes a saved document; choices a newer model no longer allows are listed as dropped.");
        return app;
    }

    internal static Ok<IReadOnlyList<ModelSummary>> GetModels(ShopCatalog catalog) => TypedResults.Ok(catalog.Models());

    internal static async Task<Created<SessionView>> CreateSession(CreateSessionRequest? request, ShopSessions sessions, HttpRequest http, CancellationToken cancellationToken)
    {
        var query = ModuleQuery.From(http);
        var model = Required(request?.Model, "model");
        var session = await sessions.StartAsync(model, request!.Preset, request.Strategy, RequestCultures.Of(http, request.Culture), cancellationToken);
        return TypedResults.Created($"/api/sessions/{session.Id}", Views.Of(session, query: query));
    }

    internal static async Task<Ok<SessionView>> GetSession(string id, ShopSessions sessions, HttpRequest http, CancellationToken cancellationToken)
    {
        var query = ModuleQuery.From(http);
        return TypedResults.Ok(Views.Of(await sessions.GetAsync(id, cancellationToken), query: query));
    }

    internal static async Task<Results<Ok<SessionView>, Conflict<ConflictView>>> Choose(string id, ChoiceRequest? request, ShopSessions sessions, HttpRequest http, CancellationToken cancellationToken)
    {
        var query = ModuleQuery.From(http);
        var (module, option, select) = Parse(request?.Module, request?.Option, request?.Action);
        var result = await sessions.ChangeAsync(id, live => (live.Session, Before: Before(live.Session, query), Result: select ? live.Session.Select(module, option) : live.Session.Deselect(module, option)), cancellationToken);
        if (result.Result.Applied)
        {
            return TypedResults.Ok(Views.Of(result.Session, query: query, before: result.Before));
        }

        return TypedResults.Conflict(Views.Conflict(result.Result, Views.Of(result.Session, query: query, before: result.Before)));
    }

    internal static async Task<Ok<SessionView>> Resolve(string id, ResolveRequest? request, ShopSessions sessions, HttpRequest http, CancellationToken cancellationToken)
    {
        var query = ModuleQuery.From(http);
        var (module, option, select) = Parse(request?.Module, request?.Option, request?.Action);
        var diagnosis = request?.Diagnosis ?? throw Invalid("'diagnosis' is required: the 0-based index of the diagnosis to apply, from the 409 response.");
        var (session, before) = await sessions.ChangeAsync(id, live =>
        {
            var before = Before(live.Session, query);
            var conflict = select ? live.Session.Select(module, option) : live.Session.Deselect(module, option);
            if (!conflict.Applied)
            {
                live.Session.Resolve(conflict, diagnosis);
            }

            return (live.Session, before);
        }, cancellationToken);
        return TypedResults.Ok(Views.Of(session, query: query, before: before));
    }

    internal static Task<Ok<SessionView>> Undo(string id, ShopSessions sessions, HttpRequest http, CancellationToken cancellationToken) =>
        Step(id, sessions, s => s.Undo(), ModuleQuery.From(http), cancellationToken);

    internal static Task<Ok<SessionView>> Redo(string id, ShopSessions sessions, HttpRequest http, CancellationToken cancellationToken) =>
        Step(id, sessions, s => s.Redo(), ModuleQuery.From(http), cancellationToken);

    internal static Task<Ok<SessionView>> Reset(string id, ShopSessions sessions, HttpRequest http, CancellationToken cancellationToken) =>
        Step(id, sessions, s => s.Reset(), ModuleQuery.From(http), cancellationToken);

    internal static async Task<Results<Ok<SessionView>, ValidationProblem>> Personalize(string id, PersonalizationRequest? request, ShopSessions sessions, HttpRequest http, CancellationToken cancellationToken)
    {
        var query = ModuleQuery.From(http);
        var field = Required(request?.Field, "field");
        var (session, before, messages) = await sessions.ChangeAsync(id, live => (live.Session, Before(live.Session, query), live.Session.Personalize(field, request!.Value)), cancellationToken);
        return messages.IsEmpty
            ? TypedResults.Ok(Views.Of(session, query: query, before: before))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [.. messages] }, detail: string.Join(" ", messages), extensions: new Dictionary<string, object?> { ["code"] = ConfiguratorErrorCodes.InvalidPersonalization });
    }

    internal static async Task<Ok<SessionDocument>> GetDocument(string id, ShopSessions sessions, CancellationToken cancellationToken) =>
        TypedResults.Ok((await sessions.GetAsync(id, cancellationToken)).ToDocument());

    internal static async Task<Created<SessionView>> Resume(HttpRequest request, ShopSessions sessions, CancellationToken cancellationToken)
    {
        var query = ModuleQuery.From(request);
        using var reader = new StreamReader(request.Body);
        var document = SessionDocument.Parse(await reader.ReadToEndAsync(cancellationToken));
        var resumed = await sessions.ResumeAsync(document, cancellationToken);
        DroppedView[] preset = resumed.DroppedPreset is { } gone ? [new DroppedView($"preset {gone}", $"The model has no preset '{gone}' any more; the saved choices were replayed without it.")] : [];
        var view = Views.Of(resumed.Session, query: query) with { Dropped = [.. preset, .. resumed.Dropped.Select(d => new DroppedView(d.Choice.ToString(), d.Reason))] };
        return TypedResults.Created($"/api/sessions/{resumed.Session.Id}", view);
    }

    private static async Task<Ok<SessionView>> Step(string id, ShopSessions sessions, Action<ConfigurationSession> step, ModuleQuery query, CancellationToken cancellationToken)
    {
        var (session, before) = await sessions.ChangeAsync(id, live =>
        {
            var before = Before(live.Session, query);
            step(live.Session);
            return (live.Session, before);
        }, cancellationToken);
        return TypedResults.Ok(Views.Of(session, query: query, before: before));
    }

    /// <summary>The state before a step, when the view is to carry only the modules the step changed.</summary>
    private static SessionState? Before(ConfigurationSession session, ModuleQuery query) => query.Changed ? session.View() : null;

    private static (string Module, string Option, bool Select) Parse(string? module, string? option, string? action) =>
        (Required(module, "module"), Required(option, "option"), action switch
        {
            "select" or null => true,
            "deselect" => false,
            _ => throw Invalid($"'action' is \"select\" or \"deselect\", not \"{action}\"."),
        });

    private static string Required(string? value, string name) =>
        string.IsNullOrEmpty(value) ? throw Invalid($"'{name}' is required.") : value;

    private static ConfiguratorException Invalid(string message) => new(ConfiguratorErrorCodes.InvalidInput, message);
}
