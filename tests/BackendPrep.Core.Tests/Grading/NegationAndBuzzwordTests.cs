using BackendPrep.Core.Grading;

namespace BackendPrep.Core.Tests.Grading;

public sealed class NegationAndBuzzwordTests
{
    private readonly AnswerGrader _grader = new();

    private GradeResult Grade(string answer) => _grader.Grade("payment-webhook", TestRubrics.Webhook, answer);

    [Fact]
    public void Negation_carries_across_an_or_list()
    {
        var result = Grade("We wouldn't add any retries, backoff or dead letter queue to this handler.");

        Assert.DoesNotContain("dlq", result.Covered);
        Assert.DoesNotContain("retries", result.Covered);
    }

    [Fact]
    public void Dismissive_negators_reach_further()
    {
        Assert.DoesNotContain("dlq", Grade("There's no point worrying about a poison message in a handler this small.").Covered);
        Assert.Contains("dlq", Grade("There's no retry loop here; a poison message goes straight to the parking lot.").Covered);
    }

    [Fact]
    public void Clause_breaks_end_the_negation()
    {
        Assert.Contains("dlq", Grade("We don't retry forever, but we do park failures in a DLQ.").Covered);
        Assert.DoesNotContain("dlq", Grade("We don't retry forever or keep a DLQ for failures here.").Covered);
    }

    [Fact]
    public void Bullet_list_of_fragments_earns_nothing_but_terse_sentences_among_prose_do()
    {
        Assert.Empty(Grade("- signing secret for webhooks\n- per event ids\n- the DLQ\n- with backoff").Covered);

        var prose = Grade("Verify HMAC signatures.\nThen we dedupe on the provider's event id before touching the order row.\nAfter that we commit everything in the same transaction.");
        Assert.Equal(["signature", "idempotency", "transaction"], prose.Covered);
    }

    [Theory]
    [InlineData("A dead letter queue is overkill for a handler this small.")]
    [InlineData("Honestly a DLQ is over-engineering for this volume.")]
    [InlineData("Parking poison messages is more trouble than it's worth here.")]
    [InlineData("A dead letter queue would be an extra moving part for no reason.")]
    [InlineData("Poison message handling in particular is a rabbit hole.")]
    [InlineData("Setting up a DLQ for this feels like bureaucracy to me.")]
    [InlineData("Replaying from a parking lot by hand is risky.")]
    [InlineData("A DLQ adds a queue to watch for little gain.")]
    [InlineData("Poison messages are a non-issue with this provider.")]
    [InlineData("I don't want to deal with a dead letter queue.")]
    [InlineData("The DLQ argument is overblown.")]
    [InlineData("I'm less convinced about a dead letter queue for this.")]
    [InlineData("I'd be sceptical of a dead letter queue here.")]
    [InlineData("In my experience nobody replays a dead letter queue.")]
    public void Evaluative_dismissals_without_a_negator_reject_what_they_describe(string answer) =>
        Assert.DoesNotContain("dlq", Grade(answer).Covered);

    [Fact]
    public void A_dismissal_stays_with_its_own_subject()
    {
        // The comma ends the dismissed clause; "because" starts a new subject inside one.
        var instead = Grade("Exponential backoff is overkill here, so failures go straight to a dead letter queue instead.");
        Assert.Contains("dlq", instead.Covered);
        Assert.DoesNotContain("retries", instead.Covered);

        Assert.Contains("dlq", Grade("We park every poison message in a DLQ because replaying them by hand is risky.").Covered);
    }

    [Theory]
    [InlineData("Some teams add a dead letter queue here. That's over-engineering for this volume.")]
    [InlineData("You could park poison messages somewhere, but for this handler that's overkill.")]
    [InlineData("We could keep a dead letter queue for the handler. That's expensive and fiddly to run.")]
    [InlineData("We could park poison messages in a dead letter queue, which the on-call team hates.")]
    [InlineData("We could hold failures in a parking lot for replay, which in practice never happens.")]
    [InlineData("A dead letter queue is fiddly and error-prone for a handler this small.")]
    [InlineData("A dead letter queue adds a lot of operational overhead for a handler this small.")]
    [InlineData("Poison messages are a non-issue with this provider's retries.")]
    [InlineData("Replaying a dead letter queue by hand costs time we can't afford.")]
    public void A_judgement_tied_back_to_the_idea_rejects_it(string answer) =>
        Assert.DoesNotContain("dlq", Grade(answer).Covered);

    [Fact]
    public void A_dismissal_between_the_matched_words_rejects_the_match()
    {
        // The match spans "retry … backoff"; the dismissal sits inside it, not after it.
        Assert.DoesNotContain("retries", Grade("Retrying is overkill with backoff.").Covered);
        Assert.Contains("retries", Grade("Retrying with exponential backoff is how we ride out a provider outage.").Covered);
    }

    [Theory]
    [InlineData("We keep a dead letter queue for poison messages. It's a bit fiddly to run, but worth it.")]
    [InlineData("We keep a dead letter queue for poison messages, though it's expensive at our volume.")]
    [InlineData("A dead letter queue adds a lot of operational overhead, but we still keep one for poison messages.")]
    [InlineData("We park poison messages in a dead letter queue, which the on-call team replays after a fix.")]
    [InlineData("We park poison messages in a dead letter queue. That's where the on-call engineer looks first.")]
    [InlineData("We can't afford to lose an order, so repeated failures go to a dead letter queue.")]
    public void Trade_off_talk_and_neutral_references_keep_their_credit(string answer) =>
        Assert.Contains("dlq", Grade(answer).Covered);

    [Fact]
    public void Two_determiner_negations_do_not_cancel_but_a_negated_skip_still_does()
    {
        Assert.DoesNotContain("dlq", Grade("No retries means no dead letter queue to look after.").Covered);
        Assert.Contains("signature", Grade("No engineer skips the signature check on this endpoint.").Covered);
    }

    [Fact]
    public void A_sentence_shaped_as_a_list_of_names_earns_nothing_however_few_items_it_matches()
    {
        // Many unmatched names used to dilute the words-per-item rule; the list shape alone now decides.
        Assert.Empty(Grade("Webhook best practices: HMAC signatures, Svix or Hookdeck, event ids, Kafka, the outbox pattern, Temporal, DLQ, OpenTelemetry.").Covered);
        Assert.Empty(Grade("Stripe with idempotency keys and HMAC, SQS or Kafka, Redis locks, DLQ, Sentry, Datadog.").Covered);

        // The same names as the subject of a real predicate, or among clauses with verbs, still state something.
        Assert.Contains("dlq", Grade("Kafka, SQS, RabbitMQ and Pub/Sub all give us a dead letter queue we can replay from after a fix.").Covered);
        var clauses = Grade("We verify the HMAC signature, dedupe on the event id, retry with backoff, and park poison messages.");
        Assert.Equal(["signature", "idempotency", "retries", "dlq"], clauses.Covered);
    }

    [Theory]
    [InlineData("Event id deduping.")]
    [InlineData("HMAC signature-at-rest.")]
    [InlineData("DLQ ReDoS.")]
    public void Short_fragments_get_no_grammar_from_gerunds_or_the_parts_of_names(string answer) =>
        Assert.Empty(Grade(answer).Covered);

    [Fact]
    public void Short_sentences_with_a_finite_verb_still_count()
    {
        Assert.Contains("idempotency", Grade("Dedupe on event id.").Covered);
        Assert.Contains("signature", Grade("Verify every signature.").Covered);
    }
}
