using BackendPrep.Core.Grading;

namespace BackendPrep.Core.Tests.Grading;

/// <summary>
/// The rule that combines the semantic signal with the lexical one, with a deterministic encoder: each text becomes a
/// vector of how often it uses each of a few marker words, so similarity is easy to reason about.
/// </summary>
public sealed class SemanticMatchingTests
{
    private static readonly string[] Markers = ["remember", "handled", "aside", "inspect", "hash", "bytes"];

    private static GradeResult Grade(string answer, double threshold = 0.5, double margin = 0.05, IReadOnlyCollection<string>? only = null,
        double leadThreshold = SemanticMatching.DefaultLeadThreshold, ISentenceEncoder? encoder = null)
    {
        var rubric = TestRubrics.Of(
            new(TestRubrics.Webhook.Items[1].Id, "remember handled deliveries", ["event id", "dedupe"], "?", new("prompts/t.md", 1)),
            new(TestRubrics.Webhook.Items[4].Id, "set aside to inspect", ["dead letter queue", "DLQ"], "?", new("prompts/t.md", 2)),
            new(TestRubrics.Webhook.Items[0].Id, "hash of the bytes", ["HMAC", "verify the signature"], "?", new("prompts/t.md", 3)));
        var grader = new AnswerGrader(new SemanticMatching(encoder ?? new MarkerEncoder(), threshold, margin) { LeadThreshold = leadThreshold });
        return grader.Grade("semantic-test", rubric, answer, only);
    }

    [Fact]
    public void A_sentence_close_to_an_item_earns_it_with_itself_as_evidence()
    {
        var result = Grade("We remember which deliveries were already handled by the consumer.");

        Assert.Equal(["idempotency"], result.Covered);
        Assert.Equal("We remember which deliveries were already handled by the consumer.", result.Item("idempotency")!.Evidence);
    }

    [Fact]
    public void Below_the_threshold_nothing_is_earned()
    {
        // Cosine with the dedupe item is 2 / (√3·√2) ≈ 0.82.
        const string answer = "We remember the bytes of deliveries the consumer already handled.";

        Assert.Equal(["idempotency"], Grade(answer, threshold: 0.8).Covered);
        Assert.Empty(Grade(answer, threshold: 0.85).Covered);
    }

    [Fact]
    public void A_sentence_with_a_negation_earns_nothing_by_similarity()
    {
        Assert.Empty(Grade("We would not remember which deliveries were already handled by the consumer.").Covered);
    }

    [Fact]
    public void A_sentence_whose_idea_the_lexical_rules_rejected_earns_nothing_by_similarity()
    {
        // "event id" is matched and judged a burden ("one more table to babysit"): the sentence takes a stance against
        // the idea, though it has no negator for the semantic filter to see.
        Assert.Empty(Grade("Remembering handled deliveries by event id is one more table to babysit.").Covered);

        // The same meaning without a rejected match still earns by similarity.
        Assert.Equal(["idempotency"], Grade("Remembering handled deliveries takes one table we babysit.").Covered);
    }

    [Fact]
    public void A_sentence_earns_only_items_near_its_best_one_unless_the_margin_is_wide()
    {
        // Cosine ≈ 0.82 with the dedupe item, ≈ 0.41 with the signature item: both above a 0.3 threshold.
        const string answer = "We remember the hash of deliveries we handled.";

        Assert.Equal(["idempotency"], Grade(answer, threshold: 0.3, margin: 0.05).Covered);
        Assert.Equal(["idempotency", "signature"], Grade(answer, threshold: 0.3, margin: 1).Covered);
    }

    [Fact]
    public void Lexical_evidence_is_kept_and_only_asked_items_are_graded()
    {
        var result = Grade("We dedupe on the event id. Anything failing is set aside for a person to inspect later.", only: ["idempotency", "dlq"]);

        Assert.Equal(["idempotency", "dlq"], result.Items.Select(i => i.ItemId));
        Assert.Equal("We dedupe on the event id.", result.Item("idempotency")!.Evidence);
        Assert.True(result.Item("dlq")!.Covered);
    }

    [Fact]
    public void A_comma_run_of_terms_earns_nothing_by_similarity()
    {
        Assert.Empty(Grade("Remember, handled, aside, inspect, hash, bytes.").Covered);
    }

    [Fact]
    public void In_an_answer_on_topic_a_sentence_earns_its_clearly_closest_item_below_the_threshold()
    {
        // The second sentence: cosine ≈ 0.82 with the dedupe item (below 0.9), ≈ 0.41 with the signature item.
        const string answer = "We verify the signature with HMAC. We remember the bytes of deliveries the consumer already handled.";

        var result = Grade(answer, threshold: 0.9);

        Assert.Equal(["idempotency", "signature"], result.Covered);
        Assert.Equal("We remember the bytes of deliveries the consumer already handled.", result.Item("idempotency")!.Evidence);
        Assert.Equal(["signature"], Grade(answer, threshold: 0.9, leadThreshold: 0).Covered);
    }

    [Fact]
    public void The_lower_bar_needs_the_topic_established_and_a_clear_lead()
    {
        // Alone, nothing shows the answer is about this prompt: off-topic text is always closest to some item.
        Assert.Empty(Grade("We remember the bytes of deliveries the consumer already handled.", threshold: 0.9).Covered);

        // Equally close (0.5) to the dedupe and the signature items: it proves neither.
        Assert.Equal(["signature"], Grade("We verify the signature with HMAC. We remember the bytes.", threshold: 0.9).Covered);
    }

    [Fact]
    public void An_encoder_that_serves_no_vectors_leaves_the_lexical_grade()
    {
        var result = Grade("We dedupe on the event id. Anything failing is set aside for a person to inspect later.", encoder: new UnavailableEncoder());

        Assert.Equal(["idempotency"], result.Covered);
    }

    /// <summary>A model that failed to load: no vectors at all.</summary>
    private sealed class UnavailableEncoder : ISentenceEncoder
    {
        public IReadOnlyList<float[]> Encode(IReadOnlyList<string> sentences) => [];
    }

    private sealed class MarkerEncoder : ISentenceEncoder
    {
        public IReadOnlyList<float[]> Encode(IReadOnlyList<string> sentences) =>
            [.. sentences.Select(s => Markers.Select(m => (float)s.Split([' ', ',', '.', ':'], StringSplitOptions.RemoveEmptyEntries).Count(w => w.StartsWith(m, StringComparison.OrdinalIgnoreCase))).ToArray())];
    }
}
