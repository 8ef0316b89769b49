using BackendPrep.Core.Prompts;

namespace BackendPrep.Core.Storage;

/// <summary>Every interview-prompt attempt: the record progress and the prompt picker read.</summary>
public interface IAttemptStore
{
    /// <summary>Stores a new attempt; false when one with that id exists (a double submit counts once).</summary>
    Task<bool> TryAddAsync(PromptAttempt attempt, CancellationToken cancellationToken);

    Task<PromptAttempt?> GetAsync(string attemptId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces an attempt only if the stored one still has <paramref name="expectedVersion"/>; false when another
    /// write got there first, so two follow-up submissions cannot both apply.
    /// </summary>
    Task<bool> TryReplaceAsync(PromptAttempt updated, int expectedVersion, CancellationToken cancellationToken);

    /// <summary>A user's attempts, oldest first.</summary>
    Task<IReadOnlyList<PromptAttempt>> ForUserAsync(string userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<PromptAttempt>> ForRoundAsync(string roundId, CancellationToken cancellationToken);

    /// <summary>Records that a prompt was shown to a user (answered or not), so the next pick can steer away from it.</summary>
    Task MarkShownAsync(string userId, string promptId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>When each prompt was last shown to the user.</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> ShownAsync(string userId, CancellationToken cancellationToken);
}
