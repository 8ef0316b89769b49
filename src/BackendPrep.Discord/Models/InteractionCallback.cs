namespace BackendPrep.Discord.Models;

public enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    ApplicationCommandAutocompleteResult = 8,
    Modal = 9,
}

/// <summary>A modal (callback type 9). Inputs go inside <see cref="Component.LabelFor"/>.</summary>
public sealed record ModalPayload(string CustomId, string Title, IReadOnlyList<Component> Components);

/// <summary>An autocomplete or command choice: display name and the value the option receives.</summary>
public sealed record CommandChoice(string Name, ChoiceValue Value);

/// <summary>
/// The body of <c>POST /interactions/{id}/{token}/callback</c>. Exactly one of the data members is set, matching
/// <see cref="Type"/>; the REST client writes it as <c>{"type":…,"data":…}</c>.
/// </summary>
public sealed record InteractionCallback
{
    public InteractionCallbackType Type { get; init; }
    public MessagePayload? Message { get; init; }
    public ModalPayload? Modal { get; init; }
    public IReadOnlyList<CommandChoice>? Choices { get; init; }

    public static InteractionCallback Reply(MessagePayload message) => new() { Type = InteractionCallbackType.ChannelMessageWithSource, Message = message };

    public static InteractionCallback Update(MessagePayload message) => new() { Type = InteractionCallbackType.UpdateMessage, Message = message };

    public static InteractionCallback Defer(bool ephemeral) => new()
    {
        Type = InteractionCallbackType.DeferredChannelMessageWithSource,
        // EPHEMERAL is the only flag allowed on a type-5 response, and it is fixed from here on.
        Message = ephemeral ? new MessagePayload { Flags = MessageFlags.Ephemeral, AllowedMentions = null } : null,
    };

    public static InteractionCallback DeferUpdate() => new() { Type = InteractionCallbackType.DeferredUpdateMessage };

    public static InteractionCallback ShowModal(ModalPayload modal) => new() { Type = InteractionCallbackType.Modal, Modal = modal };

    public static InteractionCallback Autocomplete(IReadOnlyList<CommandChoice> choices) =>
        new() { Type = InteractionCallbackType.ApplicationCommandAutocompleteResult, Choices = choices };

    public static InteractionCallback Pong() => new() { Type = InteractionCallbackType.Pong };
}
