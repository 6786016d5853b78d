using Configurator.Modeling;
using CsCheck;

namespace Configurator.Tests.Modeling;

/// <summary>
/// The map against a plain ordinal dictionary and a list of first appearances, on either side of
/// the size where it stops searching in order and keeps a hash lookup too.
/// </summary>
public class EquatableDictionaryPropertyTests
{
    [Fact]
    public void RandomEntries_WithRepeatedKeys_BehaveAsAnOrderedOrdinalDictionary() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var keyCount = random.Next(1, 40);
            var entries = Enumerable.Range(0, random.Next(0, 60))
                .Select(i => KeyValuePair.Create(random.Next(3) == 0 ? "K" + random.Next(keyCount) : "k" + random.Next(keyCount), i))
                .ToList();
            var map = new EquatableDictionary<int>(entries);

            var expected = new Dictionary<string, int>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var (key, value) in entries)
            {
                if (!expected.ContainsKey(key))
                {
                    order.Add(key);
                }

                expected[key] = value;
            }

            Assert.Equal(order, map.Keys);
            Assert.Equal(order.Select(k => expected[k]), map.Values);
            Assert.Equal(expected.Count, map.Count);
            for (var k = 0; k < keyCount; k++)
            {
                foreach (var key in new[] { "k" + k, "K" + k })
                {
                    Assert.Equal(expected.ContainsKey(key), map.ContainsKey(key));
                    Assert.Equal(expected.TryGetValue(key, out var value), map.TryGetValue(key, out var found));
                    Assert.Equal(value, found);
                    if (expected.TryGetValue(key, out var known))
                    {
                        Assert.Equal(known, map[key]);
                    }
                    else
                    {
                        Assert.Throws<KeyNotFoundException>(() => map[key]);
                    }
                }
            }

            // Equal to the same entries in another order, and hashed alike.
            var shuffled = new EquatableDictionary<int>(order.OrderBy(_ => random.Next()).Select(k => KeyValuePair.Create(k, expected[k])));
            Assert.Equal(map, shuffled);
            Assert.Equal(map.GetHashCode(), shuffled.GetHashCode());
        }, iter: 2000, threads: 1);
}
