using BackendPrep.Core.Grading;

namespace BackendPrep.Core.Tests.Grading;

/// <summary>
/// Rejections a subject's own predicate makes (harm verbs, judgement nouns, praise at a distance), rejections carried
/// by a list, a pronoun or a cleft, and the trade-off talk that must keep its credit.
/// </summary>
public sealed class PredicateJudgementTests
{
    private readonly AnswerGrader _grader = new();

    private GradeResult Grade(string answer) => _grader.Grade("payment-webhook", TestRubrics.Webhook, answer);

    [Theory]
    [InlineData("A dead letter queue is a pain for a handler this small.")]
    [InlineData("Parking poison messages is paranoid for three events a day.")]
    [InlineData("A dead letter queue here is security theatre.")]
    [InlineData("A dead letter queue is a huge migration for our ops team.")]
    [InlineData("A dead letter queue is a lot of engineering for an endpoint that fails twice a year.")]
    public void Judgement_words_and_quantified_burdens_reject_their_subject(string answer) =>
        Assert.DoesNotContain("dlq", Grade(answer).Covered);

    [Theory]
    [InlineData("A dead letter queue would just slow the on-call team down.")]
    [InlineData("Poison message parking kills our throughput.")]
    [InlineData("Dead letter queues annoy the support staff more than they help.")]
    [InlineData("Replays and the dead letter queue both hurt latency for everyone.")]
    public void A_verb_of_harm_after_its_subject_rejects_it(string answer) =>
        Assert.DoesNotContain("dlq", Grade(answer).Covered);

    [Theory]
    [InlineData("A dead letter queue slows replays down, but we need it for poison messages.")]
    [InlineData("A dead letter queue is a pain to set up, still worth it for poison messages.")]
    [InlineData("A dead letter queue is a big project, but it pays for itself the first time a poison message arrives.")]
    [InlineData("We add a dead letter queue to stop the poison message that kills throughput.")]
    [InlineData("Though the dead letter queue hurts latency a little, we keep it for poison messages.")]
    public void Trade_offs_and_harms_that_belong_to_something_else_keep_the_credit(string answer) =>
        Assert.Contains("dlq", Grade(answer).Covered);

    [Fact]
    public void A_coordinated_subject_carries_the_judgement_to_its_first_conjunct()
    {
        Assert.DoesNotContain("dlq", Grade("Dead letter queues nobody watches and replay tooling for the handler are overkill.").Covered);
        Assert.Contains("dlq", Grade("Dead letter queues and replay tooling are how we recover from a poison message.").Covered);
    }

    [Fact]
    public void Praise_at_a_distance_rejects_what_it_praises()
    {
        Assert.DoesNotContain("dlq", Grade("A dead letter queue sounds nice, but nobody would ever look at it.").Covered);
        Assert.DoesNotContain("dlq", Grade("Parking poison messages looks good on paper.").Covered);

        // Plain praise, or praise of something else, is not distance.
        Assert.Contains("dlq", Grade("A dead letter queue is nice because the on-call engineer can replay from it.").Covered);
        Assert.Contains("dlq", Grade("We park poison messages in a dead letter queue; the dashboard looks good too.").Covered);
    }

    [Fact]
    public void A_pronoun_that_ends_the_next_clause_can_reject_what_came_before()
    {
        Assert.DoesNotContain("dlq", Grade("Poison messages go to a dead letter queue in some designs, I'd skip that.").Covered);
        Assert.DoesNotContain("dlq", Grade("Some teams park poison messages in a dead letter queue, we never needed it.").Covered);

        // A determiner, an object of its own, or a hypothetical is not a rejection of the previous clause.
        Assert.Contains("dlq", Grade("Poison messages go to a dead letter queue, so we can skip that retry loop.").Covered);
        Assert.Contains("dlq", Grade("Poison messages go to a dead letter queue, we don't need it twice.").Covered);
        Assert.Contains("dlq", Grade("Poison messages go to a dead letter queue, and if we don't need it we drop it later.").Covered);
    }

    [Fact]
    public void A_rejecting_interjection_as_its_own_clause_rejects_what_came_before()
    {
        Assert.DoesNotContain("dlq", Grade("A dead letter queue, nah, the provider retries for three days anyway.").Covered);
        Assert.DoesNotContain("dlq", Grade("Do we need a dead letter queue here? Nope.").Covered);
        Assert.Contains("dlq", Grade("Do we lose a poison message? Nope, it waits in the dead letter queue.").Covered);
    }

    [Fact]
    public void A_list_that_a_negator_heads_and_and_so_on_closes_is_rejected_item_by_item()
    {
        Assert.DoesNotContain("dlq", Grade("I'd skip the status page, the dead letter queue, replay tooling and so on.").Covered);
        Assert.DoesNotContain("dlq", Grade("No audit tables, dead letter queues, dashboards etc. for this handler.").Covered);

        // Without the list's end, or with a clause of its own, the item after the comma stands.
        Assert.Contains("dlq", Grade("I'd skip the status page, the dead letter queue is what the on-call engineer needs.").Covered);
        Assert.Contains("dlq", Grade("We don't retry forever, we park poison messages in a dead letter queue, replay them and so on.").Covered);
    }

    [Fact]
    public void A_negated_cleft_reaches_the_thing_it_puts_last()
    {
        Assert.DoesNotContain("dlq", Grade("What I wouldn't do is add a dead letter queue for this.").Covered);
        Assert.DoesNotContain("dlq", Grade("What we don't need is another dead letter queue.").Covered);
        Assert.Contains("dlq", Grade("What we do need is a dead letter queue for poison messages.").Covered);
    }

    [Fact]
    public void Dislike_rejects_its_object()
    {
        Assert.DoesNotContain("dlq", Grade("Our on-call engineers hate dead letter queues.").Covered);
        Assert.Contains("dlq", Grade("Our on-call engineers hate losing orders, so poison messages go to a dead letter queue.").Covered);
    }

    [Fact]
    public void A_verbless_question_is_an_echo_not_a_statement()
    {
        Assert.DoesNotContain("dlq", Grade("A dead letter queue for three events a day?").Covered);
        Assert.Contains("dlq", Grade("Why not park poison messages in a dead letter queue?").Covered);
        Assert.Contains("dlq", Grade("A dead letter queue for poison messages, replayed after a fix.").Covered);
    }
}
