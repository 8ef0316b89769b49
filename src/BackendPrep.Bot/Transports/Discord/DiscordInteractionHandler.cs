using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Replies;
using BackendPrep.Discord.Interactions;
using BackendPrep.Discord.Models;

namespace BackendPrep.Bot.Transports.Discord;

/// <summary>
/// Where a Discord interaction meets the router: decide deferral before running (modals and autocomplete must never be
/// deferred; ephemerality is fixed at defer time), dispatch, then answer through the responder, which knows whether
/// this is the first response or an edit after a deferral.
/// </summary>
internal sealed class DiscordInteractionHandler(InteractionRouter router, IServiceProvider services) : IInteractionHandler
{
    public async Task HandleAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken)
    {
        // The dispatcher's InteractionLogScope (id, guild, user hash, command) already wraps this call.
        if (DiscordInvocations.From(interaction) is not { } invocation)
        {
            if (interaction.Type != InteractionType.Ping)
            {
                await responder.SendNoticeAsync("I can't handle that kind of interaction.", cancellationToken);
            }

            return;
        }

        Prepare(invocation, responder); // again, for callers that did not go through the dispatcher
        var response = await router.DispatchAsync(invocation, services, cancellationToken);
        switch (response)
        {
            case ChoicesResponse choices:
                await responder.AutocompleteAsync(DiscordReplies.ToChoices(choices.Choices), cancellationToken);
                break;
            case FormResponse form:
                await responder.ShowModalAsync(DiscordReplies.ToModal(form.Form), cancellationToken);
                break;
            case MessageResponse { Reply: var reply }:
                var payload = DiscordReplies.ToPayload(reply);
                var updatesSource = reply.Mode == ReplyMode.UpdateSource && interaction.Message is not null;
                await (updatesSource
                    ? responder.UpdateMessageAsync(payload, cancellationToken)
                    : responder.RespondAsync(payload, cancellationToken));
                break;
        }
    }

    /// <summary>Before the deferral timer: whether a defer would be private, and whether a modal is coming (no defer).</summary>
    public void Prepare(Interaction interaction, InteractionResponder responder)
    {
        if (DiscordInvocations.From(interaction) is { } invocation)
        {
            Prepare(invocation, responder);
        }
    }

    private void Prepare(Invocation invocation, InteractionResponder responder)
    {
        var (mayDefer, visibility) = router.Plan(invocation);
        responder.DeferEphemeral = visibility == Visibility.Private;
        if (!mayDefer && invocation.Kind != InvocationKind.Autocomplete)
        {
            responder.WillShowModal();
        }
    }
}
