using Configurator.Internal;
using CsCheck;

namespace Configurator.Tests.Solving;

/// <summary>The integer sort behind the clause search's sets against the framework's sort.</summary>
public class SortedSetsTests
{
    [Fact]
    public void Sort_RandomArrays_SortsAsArraySortDoes() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var length = random.Next(4) switch { 0 => random.Next(20), 1 => random.Next(200), _ => random.Next(5_000) };

            // Few distinct values, many, negative ones, and runs already in order or reversed.
            var range = random.Next(3) switch { 0 => 4, 1 => length + 1, _ => int.MaxValue };
            var values = Enumerable.Range(0, length).Select(_ => random.Next(-range / 2, range / 2 + 1)).ToArray();
            switch (random.Next(4))
            {
                case 0:
                    Array.Sort(values);
                    break;
                case 1:
                    Array.Sort(values);
                    Array.Reverse(values);
                    break;
            }

            var expected = values.ToArray();
            Array.Sort(expected);
            SortedSets.Sort(values);
            Assert.Equal(expected, values);
        }, iter: 2_000);

    [Fact]
    public void Sort_AdversarialForQuicksort_StillSorts()
    {
        // Organ pipe and sawtooth shapes drive a median of three towards its worst case; the depth
        // bound then hands over to heapsort.
        int[][] shapes =
        [
            [.. Enumerable.Range(0, 50_000).Select(i => i < 25_000 ? i : 50_000 - i)],
            [.. Enumerable.Range(0, 50_000).Select(i => i % 17)],
            [.. Enumerable.Repeat(7, 10_000)],
        ];
        foreach (var values in shapes)
        {
            var expected = values.ToArray();
            Array.Sort(expected);
            SortedSets.Sort(values);
            Assert.Equal(expected, values);
        }
    }

    [Fact]
    public void SortDistinct_RandomValues_KeepsEachValueOnceInOrder() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var values = Enumerable.Range(0, random.Next(300)).Select(_ => random.Next(50)).ToList();
            var expected = values.Distinct().Order().ToArray();
            Assert.Equal(expected, SortedSets.SortDistinct(values));
        }, iter: 500);
}
