using BackendPrep.Core.Study;

namespace BackendPrep.Core.Tests;

public sealed class TopicFinderTests
{
    private static Topic T(string id, string title, int order, params string[] aliases) =>
        new(id, title, order, aliases, "why", [], [], new SourceRef("f", 1));

    private static readonly TopicFinder Finder = new(
    [
        T("request-lifecycle", "Request lifecycle & timeouts", 1, "deadlines"),
        T("idempotency", "Idempotency & at-least-once", 3, "dedupe"),
        T("caching", "Caching & consistency", 4, "cache", "redis"),
        T("auth", "AuthN/Z, sessions & JWT", 6, "jwt", "oauth"),
        T("concurrency", "Concurrency & async", 2),
    ]);

    [Theory]
    [InlineData("idem", "idempotency")]
    [InlineData("jwt", "auth")]
    [InlineData("cache", "caching")]
    [InlineData("Request", "request-lifecycle")]
    [InlineData("dedupe", "idempotency")]
    public void Clear_partial_input_resolves_to_one_topic(string typed, string expected)
    {
        Assert.Equal(expected, Finder.Resolve(typed)?.Id);
    }

    [Theory]
    [InlineData("c")]
    [InlineData("cachng")]
    [InlineData("zzz")]
    public void Ambiguous_or_misspelt_input_does_not_guess(string typed)
    {
        Assert.Null(Finder.Resolve(typed));
    }

    [Fact]
    public void Search_ranks_typos_and_lists_everything_for_empty_input()
    {
        Assert.Equal("caching", Finder.Search("cachng")[0].Id);
        Assert.Equal(["request-lifecycle", "concurrency", "idempotency", "caching", "auth"], Finder.Search("").Select(t => t.Id));
        Assert.Contains(Finder.Search("c"), t => t.Id == "concurrency");
        Assert.Empty(Finder.Search("zzz"));
    }
}
