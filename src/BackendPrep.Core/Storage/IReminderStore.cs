using BackendPrep.Core.Reminders;

namespace BackendPrep.Core.Storage;

/// <summary>Group reminders and personal nudges, with the claim/confirm bookkeeping that makes each post happen at most once.</summary>
public interface IReminderStore
{
    Task<ReminderConfig?> GetAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReminderConfig>> AllAsync(CancellationToken cancellationToken);

    /// <summary>Saves the schedule; keeps the claimed/confirmed dates so a re-save does not post twice on the same day.</summary>
    Task SaveAsync(ReminderConfig config, CancellationToken cancellationToken);

    Task<bool> RemoveAsync(string id, CancellationToken cancellationToken);

    /// <summary>Claims the post for <paramref name="localDate"/>: true only for the first caller, and only if no later date was claimed.</summary>
    Task<bool> TryClaimAsync(string id, DateOnly localDate, CancellationToken cancellationToken);

    Task ConfirmAsync(string id, DateOnly localDate, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records why the last post failed (null clears it); the schedule stays as it is.</summary>
    Task MarkAsync(string id, string? problem, CancellationToken cancellationToken);
}
