namespace BackendPrep.Core.Drills;

/// <summary>One rating in a replay.</summary>
public sealed record ReplayReview(DateTimeOffset At, Rating Rating);

/// <summary>The card's memory state after one replayed rating.</summary>
public sealed record ReplayState(double Stability, double Difficulty, DateTimeOffset Due);

/// <summary>
/// Replays a single card's ratings from new, in the order given, and reports the state after each one.
/// Backs <c>srs replay</c>, used to check the scheduler against other FSRS implementations.
/// </summary>
public static class SrsReplay
{
    public static IReadOnlyList<ReplayState> Run(IEnumerable<ReplayReview> reviews, FsrsScheduler? scheduler = null)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        scheduler ??= new FsrsScheduler();
        var states = new List<ReplayState>();
        ReviewCard? card = null;
        foreach (var review in reviews)
        {
            card ??= ReviewCard.New("replay", review.At);
            (card, _) = scheduler.Review(card, review.Rating, review.At);
            states.Add(new ReplayState(card.Stability, card.Difficulty, card.Due));
        }

        return states;
    }
}
