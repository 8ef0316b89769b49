using BackendPrep.Core.Grading;

namespace BackendPrep.Core.Tests.Grading;

/// <summary>Tokenising, sentence cutting and stemming, observed through what the grader matches.</summary>
public sealed class TextPipelineTests
{
    private readonly AnswerGrader _grader = new();

    private bool Covers(string concept, string answer) =>
        _grader.Grade("t:" + concept, TestRubrics.Of(TestRubrics.Item("x", concept)), answer).Item("x")!.Covered;

    [Theory]
    [InlineData("p99", "Our p99 doubled right after the Tuesday deploy went out.")]
    [InlineData("5xx", "We return 5xx so that the provider retries the delivery later.")]
    [InlineData("read/write", "It splits read/write traffic between the primary and the replicas.")]
    [InlineData("read write", "It splits read/write traffic between the primary and the replicas.")]
    [InlineData("at-least-once", "The broker gives us at least once delivery for every message.")]
    [InlineData("event id", "We keep the event_id column unique in the inbox table.")]
    [InlineData("node.js", "The service runs on Node.js behind a small proxy layer.")]
    [InlineData("N+1", "That endpoint has an N+1 problem when it loads the line items.")]
    [InlineData("rollback", "We would roll back the deploy as soon as the alert fires.")]
    [InlineData("back pressure", "The consumer applies backpressure when its buffer fills up.")]
    [InlineData("verify the signature", "Signature verification happens before we parse the body.")]
    [InlineData("retry", "The client retries twice before it gives up on the call.")]
    [InlineData("shard", "One partition takes most of the writes because of the key choice.")]
    [InlineData("sync over async", "The handler waits synchronously over an async call on a pool thread.")]
    [InlineData("Cache-Control private", "Personal pages are sent with cache control set to private.")]
    public void Matches_written_forms(string concept, string answer) => Assert.True(Covers(concept, answer));

    [Theory]
    [InlineData("id", "I'd keep the order in the database until it is paid.")]
    [InlineData("well", "We'll keep the order in the database until it is paid.")]
    [InlineData("p95", "Our p99 doubled right after the Tuesday deploy went out.")]
    [InlineData("exactly-once", "The broker gives us at least once delivery for every message.")]
    public void Does_not_match_lookalikes(string concept, string answer) => Assert.False(Covers(concept, answer));

    [Theory]
    [InlineData("retry the call", "Make every call to the ledger retryable without side effects.")]
    [InlineData("cache the page", "Mark the category page as cacheable for five minutes at the edge.")]
    [InlineData("scale out", "The worker tier has to be scalable out to twenty nodes.")]
    [InlineData("scalability", "The worker tier has to scale out to twenty nodes.")]
    [InlineData("readable logs", "Keep the logs readable by the on-call engineer.")]
    public void A_short_base_meets_its_able_form(string concept, string answer) => Assert.True(Covers(concept, answer));

    [Fact]
    public void Able_words_with_a_short_base_keep_their_own_stem()
    {
        // "disable" is not "dis" + able, nor "capable" a "cap" (which folds to "limit").
        Assert.True(Covers("disable the flag", "The flag stays disabled until the migration lands."));
        Assert.False(Covers("cap retries", "The team is capable of handling retries by hand."));
    }

    [Fact]
    public void Sentences_break_on_lines_and_stops_but_not_inside_tokens_or_abbreviations()
    {
        const string answer = "Use a cache, e.g. Redis with a TTL of 0.5 days.\n1. Purge on every change event from the catalog.";

        var result = _grader.Grade("t:split", TestRubrics.Of(TestRubrics.Item("ttl", "TTL"), TestRubrics.Item("purge", "purge")), answer);

        Assert.Equal("Use a cache, e.g. Redis with a TTL of 0.5 days.", result.Item("ttl")!.Evidence);
        Assert.Equal("1. Purge on every change event from the catalog.", result.Item("purge")!.Evidence);
    }

    [Fact]
    public void Markdown_and_invisible_characters_do_not_split_or_hide_words()
    {
        Assert.True(Covers("dead letter queue", "> Failures go to a **dead-letter** `queue` after five tries."));
        Assert.True(Covers("signature", "We check the sig\u200Bnature with a constant time compare."));
        Assert.True(Covers("cafe", "The caf\u00E9 service owns this table in our design."));
        Assert.False(Covers("example", "See [the docs](https://example.com/retries) for the retry policy."));
    }

    [Fact]
    public void Stem_cache_and_stemmer_agree_on_british_and_american_forms()
    {
        Assert.True(Covers("serialize the writes", "We serialise all the writes through one queue."));
        Assert.True(Covers("analyze the traces", "I'd analyse the slow traces first thing."));
        Assert.True(Covers("cancel the order", "The order is cancelled when the payment fails."));
    }
}

public sealed class TypoToleranceTests
{
    private readonly AnswerGrader _grader = new();

    private bool Covers(string concept, string answer) =>
        _grader.Grade("typo:" + concept, TestRubrics.Of(TestRubrics.Item("x", concept)), answer).Item("x")!.Covered;

    [Theory]
    [InlineData("verify the signature", "We verify the signiture on every webhook we receive.")]
    [InlineData("circuit breaker", "Each dependency sits behind a circiut breaker so one cannot starve the rest.")]
    [InlineData("idempotency key", "The client sends an idempotancy key with each payment.")]
    [InlineData("separate pool", "Slow reports run in a seperate pool of workers.")]
    public void One_typo_in_a_long_word_still_matches(string concept, string answer) => Assert.True(Covers(concept, answer));

    [Theory]
    [InlineData("DLQ", "We put failures in the DLR for later review by a human.")]
    [InlineData("cache", "We catch the exception and return a clear error to the caller.")]
    [InlineData("signature", "We verify the sgnatrue on every webhook we receive.")]
    public void Short_words_and_two_typos_do_not(string concept, string answer) => Assert.False(Covers(concept, answer));
}
