using System.Collections.Concurrent;
using Configurator.Solving;

namespace Configurator.Internal;

/// <summary>
/// Answers remembered per restriction (or per other text key), shared by every thread that asks about one model: for the
/// questions sessions ask again and again (the same few hundred partial configurations of a
/// catalogue's product, whoever the customer). When it holds <c>capacity</c> answers it forgets
/// them all and starts afresh, so its size stays bounded whatever is asked. An answer is shared:
/// never change it.
/// </summary>
/// <typeparam name="T">The answer.</typeparam>
internal sealed class RememberedAnswers<T>(int capacity)
{
    private readonly ConcurrentDictionary<string, T> _answers = new(StringComparer.Ordinal);

    /// <summary>How many answers it holds at most.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>The remembered answer for <paramref name="restriction"/>, or <paramref name="answer"/>'s, remembered (an exception is not).</summary>
    public T GetOrAdd(Restriction restriction, Func<Restriction, T> answer) =>
        Capacity == 0 ? answer(restriction) : GetOrAdd(restriction.Key(), restriction, answer);

    /// <summary>The remembered answer for <paramref name="key"/>, or <paramref name="answer"/>'s for <paramref name="question"/>, remembered (an exception is not).</summary>
    public T GetOrAdd<TQuestion>(string key, TQuestion question, Func<TQuestion, T> answer)
    {
        if (Capacity == 0)
        {
            return answer(question);
        }

        if (_answers.TryGetValue(key, out var known))
        {
            return known;
        }

        var computed = answer(question);
        if (_answers.Count >= Capacity)
        {
            _answers.Clear();
        }

        return _answers.GetOrAdd(key, computed);
    }
}
