using BackendPrep.Core.Drills;

namespace BackendPrep.Core.Storage;

public interface IDrillSettingsStore
{
    /// <summary>The user's settings, or the defaults when they never changed any.</summary>
    Task<DrillSettings> GetAsync(string userId, CancellationToken cancellationToken);

    Task SaveAsync(DrillSettings settings, CancellationToken cancellationToken);

    /// <summary>Users last seen drilling in this guild (for the group reminder's counts).</summary>
    Task<IReadOnlyList<DrillSettings>> InGuildAsync(string guildId, CancellationToken cancellationToken);
}
