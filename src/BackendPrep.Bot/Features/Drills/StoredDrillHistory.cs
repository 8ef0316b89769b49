using BackendPrep.Bot.Features.Progress;
using BackendPrep.Core.Drills;
using BackendPrep.Core.Storage;

namespace BackendPrep.Bot.Features.Drills;

/// <summary>Progress's view of the drill stores.</summary>
internal sealed class StoredDrillHistory(IReviewStore reviews, IDrillSettingsStore settings) : IDrillHistory
{
    public Task<IReadOnlyList<ReviewLog>> ReviewsAsync(string userId, CancellationToken cancellationToken) => reviews.LogsAsync(userId, cancellationToken);

    public Task<IReadOnlyList<ReviewMoment>> MomentsAsync(string userId, CancellationToken cancellationToken) => reviews.MomentsAsync(userId, cancellationToken);

    public Task<IReadOnlyList<ReviewCard>> CardsAsync(string userId, CancellationToken cancellationToken) => reviews.CardsAsync(userId, cancellationToken);

    public async Task<TimeZoneInfo> ZoneAsync(string userId, CancellationToken cancellationToken) =>
        (await settings.GetAsync(userId, cancellationToken)).Zone();
}
