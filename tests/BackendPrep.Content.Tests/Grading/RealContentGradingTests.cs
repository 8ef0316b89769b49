using BackendPrep.Content.Parsing;
using BackendPrep.Core.Grading;
using BackendPrep.Core.Study;

namespace BackendPrep.Content.Tests.Grading;

/// <summary>The grader's checklist and drill matching against the real templates and cues.</summary>
public sealed class RealContentGradingTests
{
    private static readonly Lazy<StudyContent> Content = new(() =>
        ContentLoader.Load(Path.Combine(EvalSet.RepoRoot(), "content")).Content
        ?? throw new InvalidOperationException("content/ does not load; run the content check"));

    private readonly AnswerGrader _grader = new();

    [Fact]
    public void Six_step_answer_shows_every_part_of_the_answer_template()
    {
        const string answer = """
            The product path is checkout: the user taps pay and expects one charge.
            The invariant is that a customer must never be charged twice for one order.
            The request path goes from the client through the API gateway and authentication to the payment handler.
            On that path I put a timeout on the provider call and an idempotency key on every payment.
            If the provider is down we degrade by queuing the payment and telling the user it is pending.
            To prove it works I watch an SLO on successful checkouts and alert on the burn rate.
            """;

        var result = _grader.Check(Content.Value.Checklist(StudyContent.Ids.AnswerTemplate)!, answer);

        Assert.Empty(result.Missing);
        Assert.Equal(6, result.Shown.Count);
    }

    [Fact]
    public void Vague_answer_shows_few_template_parts()
    {
        var result = _grader.Check(Content.Value.Checklist(StudyContent.Ids.AnswerTemplate)!, "I would just use Kafka for everything and cache all of it in Redis.");

        Assert.Empty(result.Shown);
    }

    [Fact]
    public void Incident_story_shows_the_incident_template_parts()
    {
        const string answer = """
            For 40 minutes about 12 percent of checkout requests failed and customers were affected.
            We only noticed when a customer report reached support, because there was no alert on that error rate.
            We mitigated it by rolling back the deploy behind the feature flag.
            The root cause was a connection pool setting in a configuration change.
            To prevent recurrence we added a burn rate alert and a canary analysis step in the pipeline.
            """;

        var result = _grader.Check(Content.Value.Checklist(StudyContent.Ids.IncidentTemplate)!, answer);

        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Typed_cue_answer_names_moves_and_suggests_a_rating()
    {
        var card = Content.Value.Deck(Deck.Cues).First(c => c.Id.EndsWith("idempotent-webhook", StringComparison.Ordinal));
        var moves = card.Back.Select(CueParser.SplitMove).Select(m => new ExpectedMove(m.Text, m.Concepts)).ToList();

        var none = _grader.MatchMoves(moves, "no idea, maybe use kafka");
        var some = _grader.MatchMoves(moves, "hmac signature check on the raw body, dedupe on event id");
        var all = _grader.MatchMoves(moves, "verify HMAC signature; dedupe event id with unique constraint; same transaction and 2xx fast; state machine for out of order events");

        Assert.Equal(SuggestedRating.Again, none.Rating);
        Assert.Equal(2, some.NamedCount);
        Assert.Equal(SuggestedRating.Good, some.Rating);
        Assert.Equal(SuggestedRating.Easy, all.Rating);
    }
}
