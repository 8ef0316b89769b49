using BackendPrep.Core.Grading;

namespace BackendPrep.Core.Tests.Grading;

/// <summary>
/// Stance at the level of the clause: who rejects the idea (a negated stance or refusal, a header before a colon, a
/// verbless judgement, "same with X"), and burdens stated as phrases. Each rejection is paired with a proposal in
/// similar words that keeps its credit.
/// </summary>
public sealed class StanceRuleTests
{
    private readonly AnswerGrader _grader = new();

    private IReadOnlyList<string> Covered(string answer) => _grader.Grade("payment-webhook", TestRubrics.Webhook, answer).Covered;

    [Theory]
    [InlineData("I don't agree with the advice to add a dead letter queue for a handler this small.")]
    [InlineData("Not a big fan of parking every failed event in a dead letter queue.")]
    [InlineData("I'm not sold on the idea of parking poison messages somewhere separate.")]
    public void A_negated_stance_rejects_the_rest_of_its_clause(string answer) =>
        Assert.DoesNotContain("dlq", Covered(answer));

    [Theory]
    [InlineData("I agree with the advice to add a dead letter queue for poison messages.")]
    [InlineData("Not a fan of losing orders, so poison messages go to a dead letter queue.")]
    public void Agreement_or_a_stance_on_something_else_keeps_the_credit(string answer) =>
        Assert.Contains("dlq", Covered(answer));

    [Fact]
    public void A_speaker_refusing_an_action_rejects_its_whole_predicate()
    {
        Assert.DoesNotContain("dlq", Covered("I wouldn't spend a week wiring the handler up to a dead letter queue."));
        Assert.DoesNotContain("dlq", Covered("We'd never build replay tooling around a dead letter queue for this."));

        // The refusal ends with its clause, and an outcome ("we wouldn't see…") is a fact, not a choice.
        Assert.Contains("dlq", Covered("I wouldn't retry forever, poison messages go to a dead letter queue."));
        Assert.Contains("dlq", Covered("We wouldn't see the queue stall, since every poison message goes to a dead letter queue."));
        Assert.Contains("idempotency", Covered("I wouldn't retry a charge unless the request carries an idempotency key."));
        Assert.Contains("signature", Covered("The one rule we never break: verify the signature before anything else."));
    }

    [Fact]
    public void A_header_that_rejects_rejects_what_its_colon_introduces()
    {
        Assert.DoesNotContain("dlq", Covered("Things I wouldn't bother with: a dead letter queue for three events a day."));
        Assert.DoesNotContain("dlq", Covered("What I wouldn't do: park poison messages in a separate queue."));

        Assert.Contains("dlq", Covered("What I'd build first: a dead letter queue for poison messages."));
        Assert.Contains("dlq", Covered("Why it doesn't matter: every poison message ends up in a dead letter queue."));
    }

    [Theory]
    [InlineData("Some teams set up a dead letter queue, a lot of work for an endpoint that fails twice a year.")]
    [InlineData("Some teams add a dead letter queue. Way too much ceremony for three events a day.")]
    [InlineData("Park the poison message in a dead letter queue, no thanks.")]
    public void A_verbless_judgement_refers_back_to_what_came_before(string answer) =>
        Assert.DoesNotContain("dlq", Covered(answer));

    [Theory]
    [InlineData("We park poison messages, a lot of teams do.")]
    [InlineData("We add a dead letter queue. A lot of work, but it pays for itself.")]
    public void A_clause_with_its_own_subject_or_a_concession_is_not_a_verbless_judgement(string answer) =>
        Assert.Contains("dlq", Covered(answer));

    [Fact]
    public void Same_with_carries_a_rejection_but_not_a_proposal()
    {
        Assert.DoesNotContain("dlq", Covered("We don't need tracing here. Same with the dead letter queue, I wouldn't build one."));
        Assert.DoesNotContain("dlq", Covered("Same with parking poison messages in a separate queue: little gain for the effort."));

        Assert.Contains("dlq", Covered("Same with the dead letter queue: poison messages wait there until ops replay them."));
    }

    [Theory]
    [InlineData("A dead letter queue is one more queue to babysit.")]
    [InlineData("A dead letter queue is yet another place that can hold a stale event.")]
    [InlineData("A dead letter queue is a single point of failure for every handler.")]
    [InlineData("A dead letter queue means changing every consumer we have.")]
    [InlineData("A dead letter queue is extra ceremony for a first release.")]
    [InlineData("A dead letter queue is twice the ops work.")]
    [InlineData("Dead letter queues are mostly buzzwords for a shop our size.")]
    public void Burdens_stated_as_phrases_reject_their_subject(string answer) =>
        Assert.DoesNotContain("dlq", Covered(answer));

    [Theory]
    [InlineData("A dead letter queue is one more reason to sleep well at night.")]
    [InlineData("A dead letter queue is another layer that stops a poison message from blocking the queue.")]
    [InlineData("A dead letter queue is worth changing every consumer for.")]
    [InlineData("A dead letter queue is a lot of work and we keep it anyway.")]
    public void Praise_and_conceded_burdens_keep_the_credit(string answer) =>
        Assert.Contains("dlq", Covered(answer));

    [Fact]
    public void Anyway_concedes_only_when_the_speaker_goes_ahead()
    {
        Assert.DoesNotContain("dlq", Covered("A dead letter queue is double the work, and failures are rare anyway."));
        Assert.Contains("dlq", Covered("A dead letter queue is double the work, and we build it anyway."));
    }

    [Fact]
    public void Hiding_breaking_and_failing_to_save_reject_their_subject()
    {
        Assert.DoesNotContain("dlq", Covered("A dead letter queue just hides bugs."));
        Assert.DoesNotContain("dlq", Covered("A dead letter queue wouldn't have saved us here."));

        Assert.Contains("dlq", Covered("A dead letter queue saved us twice last year."));
        Assert.Contains("dlq", Covered("A dead letter queue keeps the poison message that breaks the handler out of the way."));
    }

    [Fact]
    public void A_quoted_name_is_judged_by_the_predicate_after_it()
    {
        Assert.DoesNotContain("dlq", Covered("\"Park every poison message\" is overkill for three events a day."));
        Assert.Contains("dlq", Covered("\"Park every poison message\" is the rule, and ops replay them after a fix."));
    }

    [Fact]
    public void A_judgement_inside_a_single_clause_match_rejects_it()
    {
        Assert.DoesNotContain("idempotency", Covered("Processed events mean changing every table we own."));
        Assert.Contains("idempotency", Covered("Processed events go into their own table."));
    }

    [Theory]
    [InlineData("A dead letter queue would be nice, but we won't bother.")]
    [InlineData("A dead letter queue is a fine idea, but not for us.")]
    [InlineData("Parking poison messages is a good habit. But not yet.")]
    public void A_concession_answered_by_a_bare_refusal_rejects_the_idea(string answer) =>
        Assert.DoesNotContain("dlq", Covered(answer));

    [Theory]
    [InlineData("Poison messages go to a dead letter queue, but never more than a few a day.")]
    [InlineData("We use a dead letter queue, but not for every error.")]
    [InlineData("We use a dead letter queue, but we don't replay automatically.")]
    public void A_contrast_that_negates_its_own_words_keeps_the_credit(string answer) =>
        Assert.Contains("dlq", Covered(answer));

    [Fact]
    public void A_deferral_puts_the_idea_off()
    {
        Assert.DoesNotContain("dlq", Covered("We could add a dead letter queue later if volume grows."));
        Assert.DoesNotContain("dlq", Covered("We can always park poison messages somewhere down the road."));
        Assert.DoesNotContain("dlq", Covered("The dead letter queue can wait."));

        Assert.Contains("dlq", Covered("Poison messages go to a dead letter queue and ops replay them later."));
        Assert.Contains("dlq", Covered("Failed events are kept aside so we can inspect each poison message later."));
        Assert.Contains("dlq", Covered("We can park poison messages in a dead letter queue so they never block the queue."));
    }

    [Fact]
    public void Instead_of_rejects_all_of_its_object_up_to_the_main_subject()
    {
        Assert.DoesNotContain("dlq", Covered("Rather than building a whole dead letter queue, retry twice and log it."));
        Assert.DoesNotContain("dlq", Covered("Just log it instead of wiring up a separate dead letter queue."));

        Assert.Contains("dlq", Covered("Instead of retrying forever we park poison messages in a dead letter queue."));
    }

    [Fact]
    public void A_comparative_of_preference_rejects_what_it_is_compared_with()
    {
        Assert.DoesNotContain("dlq", Covered("Just log the failure and move on, way simpler than running a dead letter queue."));
        Assert.Contains("dlq", Covered("A dead letter queue is simpler than retrying forever."));
    }

    [Fact]
    public void A_bare_not_clause_disowns_what_came_before()
    {
        Assert.DoesNotContain("dlq", Covered("A dead letter queue is the platform team's job, not ours."));
        Assert.Contains("dlq", Covered("Poison messages go to a dead letter queue, not to the main retry loop."));
    }

    [Fact]
    public void A_speaker_refusing_anything_done_with_the_referent_rejects_it()
    {
        Assert.DoesNotContain("dlq", Covered("Poison messages are rare these days, I wouldn't design around them."));
        Assert.Contains("dlq", Covered("Poison messages go to a dead letter queue, I wouldn't drop them."));
    }

    [Fact]
    public void What_others_propose_is_judged_by_the_next_sentence()
    {
        Assert.DoesNotContain("dlq", Covered("I see people recommend a dead letter queue, with a replay tool on top. Way too much ceremony."));

        // The speaker's own proposal in the same position keeps it: only its last clause is judged by the next sentence.
        Assert.Contains("dlq", Covered("We add a dead letter queue, with a replay tool on top. Way too much ceremony for the replay tool."));
        Assert.Contains("dlq", Covered("I see people recommend a dead letter queue, and they are right. We add one too."));
    }

    [Fact]
    public void A_speaker_preferring_something_else_rejects_what_came_before()
    {
        Assert.DoesNotContain("dlq", Covered("A dead letter queue just piles up, I'd rather the handler crash loudly."));

        Assert.Contains("dlq", Covered("Poison messages go to a dead letter queue, I'd rather replay by hand than lose orders."));
        Assert.Contains("dlq", Covered("Poison messages go to a dead letter queue, I'd rather be safe."));
    }
}
