using System.Globalization;
using Configurator.Sessions;

namespace Configurator.WebShop.Api;

/// <summary>
/// Which modules a view carries, from the query string of any route that answers with one:
/// <c>?modules=a,b</c> (those, in model order; <c>none</c> for none; <c>changed</c> for those
/// whose state the route's step changed, none on a route that takes no step), <c>?search=TEXT</c> (those
/// whose id or name contains it, ignoring case), then <c>?skip=N&amp;take=M</c> (a page of them).
/// Without any, every module, as before. A feature model's view of every module is megabytes
/// (automotive2_4: 18,616 modules, 4.75 MB a step), so a page asks for the ones it shows.
/// </summary>
internal sealed record ModuleQuery(IReadOnlySet<string>? Ids, string? Search, int Skip, int? Take, bool Changed = false)
{
    /// <summary>The most modules one view carries when <c>take</c> is given.</summary>
    public const int MaxTake = 10_000;

    public static ModuleQuery All { get; } = new(null, null, 0, null);

    /// <summary>The query, or an <c>InvalidInput</c> error that says which parameter is wrong.</summary>
    public static ModuleQuery From(HttpRequest request)
    {
        var query = request.Query;
        var modules = query["modules"].ToString();
        IReadOnlySet<string>? ids = modules switch
        {
            "" or "changed" => null,
            "none" => new HashSet<string>(),
            var list => new HashSet<string>(list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal),
        };
        var search = query["search"].ToString() is { Length: > 0 } text ? text : null;
        return new ModuleQuery(ids, search, Number(query["skip"].ToString(), "skip", int.MaxValue) ?? 0, Number(query["take"].ToString(), "take", MaxTake), modules == "changed");
    }

    /// <summary>
    /// The modules asked for and how many match before the page is cut; an unknown id in
    /// <c>modules</c> is an <c>UnknownModule</c> error. <paramref name="before"/> is the state before
    /// the route's step, for <c>modules=changed</c> (null when the route takes none).
    /// </summary>
    public (IEnumerable<ModuleState> Modules, int Matching) Select(SessionState state, SessionState? before = null)
    {
        foreach (var id in Ids ?? Enumerable.Empty<string>())
        {
            _ = state[id]; // names the nearest module when there is no such one
        }

        var matching = state.Modules.Where((m, i) => (Ids is null || Ids.Contains(m.ModuleId))
            && (!Changed || (before is not null && !m.Equals(before.Modules[i])))
            && (Search is null || m.ModuleId.Contains(Search, StringComparison.OrdinalIgnoreCase) || m.Name.Contains(Search, StringComparison.OrdinalIgnoreCase))).ToList();
        var page = matching.Skip(Skip);
        return (Take is { } take ? page.Take(take) : page, matching.Count);
    }

    private static int? Number(string text, string name, int most) =>
        text.Length == 0 ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= most ? value
        : throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidInput, $"'{name}' is a whole number from 0 to {most.ToString("N0", CultureInfo.InvariantCulture)}, not '{text}'.");
}
