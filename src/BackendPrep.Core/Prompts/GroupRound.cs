namespace BackendPrep.Core.Prompts;

/// <summary>
/// A prompt posted publicly in a channel: every member answers privately and the posted message keeps a tally.
/// Only the starter may reveal the rubric, which closes the round.
/// </summary>
public sealed record GroupRound(
    string Id,
    string PromptId,
    string StarterId,
    string StarterName,
    string GuildId,
    string ChannelId,
    string MessageId,
    DateTimeOffset StartedAt)
{
    public DateTimeOffset? RevealedAt { get; init; }

    public bool IsRevealed => RevealedAt is not null;

    /// <summary>One attempt per member per round: the id is derived, so a second submission hits the same record.</summary>
    public string AttemptIdFor(string userId) => $"{Id}-{userId}";
}
