using System.Collections.Concurrent;
using BackendPrep.Bot.Transports;
using BackendPrep.Core.Storage;
using BackendPrep.Core.Study;
using Microsoft.Extensions.Logging;

namespace BackendPrep.Bot.Features.Prompts;

/// <summary>
/// Keeps each group round's public message in step with its attempts. Edits of one round are serialised and each
/// re-reads the store inside the lock, so two members answering at once can never leave an older tally showing.
/// </summary>
internal sealed class RoundBoard(
    IAttemptStore attempts,
    IPromptRoundStore rounds,
    IChannelMessenger messenger,
    StudyContent content,
    ILogger<RoundBoard> log)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public async Task RefreshAsync(string roundId, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(roundId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (await rounds.GetAsync(roundId, cancellationToken) is not { } round || content.Prompt(round.PromptId) is not { } prompt)
            {
                return;
            }

            var answered = await attempts.ForRoundAsync(roundId, cancellationToken);
            await messenger.EditAsync(new PostedMessage(round.ChannelId, round.MessageId), RoundViews.Message(prompt, round, answered), cancellationToken);
        }
        catch (DeliveryException ex)
        {
            // The member's own result matters more than the public tally: log and carry on.
            log.LogWarning(ex, "Could not update the tally of group round {RoundId}: {Failure}", roundId, ex.Failure);
        }
        finally
        {
            gate.Release();
        }
    }
}
