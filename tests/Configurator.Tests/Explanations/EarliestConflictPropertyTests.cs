using Configurator.Solving.Explanations;
using CsCheck;

namespace Configurator.Tests.Explanations;

/// <summary>
/// The earliest conflict against brute force on random monotone problems: a set of items is
/// inconsistent when it contains one of a few random "bad" sets (any monotone consistency looks
/// like this), and the answer must be the insertion procedure's, checked by trying prefixes one by one.
/// </summary>
public class EarliestConflictPropertyTests
{
    private static readonly Gen<(int[] Items, int[][] Bad)> Problems =
        from count in Gen.Int[1, 10]
        from bad in Gen.Int[0, 11].Array[1, 4].Array[1, 4]
        from order in Gen.Int[0, 11].Array[count]
        select (order.Distinct().ToArray(), bad.Select(b => b.Distinct().ToArray()).ToArray());

    private static bool IsConsistent(IReadOnlyList<int> set, int[][] bad) => !bad.Any(b => b.All(set.Contains));

    /// <summary>The insertion procedure, one prefix at a time: the oracle.</summary>
    private static List<int>? Oracle(int[] items, int[][] bad)
    {
        if (IsConsistent(items, bad))
        {
            return null;
        }

        var found = new List<int>();
        var end = items.Length;
        while (IsConsistent(found, bad))
        {
            var i = Enumerable.Range(0, end).First(i => !IsConsistent([.. found, .. items[..(i + 1)]], bad));
            found.Insert(0, items[i]);
            end = i;
        }

        return found;
    }

    [Fact]
    public void Find_IsTheInsertionProceduresMinimalConflict() =>
        Problems.Sample(problem =>
        {
            var (items, bad) = problem;
            var found = EarliestConflict.Find(items, set => IsConsistent(set, bad));
            var expected = Oracle(items, bad);
            Assert.Equal(expected, found);
            if (found is not null)
            {
                Assert.False(IsConsistent(found, bad));
                Assert.All(found, item => Assert.True(IsConsistent([.. found.Where(f => f != item)], bad), "not minimal"));
                Assert.Equal(found, items.Where(found.Contains));
            }
        }, iter: 2000);

    [Fact]
    public void Find_FromTheEarliestRefutingPrefix_IsTheSameConflict() =>
        Problems.Sample(problem =>
        {
            var (items, bad) = problem;
            var questions = 0;
            int EarliestRefuting(IReadOnlyList<int> found, int end)
            {
                questions++;
                return !IsConsistent(found, bad) ? -1
                    : Enumerable.Range(0, end).Where(i => !IsConsistent([.. found, .. items[..(i + 1)]], bad)).DefaultIfEmpty(end).First();
            }

            var found = EarliestConflict.Find(items, EarliestRefuting);
            Assert.Equal(Oracle(items, bad), found);
            Assert.True(questions <= (found?.Count ?? 0) + 1, $"{questions} questions for a conflict of {found?.Count}");
        }, iter: 2000);

    [Fact]
    public void IsKept_OnlyWhenFindWouldReturnTheSameConflict() =>
        Gen.Select(Problems, Gen.Int[0, 11].Array[0, 4], Gen.Int[0, int.MaxValue]).Sample((problem, appended, seed) =>
        {
            var (items, bad) = problem;
            if (EarliestConflict.Find(items, set => IsConsistent(set, bad)) is not { } conflict)
            {
                return;
            }

            // Another list: some items dropped, new ones appended, sometimes one moved ahead.
            var random = new Random(seed);
            var after = items.Where(_ => random.Next(3) > 0).Concat(appended.Where(a => !items.Contains(a))).Distinct().ToList();
            if (after.Count > 1 && random.Next(4) == 0)
            {
                var moved = after[^1];
                after.RemoveAt(after.Count - 1);
                after.Insert(random.Next(after.Count), moved);
            }

            if (EarliestConflict.IsKept(conflict, items, after))
            {
                Assert.Equal(conflict, EarliestConflict.Find(after, set => IsConsistent(set, bad)));
            }

            // Appending never loses it.
            Assert.True(EarliestConflict.IsKept(conflict, items, [.. items, .. appended.Where(a => !items.Contains(a)).Distinct()]));
        }, iter: 4000);
}
