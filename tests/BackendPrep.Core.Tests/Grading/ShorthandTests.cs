using BackendPrep.Core.Grading;

namespace BackendPrep.Core.Tests.Grading;

/// <summary>Shorthand people type in answers: identifiers, abbreviations, prefixes and opinion negations.</summary>
public sealed class ShorthandTests
{
    private readonly AnswerGrader _grader = new();

    private GradeResult Grade(string answer) => _grader.Grade("payment-webhook", TestRubrics.Webhook, answer);

    [Fact]
    public void Camel_case_identifiers_are_read_as_their_words()
    {
        Assert.Contains("signature", Grade("The handler calls verifySignature on the raw body before parsing it.").Covered);
        Assert.Contains("idempotency", Grade("We store the eventId in a table and skip repeats of it.").Covered);
    }

    [Theory]
    [InlineData("We write the dedupe row and the order update in the same txn.", "transaction")]
    [InlineData("Every evt id goes into a table with a unique index so we can dedupe.", "idempotency")]
    public void Abbreviations_are_read_as_the_words_they_stand_for(string answer, string item)
    {
        Assert.Contains(item, Grade(answer).Covered);
    }

    [Fact]
    public void Irregular_past_forms_meet_their_verb()
    {
        var rubric = TestRubrics.Of(TestRubrics.Item("cursor", "last seen id"), TestRubrics.Item("dedupe", "write the event id"));

        var result = _grader.Grade("cursor", rubric, "The client sends the id of the last row it saw. The event id was written first.");

        Assert.Equal(["cursor", "dedupe"], result.Covered);
    }

    [Theory]
    [InlineData("verify signature", "We check the signature on every delivery.")]
    [InlineData("reject stale writes", "The database refuses outdated writes.")]
    [InlineData("count the queries", "Count how many statements one page sends.")]
    public void Everyday_synonyms_meet_the_concepts_word(string concept, string answer) =>
        Assert.Equal(["item"], CoveredBesideAnUnrelatedItem("synonyms", concept, answer));

    [Theory]
    [InlineData("database connections", "There are far too many db conns at once.")]
    [InlineData("Kubernetes restarts", "If it crashes, k8s restarts it.")]
    [InlineData("install dependencies", "Install deps first, then copy the code.")]
    public void Common_shorthand_meets_the_words_it_stands_for(string concept, string answer) =>
        Assert.Equal(["item"], CoveredBesideAnUnrelatedItem("shorthand", concept, answer));

    /// <summary>Grades against a rubric of the concept ("item") and an unrelated item, so a match proves it is the concept's.</summary>
    private IReadOnlyList<string> CoveredBesideAnUnrelatedItem(string promptId, string concept, string answer) =>
        _grader.Grade(promptId, TestRubrics.Of(TestRubrics.Item("item", concept), TestRubrics.Item("other", "dead letter queue")), answer).Covered;

    [Fact]
    public void A_percent_sign_reads_as_percent()
    {
        var rubric = TestRubrics.Of(TestRubrics.Item("target", "99.9 percent"), TestRubrics.Item("other", "feature flag"));

        Assert.Equal(["target"], _grader.Grade("target", rubric, "The objective is 99.9% of requests over 30 days.").Covered);
    }

    [Fact]
    public void A_non_prefix_negates_its_own_word_only()
    {
        Assert.Contains("dlq", Grade("Non-urgent poison messages go to a parking lot for a human to look at.").Covered);
        Assert.DoesNotContain("idempotency", Grade("The handler is non-idempotent key-wise, so we accept repeats.").Covered);
    }

    [Fact]
    public void I_dont_think_reaches_to_what_is_doubted()
    {
        var result = Grade("I don't think you need to keep track of the event ids at all.");

        Assert.DoesNotContain("idempotency", result.Covered);
    }
}
