using BackendPrep.Core.Grading;

namespace BackendPrep.Core.Tests.Grading;

/// <summary>
/// The verdict rule: an idea as the subject of a clause whose predicate, read as a whole, judges it. Each rejection is
/// paired with a proposal of the same shape whose predicate is positive, or whose bad word sits in the object, and
/// which keeps its credit.
/// </summary>
public sealed class VerdictRuleTests
{
    private readonly AnswerGrader _grader = new();

    private IReadOnlyList<string> Covered(string answer) => _grader.Grade("payment-webhook", TestRubrics.Webhook, answer).Covered;

    [Theory]
    [InlineData("Parking poison messages in a dead letter queue is a rabbit hole.")]
    [InlineData("A dead letter queue for this handler is busywork for the sake of process.")]
    [InlineData("Retrying with backoff is micro-optimisation for a webhook this small.")]
    [InlineData("A dead letter queue is a red herring here.")]
    public void A_verdict_heading_the_complement_rejects_its_subject(string answer) =>
        Assert.Empty(Covered(answer).Intersect(["dlq", "retries"]));

    [Theory]
    [InlineData("Parking poison messages in a dead letter queue is what keeps the queue moving.")]
    [InlineData("A dead letter queue for this handler is a way to avoid a rabbit hole of manual replays.")]
    [InlineData("Retrying with backoff is the standard answer to a provider that drops requests under load.")]
    public void A_positive_complement_keeps_the_credit_even_with_a_bad_word_after_it(string answer) =>
        Assert.NotEmpty(Covered(answer).Intersect(["dlq", "retries"]));

    [Fact]
    public void Words_of_harm_judge_an_action_or_a_hypothetical_but_describe_a_problem_otherwise()
    {
        Assert.DoesNotContain("signature", Covered("Verifying the signature on every event is ugly and slow."));
        Assert.DoesNotContain("dlq", Covered("A dead letter queue would be risky and messy to operate."));

        // A poison message is a problem the answer names; calling it dangerous diagnoses, it does not reject.
        Assert.Contains("dlq", Covered("A poison message is dangerous, it blocks the whole queue until someone removes it."));
    }

    [Fact]
    public void A_negated_verb_of_effect_rejects_its_subject()
    {
        Assert.DoesNotContain("retries", Covered("Exponential backoff doesn't work, the provider retries on its own schedule."));
        Assert.DoesNotContain("dlq", Covered("A dead letter queue isn't a good use of the team's time."));

        // Negating something else in the predicate is not a verdict on the subject.
        Assert.Contains("retries", Covered("Exponential backoff doesn't hammer the provider while it recovers."));
    }

    [Fact]
    public void A_dismissive_just_with_a_displacing_or_burdening_verb_rejects_a_hypothetical()
    {
        Assert.DoesNotContain("dlq", Covered("A dead letter queue would just move the problem somewhere nobody looks."));
        Assert.DoesNotContain("dlq", Covered("A dead letter queue would create drift and more work for ops."));
        Assert.DoesNotContain("idempotency", Covered("A processed events table would just make deploys slower."));

        // "just" minimising a step, a benefit as the object, and a plain causal statement keep the credit.
        Assert.Contains("dlq", Covered("A dead letter queue would just hold poison messages until ops replay them."));
        Assert.Contains("dlq", Covered("A dead letter queue would remove the overhead of replaying by hand."));
        Assert.Contains("idempotency", Covered("A processed events table prevents slow duplicate charges."));
    }

    [Fact]
    public void Already_settled_rejects_adding_the_idea()
    {
        Assert.DoesNotContain("retries", Covered("Retry with backoff is already easy, the provider SDK does it."));
        Assert.Contains("retries", Covered("Retry with backoff is already how the provider behaves, so we return 5xx on failure."));
    }

    [Fact]
    public void What_others_propose_answered_by_a_bad_result_is_rejected()
    {
        Assert.DoesNotContain("dlq", Covered("Some teams would add a dead letter queue, but then messages sit there for weeks, which is unacceptable."));

        // The speaker's own trade-off is not: nobody else proposed it.
        Assert.Contains("dlq", Covered("We'd add a dead letter queue, but then someone has to watch it, which is fine."));
    }

    [Fact]
    public void A_conceded_verdict_keeps_the_credit() =>
        Assert.Contains("dlq", Covered("Running a dead letter queue is a bit of a hassle, but worth it for poison messages."));

    [Fact]
    public void A_match_running_into_a_consequence_is_judged_by_what_it_proposes()
    {
        // A verb-like noun inside a gerund's phrase ("adding retry headers") stays in the subject.
        Assert.DoesNotContain("dlq", Covered("Adding poison message handling to every consumer is also overhead for ops."));

        // The judged subject is the first part; "so" starts the speaker's own proposal, which the match runs into.
        Assert.Contains("transaction", Covered("Locking both databases is fragile, so we commit the event in the same transaction as the order."));
    }
}
