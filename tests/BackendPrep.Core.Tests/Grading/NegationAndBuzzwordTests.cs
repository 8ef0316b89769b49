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
}
