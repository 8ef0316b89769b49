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
    /// Called at admission, before the deferral timer is armed from the interaction's receipt. A queued interaction is
    /// deferred at <c>DeferAfter</c> even before a worker runs <see cref="HandleAsync"/>, so intent declared there
    /// would come too late for a modal. Runs on the admission path: keep it cheap, with no I/O.
    /// </summary>
    void Prepare(Interaction interaction, InteractionResponder responder)
    {
    }

    Task HandleAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken);
}
