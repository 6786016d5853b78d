using Configurator.Sessions;
using Configurator.Solving;

namespace Configurator.Console;

/// <summary>A session with a command's <c>-s</c> selections applied as the customer's choices (<c>domains</c>, and <c>report</c> on a model too large to count).</summary>
internal static class SessionWithin
{
    /// <summary>The session and the first selection that conflicted with those before it (null when none did, and the session then holds them all).</summary>
    public static (ConfigurationSession Session, ChoiceResult? Conflict) Start(CompiledModel compiled, Selection within, CancellationToken cancellationToken)
    {
        var session = ConfigurationSession.Start(compiled, cancellationToken: cancellationToken);
        var steps = within.Choices.Select(c => (Func<ChoiceResult>)(() => session.SetModule(c.Key, [.. c.Value])))
            .Concat(within.Included.SelectMany(c => c.Value.Select(o => (Func<ChoiceResult>)(() => session.Select(c.Key, o)))))
            .Concat(within.Excluded.SelectMany(c => c.Value.Select(o => (Func<ChoiceResult>)(() => session.Deselect(c.Key, o)))));
        foreach (var step in steps)
        {
            var result = step();
            if (result.IsConflict)
            {
                return (session, result);
            }
        }

        return (session, null);
    }
}
