using BackendPrep.Core.Grading;

namespace BackendPrep.Core.Tests.Grading;

public sealed class AnswerGraderTests
{
    private readonly AnswerGrader _grader = new();

    private GradeResult Grade(string answer) => _grader.Grade("payment-webhook", TestRubrics.Webhook, answer);

    [Fact]
    public void Multi_word_concept_matches_in_any_order_and_form()
    {
        var result = Grade("The signatures are verified against the provider's secret before anything else happens.");

        Assert.Equal(["signature"], result.Covered);
    }

    [Fact]
    public void Multi_word_concept_needs_its_words_close_together()
    {
        var near = Grade("We retry the call with a jittered backoff between attempts.");
        var far = Grade("We retry the call several times when the downstream provider answers slowly, and there is a backoff somewhere.");

        Assert.Contains("retries", near.Covered);
        Assert.DoesNotContain("retries", far.Covered);
    }

    [Fact]
    public void Concept_words_must_share_one_sentence()
    {
        var result = Grade("We store the event. The id is logged for later.");

        Assert.DoesNotContain("idempotency", result.Covered);
    }

    [Fact]
    public void Hyphenated_and_joined_forms_meet()
    {
        Assert.Contains("retries", Grade("Delivery is at least once, so every handler must cope with repeats.").Covered);
        Assert.Contains("dlq", Grade("Messages that keep failing go to a dead-letter queue for a human to look at.").Covered);
    }

    [Theory]
    [InlineData("We wouldn't bother with a DLQ for this handler.")]
    [InlineData("There is no dead letter queue in this design at all.")]
    [InlineData("We would process the message without a DLQ behind it.")]
    [InlineData("Honestly a DLQ isn't needed for webhooks like these.")]
    [InlineData("We keep retrying forever instead of a parking lot for failures.")]
    public void Negated_concept_earns_nothing(string answer) =>
        Assert.DoesNotContain("dlq", Grade(answer).Covered);

    [Theory]
    [InlineData("Failures go to a DLQ, not back into the main queue.")]
    [InlineData("Without a DLQ, a poison message would block the whole queue forever.")]
    [InlineData("We never skip the DLQ when a message fails five times in a row.")]
    [InlineData("Not only do we keep a DLQ, we alert on its depth as well.")]
    public void Negation_elsewhere_in_the_sentence_does_not_cancel_the_concept(string answer) =>
        Assert.Contains("dlq", Grade(answer).Covered);

    [Fact]
    public void Stated_invariant_with_no_counts_but_a_refusal_does_not()
    {
        Assert.Contains("invariant", Grade("The invariant is that we must ensure no double charge can ever happen.").Covered);
        Assert.Contains("invariant", Grade("Whatever happens, a customer is never double charged for one order.").Covered);
        Assert.DoesNotContain("invariant", Grade("We worry about a double charge only when the provider is slow.").Covered);
        Assert.DoesNotContain("signature", Grade("We would not verify the signature because it is slow.").Covered);
    }

    [Fact]
    public void Acronym_matches_only_what_the_content_lists()
    {
        Assert.Contains("dlq", Grade("Anything that fails five times lands in the DLQ for review.").Covered);
        Assert.Contains("signature", Grade("We check the HMAC header on every request we receive.").Covered);
        Assert.DoesNotContain("signature", Grade("We check the MAC header on every request we receive.").Covered);
    }

    [Fact]
    public void Acronym_plurals_and_british_spellings_match()
    {
        var rubric = TestRubrics.Of(
            TestRubrics.Item("dlq", "DLQ"),
            TestRubrics.Item("behaviour", "failure behavior", "normalize the input"));

        var result = _grader.Grade("p", rubric, "Both of our DLQs are drained daily. We document the failure behaviour and we normalise the input first.");

        Assert.Equal(["dlq", "behaviour"], result.Covered);
    }

    [Fact]
    public void Evidence_is_the_original_sentence_text()
    {
        const string answer = "First we **verify the HMAC** with the signing secret!\nThen we dedupe on the event id in a table.";

        var result = Grade(answer);

        Assert.Equal("First we **verify the HMAC** with the signing secret!", result.Item("signature")!.Evidence);
        Assert.Equal("Then we dedupe on the event id in a table.", result.Item("idempotency")!.Evidence);
        Assert.Null(result.Item("dlq")!.Evidence);
        Assert.Equal(2.0 / 6, result.Score, 3);
        Assert.Equal(["transaction", "retries", "dlq", "invariant"], result.Missed);
    }

    [Fact]
    public void Keyword_lists_earn_nothing_but_a_real_sentence_does()
    {
        Assert.Empty(Grade("signature idempotency DLQ retries").Covered);
        Assert.Empty(Grade("- HMAC\n- event id\n- DLQ\n- exponential backoff").Covered);
        Assert.Empty(Grade("We use HMAC, event ids, DLQ, outbox, backoff.").Covered);

        var real = Grade("We verify the HMAC signature, dedupe on the provider's event id, and send repeated failures to a DLQ.");
        Assert.Equal(["signature", "idempotency", "dlq"], real.Covered);
    }

    [Fact]
    public void Follow_up_grades_only_the_asked_items_and_merges_into_the_attempt()
    {
        var first = Grade("We verify the HMAC signature on each request before parsing it.");
        Assert.Equal(["signature"], first.Covered);

        var followUp = _grader.Grade("payment-webhook", TestRubrics.Webhook,
            "We dedupe on the event id, and we also verify the signature again.", first.Missed);

        Assert.Equal(first.Missed, followUp.Items.Select(i => i.ItemId));
        Assert.Equal(["idempotency"], followUp.Covered);
        Assert.Equal(1.0 / 5, followUp.Score, 3);

        var merged = GradeResult.Merge(first, followUp);
        Assert.Equal(["signature", "idempotency"], merged.Covered);
        Assert.Equal(first.Item("signature")!.Evidence, merged.Item("signature")!.Evidence);
        Assert.Equal(2.0 / 6, merged.Score, 3);
        Assert.Equal(6, merged.Items.Count);
    }

    [Fact]
    public void Prompt_overload_grades_against_the_prompts_rubric()
    {
        var prompt = new Core.Prompts.InterviewPrompt("payment-webhook", "idempotency", Core.Prompts.Level.Senior, "Webhook", "Design it.",
            TestRubrics.Webhook, [], new Core.Study.SourceRef("prompts/payment-webhook.md", 1));

        var all = _grader.Grade(prompt, "We dedupe every delivery on the provider's event id.");
        var subset = _grader.Grade(prompt, "We dedupe every delivery on the provider's event id.", ["dlq", "idempotency"]);

        Assert.Equal(["idempotency"], all.Covered);
        Assert.Equal(["idempotency", "dlq"], subset.Items.Select(i => i.ItemId));
        Assert.Equal(0.5, subset.Score, 3);
    }

    [Fact]
    public void Grader_recompiles_when_a_new_rubric_arrives_for_the_same_prompt()
    {
        var before = _grader.Grade("p", TestRubrics.Of(TestRubrics.Item("a", "alpha")), "We rely on alpha for this part.");
        var after = _grader.Grade("p", TestRubrics.Of(TestRubrics.Item("a", "beta")), "We rely on alpha for this part.");

        Assert.True(before.Item("a")!.Covered);
        Assert.False(after.Item("a")!.Covered);
    }

    [Fact]
    public void Hostile_input_never_throws()
    {
        string[] answers =
        [
            "",
            "   \n\n  ",
            new string('a', 4000),
            string.Concat(Enumerable.Repeat("dlq ", 1000)),
            string.Concat(Enumerable.Repeat("We verify the signature. ", 160)),
            "ve\u200Brify the sig\u200Dnature\uFEFF with HM\u00ADAC in every request",
            "[verify the signature](javascript:alert(1)) ```` **__~~`` <@everyone> ||spoiler|| # # # - - - 1. 2)",
            "\uD83D\uDE00\uD83D\uDE00 \u0000\u0001 \uD800 ??? ... ;;; ---",
            "we verify the \uD800 signature \uDC00 with an HMAC \uD83D\uDE00 on every request",
        ];

        foreach (var answer in answers)
        {
            var result = Grade(answer);
            Assert.Equal(6, result.Items.Count);
            Assert.InRange(result.Score, 0, 1);
        }

        Assert.Empty(Grade("").Covered);
        Assert.Contains("signature", Grade(answers[5]).Covered);
        Assert.Contains("signature", Grade(answers[^1]).Covered);
    }

    [Fact]
    public void Grader_is_safe_to_share_across_threads()
    {
        var results = Enumerable.Range(0, 200).AsParallel()
            .Select(i => _grader.Grade(i % 2 == 0 ? "a" : "b", TestRubrics.Webhook, "We verify the HMAC signature before doing anything with the body."))
            .ToList();

        Assert.All(results, r => Assert.Equal(["signature"], r.Covered));
    }
}
