using System.Collections.Immutable;
using Configurator.Solving;
using Configurator.Solving.Constraints;
using Configurator.Solving.Diagrams;
using CsCheck;

namespace Configurator.Tests.Solving;

public sealed class VariableOrderTests
{
    [Fact]
    public void BreadthFirst_RandomModels_IsCuthillMcKeeFromTheLeastConnectedModule() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            // Against the plain statement of the order: sets of neighbours, each connected part
            // started from the unvisited module of least degree (then least index), each module's
            // unvisited neighbours queued by degree, then index.
            var compiled = SmallModels.Compile(SmallModels.Create(seed), SolverEngineKind.Search);
            var n = compiled.Domains.Length;

            Assert.Equal(Reference(n, compiled.Constraints), VariableOrder.BreadthFirst(n, compiled.Constraints));
        }, iter: 300);

    private static ImmutableArray<int> Reference(int n, IReadOnlyList<CompiledConstraint> constraints)
    {
        var neighbours = Enumerable.Range(0, n).Select(m => constraints.Where(c => c.Scope.Contains(m)).SelectMany(c => c.Scope).Where(x => x != m).ToHashSet()).ToArray();
        var seen = new bool[n];
        var order = new List<int>();
        while (order.Count < n)
        {
            var queue = new Queue<int>([Enumerable.Range(0, n).Where(m => !seen[m]).MinBy(m => (neighbours[m].Count, m))]);
            seen[queue.Peek()] = true;
            while (queue.TryDequeue(out var m))
            {
                order.Add(m);
                foreach (var next in neighbours[m].Where(x => !seen[x]).OrderBy(x => (neighbours[x].Count, x)))
                {
                    seen[next] = true;
                    queue.Enqueue(next);
                }
            }
        }

        return [.. order];
    }
}
