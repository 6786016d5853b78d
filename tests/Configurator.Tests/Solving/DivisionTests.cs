using System.Globalization;
using System.Numerics;
using Configurator.Modeling;
using Configurator.Rules;
using Configurator.Serialization;
using Configurator.Solving;
using CsCheck;

namespace Configurator.Tests.Solving;

/// <summary>Comparisons after a division are exact: the engine clears divisors; the reference here is rational arithmetic.</summary>
public class DivisionTests
{
    [Theory]
    [InlineData(SolverEngineKind.Search)]
    [InlineData(SolverEngineKind.Boolean)]
    [InlineData(SolverEngineKind.Diagram)]
    public void Count_ADivisionUndoneByAMultiplication_HoldsForEveryCount(SolverEngineKind engine)
    {
        // 1/3 has no exact decimal: 2 / 3 * 3 is 1.9999…9 in decimal, and the rule held only for 0 and 3 extras.
        Assert.Equal(8, (int)Count(engine, "count(extras) / 3 * 3 == count(extras)"));
        Assert.Equal(1, (int)Count(engine, "count(extras) / 3 in (1)"));
        Assert.Equal(4, (int)Count(engine, "count(extras) / 6 + count(extras) / 3 < 1"));
        Assert.Equal(5, (int)Count(engine, "-count(extras) / -7 * 7 != 2"));
    }

    [Fact]
    public void Comparisons_RandomRulesWithDivisions_MatchRationalArithmetic() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var rule = RandomRule(random);
            var model = Model(random, rule);
            var compiled = SmallModels.Compile(model, SmallModels.AnyEngine(random));
            var node = RuleParser.Parse(rule).Node!;
            var oracle = new BruteForceOracle(model with { Constraints = [] });
            var expected = oracle.AllCombinations().Where(c => Holds(node, c, model)).Select(c => BruteForceOracle.Key(c, model)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, compiled.Configurations().Select(s => SmallModels.Key(s, model)).Order(StringComparer.Ordinal));
            Assert.Equal(new BigInteger(expected.Count), compiled.Count());
        }, iter: 400, threads: 1, print: seed => RandomRule(new Random(seed)));

    private static BigInteger Count(SolverEngineKind engine, string rule) =>
        SmallModels.Compile(ProductModelJson.Load($$"""
            {
              "formatVersion": 1, "id": "division",
              "modules": [ { "id": "extras", "min": 0, "max": 3, "options": [ { "id": "x" }, { "id": "y" }, { "id": "z" } ] } ],
              "constraints": [ { "id": "rule", "rule": "{{rule}}" } ]
            }
            """).GetModelOrThrow(), engine).Count();

    /// <summary>Two single-select modules with a number each and a multi-select one, under one rule.</summary>
    private static ProductModel Model(Random random, string rule)
    {
        string Options(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i =>
            $$"""{ "id": "o{{i}}", "properties": { "w": {{(random.Next(25) / (random.Next(3) == 0 ? 2m : 1m)).ToString(CultureInfo.InvariantCulture)}} } }"""));
        return ProductModelJson.Load($$"""
            {
              "formatVersion": 1, "id": "division",
              "modules": [
                { "id": "a", "options": [ {{Options(4)}} ] },
                { "id": "b", "min": 0, "options": [ {{Options(3)}} ] },
                { "id": "c", "min": 0, "max": 3, "options": [ {{Options(3)}} ] }
              ],
              "constraints": [ { "id": "rule", "rule": "{{rule}}" } ]
            }
            """).GetModelOrThrow();
    }

    /// <summary>
    /// A comparison with divisions, often one whose sides are equal in exact arithmetic for some
    /// or all configurations (x / d * d against x, a sum of quotients against the quotient of the
    /// sum), which is where a decimal quotient's last digit decides.
    /// </summary>
    private static string RandomRule(Random random)
    {
        string[] divisors = ["3", "6", "7", "9", "11", "0.3", "-3", "2"];
        string Term(int depth) => (depth > 1 ? 3 + random.Next(3) : random.Next(6)) switch
        {
            0 => $"({Term(depth + 1)} + {Term(depth + 1)})",
            1 => $"({Term(depth + 1)} * {Term(depth + 1)})",
            2 => $"({Term(depth + 1)} - {Term(depth + 1)})",
            3 => "count(c)",
            4 => random.Next(10).ToString(CultureInfo.InvariantCulture),
            _ => "abc"[random.Next(3)] + ".w",
        };
        string Divisor() => divisors[random.Next(divisors.Length)];
        var (x, y, d) = (Term(0), Term(0), Divisor());
        string[] operators = ["==", "!=", "<", "<=", ">", ">="];
        var op = operators[random.Next(operators.Length)];
        return random.Next(5) switch
        {
            0 => $"{x} / {d} * {d} {op} {x}",
            1 => $"{x} / {d} + {y} / {d} {op} ({x} + {y}) / {d}",
            2 => $"{x} / {d} {op} {y} / {Divisor()}",
            3 => $"{x} / {d} * {Divisor()} in ({random.Next(6)}, {random.Next(4)}.5, -{random.Next(4)})",
            _ => $"{x} / {d} {op} {y}",
        };
    }

    /// <summary>The rule in exact rational arithmetic on a complete configuration.</summary>
    private static bool Holds(RuleNode node, Dictionary<string, string[]> configuration, ProductModel model)
    {
        Rational Value(RuleNode n) => n switch
        {
            NumberLiteral literal => Rational.Of(literal.Value),
            CountCall count => new Rational(configuration[count.Module].Length, 1),
            PropertyReference property => configuration[property.Module]
                .Select(o => Rational.Of(model.FindModule(property.Module)!.FindOption(o)!.Properties[property.Property].Number))
                .Aggregate(new Rational(0, 1), (sum, v) => sum + v),
            UnaryExpression { Operator: UnaryOperator.Negate } negate => -Value(negate.Operand),
            BinaryExpression { Operator: BinaryOperator.Add } b => Value(b.Left) + Value(b.Right),
            BinaryExpression { Operator: BinaryOperator.Subtract } b => Value(b.Left) - Value(b.Right),
            BinaryExpression { Operator: BinaryOperator.Multiply } b => Value(b.Left) * Value(b.Right),
            BinaryExpression { Operator: BinaryOperator.Divide } b => Value(b.Left) / Value(b.Right),
            _ => throw new InvalidOperationException(n.GetType().Name),
        };

        return node switch
        {
            InExpression @in => @in.Items.Any(item => Value(item).CompareTo(Value(@in.Subject)) == 0),
            BinaryExpression b => (b.Operator, Value(b.Left).CompareTo(Value(b.Right))) switch
            {
                (BinaryOperator.Equal, var c) => c == 0,
                (BinaryOperator.NotEqual, var c) => c != 0,
                (BinaryOperator.Less, var c) => c < 0,
                (BinaryOperator.LessOrEqual, var c) => c <= 0,
                (BinaryOperator.Greater, var c) => c > 0,
                (_, var c) => c >= 0,
            },
            _ => throw new InvalidOperationException(node.GetType().Name),
        };
    }

    private readonly record struct Rational(BigInteger Numerator, BigInteger Denominator) : IComparable<Rational>
    {
        public static Rational Of(decimal value)
        {
            var bits = decimal.GetBits(value);
            var mantissa = (new BigInteger((uint)bits[2]) << 64) | (new BigInteger((uint)bits[1]) << 32) | (uint)bits[0];
            return new Rational(value < 0 ? -mantissa : mantissa, BigInteger.Pow(10, (bits[3] >> 16) & 0xFF));
        }

        public static Rational operator +(Rational a, Rational b) => new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

        public static Rational operator -(Rational a, Rational b) => a + -b;

        public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator);

        public static Rational operator *(Rational a, Rational b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

        public static Rational operator /(Rational a, Rational b) => b.Numerator.Sign < 0
            ? new(-a.Numerator * b.Denominator, a.Denominator * -b.Numerator)
            : new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

        // Denominators stay positive, so cross-multiplying keeps the order.
        public int CompareTo(Rational other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);
    }
}
