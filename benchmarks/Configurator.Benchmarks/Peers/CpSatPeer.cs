using System.Diagnostics;
using Google.OrTools.Sat;

namespace Configurator.Benchmarks.Peers;

/// <summary>
/// Google OR-Tools CP-SAT as a peer: the plain model's tables as allowed or forbidden assignments,
/// every solution enumerated (enumerate_all_solutions) by one worker, stopped at the limit.
/// </summary>
internal static class CpSatPeer
{
    /// <summary>Enumerates up to <paramref name="limit"/> solutions; returns how many and the seconds the search took.</summary>
    public static (long Found, double Seconds) Enumerate(PlainModel model, long limit)
    {
        var cp = new CpModel();
        var variables = model.Sizes.Select((size, i) => cp.NewIntVar(0, size - 1, $"x{i}")).ToArray();
        foreach (var table in model.Tables)
        {
            var scope = table.Scope.Select(v => (LinearExpr)variables[v]);
            var constraint = table.Allowed ? cp.AddAllowedAssignments(scope) : cp.AddForbiddenAssignments(scope);
            foreach (var row in table.Rows)
            {
                constraint.AddTuple(row);
            }
        }

        var solver = new CpSolver { StringParameters = "enumerate_all_solutions:true num_workers:1" };
        var counter = new Counter(variables, limit);
        var clock = Stopwatch.StartNew();
        solver.Solve(cp, counter);
        return (counter.Found, clock.Elapsed.TotalSeconds);
    }

    private sealed class Counter(IntVar[] variables, long limit) : CpSolverSolutionCallback
    {
        public long Found { get; private set; }

        public long Checksum { get; private set; }

        public override void OnSolutionCallback()
        {
            // Read one value per solution, as our benchmark does, so the work is comparable.
            Checksum += variables.Length > 0 ? Value(variables[0]) : 0;
            if (++Found >= limit)
            {
                StopSearch();
            }
        }
    }
}
