using BackendPrep.Core.Drills;

namespace BackendPrep.Core.Storage;

/// <summary>Each user's memory state per card, and the append-only log of every review (for fitting parameters later).</summary>
public interface IReviewStore
{
    Task<IReadOnlyList<ReviewCard>> CardsAsync(string userId, CancellationToken cancellationToken);

    Task<ReviewCard?> CardAsync(string userId, string cardId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="next"/> and appends <paramref name="log"/> only when the stored card still has
    /// <paramref name="expectedReps"/> reviews (0 = never stored): a second press of the same rating button loses.
    /// </summary>
    Task<bool> TryRecordAsync(string userId, ReviewCard next, int expectedReps, ReviewLog log, CancellationToken cancellationToken);

    /// <summary>Appends a cram log; the card's schedule is not touched.</summary>
    Task AppendAsync(string userId, ReviewLog log, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReviewLog>> LogsAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Every review of the user as a <see cref="ReviewMoment"/>, oldest first. The same reviews as <see cref="LogsAsync"/>
    /// (to the millisecond the log keeps), read from a digest kept per UTC day beside the log, so a long history costs a
    /// small document per active day rather than a log document per review.
    /// </summary>
    Task<IReadOnlyList<ReviewMoment>> MomentsAsync(string userId, CancellationToken cancellationToken);
}
