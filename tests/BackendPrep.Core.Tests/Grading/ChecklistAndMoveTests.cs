using BackendPrep.Core.Grading;

namespace BackendPrep.Core.Tests.Grading;

public sealed class ChecklistAndMoveTests
{
    private readonly AnswerGrader _grader = new();

    private static readonly Study.Checklist Template = TestRubrics.Checklist(
        ("product-path", ["product path", "checkout", "login", "upload"]),
        ("invariant", ["invariant", "must never", "guarantee"]),
        ("controls", ["timeout", "retry policy", "rate limit", "idempotency key"]),
        ("proof", ["SLO", "trace", "metric", "rollout guard"]));

    [Fact]
    public void Checklist_shows_parts_present_in_substantive_sentences()
    {
        const string answer = """
            The product path here is checkout, from the cart to the payment provider.
            The invariant: a customer must never be charged twice for one order.
            Timeouts.
            """;

        var result = _grader.Check(Template, answer);

        Assert.Equal(["product-path", "invariant"], result.Shown);
        Assert.Equal(["controls", "proof"], result.Missing);
        Assert.Equal("The invariant: a customer must never be charged twice for one order.", result.Parts[1].Evidence);
    }

    [Fact]
    public void Concept_containing_a_negator_is_not_cancelled_by_it()
    {
        var result = _grader.Check(Template, "Our rule is that a tenant must never read another tenant's rows.");

        Assert.Equal(["invariant"], result.Shown);
    }

    [Fact]
    public void Negated_checklist_part_is_not_shown()
    {
        var result = _grader.Check(Template, "We would not add any timeout on the outbound provider call here.");

        Assert.DoesNotContain("controls", result.Shown);
    }

    private static readonly ExpectedMove[] Moves =
    [
        new("Idempotency key per payment attempt, result stored with it", ["idempotency key", "stored result"]),
        new("Retry only with the same key; the server returns the first result", ["same key", "replay the response"]),
        new("Reconcile against the provider's ledger nightly", []),
        new("Alert on duplicate charge rate", ["duplicate charge alert"]),
    ];

    [Theory]
    [InlineData("", new[] { false, false, false, false }, SuggestedRating.Again)]
    [InlineData("idempotency key", new[] { true, false, false, false }, SuggestedRating.Hard)]
    [InlineData("idem key + retry with same key", new[] { false, true, false, false }, SuggestedRating.Hard)]
    [InlineData("idempotency key, same key on retry, nightly reconcile with provider ledger", new[] { true, true, true, false }, SuggestedRating.Good)]
    [InlineData("idempotency key; same key; reconcile the provider ledger; alert on duplicate charges", new[] { true, true, true, true }, SuggestedRating.Easy)]
    public void Moves_named_and_suggested_rating(string answer, bool[] named, SuggestedRating rating)
    {
        var match = _grader.MatchMoves(Moves, answer);

        Assert.Equal(named, match.Named);
        Assert.Equal(rating, match.Rating);
        Assert.Equal(named.Count(n => n), match.NamedCount);
    }

    [Fact]
    public void Negated_move_is_not_named()
    {
        var match = _grader.MatchMoves(Moves, "no idempotency key needed, just retry");

        Assert.False(match.Named[0]);
    }
}
