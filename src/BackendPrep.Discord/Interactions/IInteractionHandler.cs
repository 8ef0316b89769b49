using BackendPrep.Discord.Models;

namespace BackendPrep.Discord.Interactions;

/// <summary>
/// Implemented by the bot; resolved from a fresh async DI scope per interaction. Answer through
/// <paramref name="responder"/>; if nothing is sent within <c>DeferAfter</c> the dispatcher defers for you.
/// Say in <see cref="Prepare"/> when the answer will be a modal (<see cref="InteractionResponder.WillShowModal"/>)
/// and how a defer should look (<see cref="InteractionResponder.DeferEphemeral"/>).
/// </summary>
public interface IInteractionHandler
{
    /// <summary>
    /// Called before the deferral timer is armed. An interaction that waited in the queue past <c>DeferAfter</c> is
    /// deferred the moment the timer exists, so intent declared later, inside <see cref="HandleAsync"/>, would come
    /// too late for a modal.
    /// </summary>
    void Prepare(Interaction interaction, InteractionResponder responder)
    {
    }

    Task HandleAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken);
}
