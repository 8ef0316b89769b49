using BackendPrep.Core.Progress;

namespace BackendPrep.Core.Storage;

/// <summary>Each user's sharing choices: leaderboard opt-in and what others may see of their progress.</summary>
public interface IPrivacyStore
{
    /// <summary>The user's settings, or <see cref="PrivacySettings.Default"/> when they never chose.</summary>
    Task<PrivacySettings> GetAsync(string userId, CancellationToken cancellationToken);

    Task<PrivacySettings> SetLeaderboardAsync(string userId, bool on, CancellationToken cancellationToken);

    Task<PrivacySettings> SetPublicAsync(string userId, PublicFields fields, CancellationToken cancellationToken);

    /// <summary>Of <paramref name="userIds"/>, those who opted in to the leaderboard.</summary>
    Task<IReadOnlySet<string>> OnLeaderboardAsync(IEnumerable<string> userIds, CancellationToken cancellationToken);
}
