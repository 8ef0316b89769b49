namespace BackendPrep.Core.Drills;

/// <summary>
/// One user's memory of one card. A <see cref="CardState.New"/> card has no stability or difficulty yet (both 0)
/// and no last review. Times are instants; the scheduler stores them in UTC.
/// </summary>
public sealed record ReviewCard(
    string CardId,
    CardState State,
    double Stability,
    double Difficulty,
    DateTimeOffset Due,
    DateTimeOffset? LastReview,
    int Reps,
    int Lapses)
{
    /// <summary>A card the user has never rated; it is available from <paramref name="now"/>.</summary>
    public static ReviewCard New(string cardId, DateTimeOffset now) =>
        new(cardId, CardState.New, 0, 0, now.ToUniversalTime(), null, 0, 0);

    public bool IsDue(DateTimeOffset now) => State == CardState.Review && Due <= now;

    public MemorySnapshot Snapshot() => new(State, Stability, Difficulty, Due);
}

/// <summary>The scheduling part of a <see cref="ReviewCard"/> at one moment, as kept in a <see cref="ReviewLog"/>.</summary>
public sealed record MemorySnapshot(CardState State, double Stability, double Difficulty, DateTimeOffset Due);

/// <summary>
/// One rating, with the memory state before and after it. Every review is logged, so parameters can be fitted
/// from the logs later. <see cref="ElapsedDays"/> is whole days since the previous review (0 for a first or
/// same-day review), as FSRS counts it.
/// </summary>
/// <remarks>
/// A cram rating (<see cref="IsCram"/>) is logged for the record but does not touch memory state: its
/// <see cref="After"/> equals <see cref="Before"/>. Fitting should skip cram logs, since the schedule did not see them.
/// </remarks>
public sealed record ReviewLog(
    string CardId,
    DateTimeOffset At,
    Rating Rating,
    int ElapsedDays,
    MemorySnapshot Before,
    MemorySnapshot After,
    bool IsCram = false)
{
    /// <summary>Logs a cram-mode rating: recorded, but the card's schedule and memory stay as they were.</summary>
    public static ReviewLog ForCram(ReviewCard card, Rating rating, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (!Enum.IsDefined(rating))
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "rating must be 1..4");
        }

        var elapsed = card.LastReview is { } last ? Math.Max(0, FsrsScheduler.WholeDaysBetween(last, at)) : 0;
        var snapshot = card.Snapshot();
        return new ReviewLog(card.CardId, at.ToUniversalTime(), rating, elapsed, snapshot, snapshot, IsCram: true);
    }
}
