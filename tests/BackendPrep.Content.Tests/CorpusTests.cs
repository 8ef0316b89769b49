using BackendPrep.Core.Study;

using BackendPrep.Testing;

namespace BackendPrep.Content.Tests;

/// <summary>The real corpus: it loads without a single problem and meets the minimums the product promises.</summary>
public sealed class CorpusTests
{
    private static readonly ContentLoadResult Loaded = ContentLoader.Load(RepoPaths.Content);

    private static StudyContent Content => Loaded.Content ?? throw new Xunit.Sdk.XunitException(
        "content/ has problems:\n" + string.Join('\n', Loaded.Problems));

    private static readonly string[] DeepTopics = ["request-lifecycle", "concurrency", "idempotency", "caching", "observability", "auth"];

    [Fact]
    public void Content_folder_has_no_problems()
    {
        Assert.Empty(Loaded.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Topics_follow_the_seed_study_plan_order()
    {
        Assert.Equal([.. DeepTopics, "nodejs", "devops"], Content.Topics.Select(t => t.Id));
        Assert.All(Content.Topics, t => Assert.Equal(Topic.StudySections, t.Sections.Select(s => s.Kind).Where(Topic.StudySections.Contains)));
    }

    [Fact]
    public void There_are_enough_prompts_on_every_topic()
    {
        Assert.True(Content.Prompts.Count >= 40, $"{Content.Prompts.Count} prompts; at least 40 expected");
        foreach (var topic in DeepTopics)
        {
            Assert.True(Content.Prompts.Count(p => p.TopicId == topic) >= 5, $"{topic} needs at least 5 prompts");
        }

        Assert.True(Content.Prompts.Count(p => p.TopicId == "nodejs") >= 3, "nodejs needs at least 3 prompts");
        Assert.True(Content.Prompts.Count(p => p.TopicId == "devops") >= 3, "devops needs at least 3 prompts");
        Assert.All(Content.Prompts, p => Assert.InRange(p.StaffFollowUps.Count, 1, 3));
    }

    [Theory]
    [InlineData("payment-webhook", "signature-verification,idempotency-key,transactional-boundary,at-least-once-retries,dead-letter-queue,replay-safety")]
    [InlineData("p99-after-deploy", "isolate-by-trace,inspect-waits-and-lag,rollback-guard,regression-metric")]
    [InlineData("cache-product-pages", "freshness-class,public-vs-personalized,ttl-invalidation,stampede-control,correctness-escape-hatch")]
    [InlineData("cross-tenant-leaks", "authz-near-data,tenant-predicates,object-level-checks,integration-tests,audit-logs")]
    [InlineData("queue-backlog", "arrival-vs-service-rate,consumer-saturation,poison-messages,partition-skew,backpressure")]
    public void The_seed_prompts_keep_their_ids(string promptId, string itemIds)
    {
        var prompt = Content.Prompt(promptId);

        Assert.NotNull(prompt);
        Assert.Equal(itemIds.Split(','), prompt.Rubric.Items.Select(i => i.Id));
    }

    [Fact]
    public void Cues_vocabulary_and_decks_meet_their_minimums()
    {
        Assert.True(Content.Deck(Deck.Cues).Count() >= 60, "at least 60 recognition cues");
        Assert.All(Content.Deck(Deck.Cues), c => Assert.InRange(c.Back.Count, 2, 4));
        Assert.True(Content.Terms.Count >= 40, "at least 40 vocabulary terms");
        Assert.NotEmpty(Content.Deck(Deck.Pitfalls));
        Assert.NotEmpty(Content.Deck(Deck.Hooks));
        foreach (var seedCue in new[] { "idempotent-webhook", "rate-limit-bursts", "hot-key-stampede", "saga-compensation", "exactly-once", "noisy-neighbor" })
        {
            Assert.NotNull(Content.Card(CardIds.For(Deck.Cues, seedCue)));
        }
    }

    [Fact]
    public void Reference_pages_templates_and_patterns_are_complete()
    {
        Assert.Equal(9, Content.Page(StudyContent.Ids.Basics)!.Sections.Count);
        Assert.Equal(6, Content.Checklist(StudyContent.Ids.AnswerTemplate)!.Parts.Count);
        Assert.Equal(5, Content.Checklist(StudyContent.Ids.IncidentTemplate)!.Parts.Count);
        Assert.Equal([12, 35, 15], Content.Patterns.OrderBy(p => p.Id).Select(p => (int)p.TimeBox.TotalMinutes));
        Assert.NotNull(Content.Page(StudyContent.Ids.Scripts));
        Assert.NotNull(Content.Page(StudyContent.Ids.FollowUps));
    }
}
