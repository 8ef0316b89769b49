using BackendPrep.Core.Prompts;
using static BackendPrep.Core.Tests.Attempts.PromptFixtures;

namespace BackendPrep.Core.Tests.Attempts;

public sealed class PromptPickerTests
{
    private static readonly InterviewPrompt CacheA = Prompt("cache-a", "caching", "ttl", "stampede");
    private static readonly InterviewPrompt CacheB = Prompt("cache-b", "caching", "ttl", "invalidation");
    private static readonly InterviewPrompt AuthA = Prompt("auth-a", "auth", "rls", "scopes");
    private static readonly InterviewPrompt AuthB = Prompt("auth-b", "auth", "rls", "audit");

    private static double WeightOf(IReadOnlyList<WeightedPrompt> weights, InterviewPrompt prompt) => weights.Single(w => w.Prompt == prompt).Weight;

    [Fact]
    public void A_topic_the_user_covers_poorly_weighs_more_than_one_they_cover_well()
    {
        var longAgo = Now.AddDays(-30);
        IReadOnlyList<PromptAttempt> history = [Attempt(CacheA, longAgo, covered: ["ttl", "stampede"]), Attempt(AuthA, longAgo)];

        var weights = PromptPicker.Weigh([CacheB, AuthB], history, Now);

        Assert.True(WeightOf(weights, AuthB) > 2 * WeightOf(weights, CacheB), $"auth {WeightOf(weights, AuthB)} vs caching {WeightOf(weights, CacheB)}");
    }

    [Fact]
    public void Within_one_topic_prompts_testing_items_the_user_misses_weigh_more()
    {
        var a = Prompt("a", "x", "shared", "missed-often");
        var b = Prompt("b", "x", "shared", "covered-often");
        var other = Prompt("other", "y", "missed-often", "covered-often");
        IReadOnlyList<PromptAttempt> history = [Attempt(other, Now.AddDays(-20), covered: ["covered-often"]), Attempt(other, Now.AddDays(-10), covered: ["covered-often"])];

        var weights = PromptPicker.Weigh([a, b], history, Now);

        Assert.True(WeightOf(weights, a) > WeightOf(weights, b));
    }

    [Theory]
    [InlineData(1.0 / 24, PromptPicker.MinFreshness)]
    [InlineData(3.5, 0.5)]
    [InlineData(8, 1.0)]
    public void A_recently_answered_prompt_is_weighed_down_until_the_window_passes(double daysAgo, double expected)
    {
        var weights = PromptPicker.Weigh([CacheA], [Attempt(CacheA, Now.AddDays(-daysAgo))], Now);

        Assert.Equal(expected, weights[0].Freshness, 3);
    }

    [Fact]
    public void A_prompt_only_shown_is_weighed_down_gently_and_answering_weighs_more()
    {
        var shown = new Dictionary<string, DateTimeOffset> { [CacheA.Id] = Now.AddHours(-1), [CacheB.Id] = Now.AddHours(-12) };

        var weights = PromptPicker.Weigh([CacheA, CacheB, AuthA], [Attempt(AuthA, Now.AddHours(-1))], Now, shown);

        Assert.Equal(PromptPicker.MinShownFreshness, weights[0].Freshness, 3);
        Assert.Equal(0.5, weights[1].Freshness, 3);
        Assert.Equal(PromptPicker.MinFreshness, weights[2].Freshness, 3);
    }

    [Fact]
    public void The_roulette_lands_where_the_injected_random_points()
    {
        // No history: equal weights, so 0.1 lands on the first and 0.9 on the last.
        Assert.Equal(CacheA, new PromptPicker(new FixedRandom(0.1)).Pick([CacheA, AuthA], [], Now));
        Assert.Equal(AuthA, new PromptPicker(new FixedRandom(0.9)).Pick([CacheA, AuthA], [], Now));

        // Answering CacheA a minute ago shrinks its slice, so 0.1 now lands on AuthA.
        Assert.Equal(AuthA, new PromptPicker(new FixedRandom(0.1)).Pick([CacheA, AuthA], [Attempt(CacheA, Now.AddMinutes(-1))], Now));
    }

    [Fact]
    public void Over_many_draws_the_weak_topic_comes_up_far_more_often()
    {
        var picker = new PromptPicker(new Random(42));
        var longAgo = Now.AddDays(-30);
        IReadOnlyList<PromptAttempt> history = [Attempt(CacheA, longAgo, covered: ["ttl", "stampede"]), Attempt(AuthA, longAgo)];

        var counts = Enumerable.Range(0, 4000).Select(_ => picker.Pick([CacheB, AuthB], history, Now)!.Id).CountBy(id => id).ToDictionary();

        Assert.True(counts["auth-b"] > 2 * counts["cache-b"], $"auth-b {counts["auth-b"]}, cache-b {counts["cache-b"]}");
    }

    [Fact]
    public void Random_mode_ignores_history_and_is_uniform()
    {
        var picker = new PromptPicker(new Random(7));
        IReadOnlyList<PromptAttempt> history = [Attempt(CacheA, Now.AddMinutes(-1)), Attempt(AuthA, Now.AddDays(-30), covered: ["rls", "scopes"])];
        InterviewPrompt[] all = [CacheA, CacheB, AuthA, AuthB];

        var counts = Enumerable.Range(0, 4000).Select(_ => picker.Pick(all, history, Now, uniform: true)!.Id).CountBy(id => id).ToDictionary();

        Assert.All(all, p => Assert.InRange(counts[p.Id], 850, 1150));
    }

    [Fact]
    public void Another_never_repeats_the_current_prompt_unless_it_is_the_only_one()
    {
        var picker = new PromptPicker(new Random(3));

        Assert.All(Enumerable.Range(0, 200), _ => Assert.NotEqual(CacheA, picker.Pick([CacheA, CacheB], [], Now, excludeId: CacheA.Id)));
        Assert.Equal(CacheA, picker.Pick([CacheA], [], Now, excludeId: CacheA.Id));
        Assert.Null(picker.Pick([], [], Now));
    }
}
