using Configurator.Internal;
using Configurator.Solving;

namespace Configurator.Tests.Internal;

/// <summary>The answers remembered per restriction: asked again they are not computed again, and the memory stays within its capacity.</summary>
public class RememberedAnswersTests
{
    [Fact]
    public void AnswerAskedAgain_IsRemembered_ForAnEqualRestrictionToo()
    {
        var memo = new RememberedAnswers<object>(10);
        var computed = 0;
        var first = memo.GetOrAdd(Fixed(0, 1), _ => new object[] { computed++ });
        var again = memo.GetOrAdd(Fixed(0, 1), _ => new object[] { computed++ });
        var other = memo.GetOrAdd(Fixed(1, 1), _ => new object[] { computed++ });

        Assert.Same(first, again);
        Assert.NotSame(first, other);
        Assert.Equal(2, computed);
    }

    [Fact]
    public void Full_ForgetsEverything_AndKeepsAtMostItsCapacity()
    {
        var memo = new RememberedAnswers<int>(3);
        var computed = 0;
        for (var round = 0; round < 2; round++)
        {
            for (var module = 0; module < 4; module++)
            {
                memo.GetOrAdd(Fixed(module, 0), _ => ++computed);
            }
        }

        // Four restrictions in turn through three places: each fourth forgets the three before it, so no round finds all of them.
        Assert.True(computed > 4, $"{computed} computed");
        Assert.Equal(computed, memo.GetOrAdd(Fixed(3, 0), _ => -1));
        Assert.Equal(0, new RememberedAnswers<int>(0).GetOrAdd(Fixed(0, 0), _ => 0));
    }

    [Fact]
    public void AnExceptionIsNotRemembered()
    {
        var memo = new RememberedAnswers<int>(10);
        Assert.Throws<OperationCanceledException>(() => memo.GetOrAdd(Fixed(0, 0), _ => throw new OperationCanceledException()));
        Assert.Equal(7, memo.GetOrAdd(Fixed(0, 0), _ => 7));
    }

    private static Restriction Fixed(int module, int value)
    {
        var restriction = new Restriction(4);
        restriction.Fix(module, value, 2);
        return restriction;
    }
}
