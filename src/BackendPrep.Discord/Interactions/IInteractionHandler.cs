using BackendPrep.Discord.Models;

namespace BackendPrep.Discord.Interactions;

/// <summary>
/// Implemented by the bot; resolved from a fresh async DI scope per interaction. Answer through
/// <paramref name="responder"/>; if nothing is sent within <c>DeferAfter</c> the dispatcher defers for you.
/// Call <see cref="InteractionResponder.WillShowModal"/> first when the answer will be a modal.
/// </summary>
public interface IInteractionHandler
{
    Task HandleAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken);
}
