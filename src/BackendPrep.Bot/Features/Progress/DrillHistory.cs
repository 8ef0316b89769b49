using BackendPrep.Core.Drills;

namespace BackendPrep.Bot.Features.Progress;

/// <summary>
/// What progress reads from the drills feature: a user's reviews (whole logs for the leaderboard, which counts cards;
/// moments for the report and chart), memory states and time zone. A seam of its own
/// so progress works (showing no drills) on a host without drills, and tests can supply histories.
/// </summary>
internal interface IDrillHistory
{
    Task<IReadOnlyList<ReviewLog>> ReviewsAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The same reviews reduced to <see cref="ReviewMoment"/>s, oldest first: far cheaper to read for a long history.</summary>
    Task<IReadOnlyList<ReviewMoment>> MomentsAsync(string userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReviewCard>> CardsAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The user's time zone for days and streaks; UTC when they never set one.</summary>
    Task<TimeZoneInfo> ZoneAsync(string userId, CancellationToken cancellationToken);
}

/// <summary>Used when no drills store is registered: no reviews, no cards, UTC.</summary>
internal sealed class NoDrillHistory : IDrillHistory
{
    public Task<IReadOnlyList<ReviewLog>> ReviewsAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ReviewLog>>([]);

    public Task<IReadOnlyList<ReviewMoment>> MomentsAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ReviewMoment>>([]);

    public Task<IReadOnlyList<ReviewCard>> CardsAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ReviewCard>>([]);

    public Task<TimeZoneInfo> ZoneAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(TimeZoneInfo.Utc);
}
