using BackendPrep.Core.Prompts;

namespace BackendPrep.Core.Storage;

/// <summary>Group rounds of interview prompts posted in channels.</summary>
public interface IPromptRoundStore
{
    Task AddAsync(GroupRound round, CancellationToken cancellationToken);

    Task<GroupRound?> GetAsync(string roundId, CancellationToken cancellationToken);

    /// <summary>Marks the round revealed; false when it already was (the reveal happens once).</summary>
    Task<bool> MarkRevealedAsync(string roundId, DateTimeOffset at, CancellationToken cancellationToken);
}
