using BackendPrep.Discord.Models;
using BackendPrep.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackendPrep.Discord.Interactions;

public enum AckState
{
    /// <summary>Nothing sent yet; the one initial callback is still available.</summary>
    New,

    /// <summary>A type 5 or 6 callback was sent; the answer goes into the original via PATCH.</summary>
    Deferred,

    /// <summary>An initial response was sent (or the deferred original completed); more text goes in follow-ups.</summary>
    Responded,
}

/// <summary>
/// One per interaction: the acknowledgement state machine New → Deferred | Responded → follow-ups. Every method picks
/// the right endpoint for the current state, so no code path sends a second initial callback (error 40060).
/// Calls are serialised, so the dispatcher's auto-defer and the handler never race. In HTTP mode the initial callback
/// is the HTTP response body instead of a POST to the callback endpoint; everything after it is REST either way.
/// </summary>
public sealed class InteractionResponder
{
    private static readonly TimeSpan DiscordDeadline = TimeSpan.FromSeconds(3);

    private readonly DiscordRestClient _rest;
    private readonly TimeProvider _time;
    private readonly DiscordMetrics _metrics;
    private readonly ILogger _logger;
    private readonly long _receivedAt;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Func<InteractionCallback, CancellationToken, Task>? _initial;
    private bool _deferredAsUpdate;
    private bool _modalIntended;
    private bool _sealed;
    private Task _autoDefer = Task.CompletedTask;

    public InteractionResponder(DiscordRestClient rest, Interaction interaction, long receivedAt, TimeProvider time, DiscordMetrics metrics, ILogger? logger = null)
        : this(rest, interaction, receivedAt, time, metrics, logger, initial: null)
    {
    }

    /// <param name="initial">Where the initial callback goes instead of Discord's callback endpoint (HTTP mode: the response body).</param>
    internal InteractionResponder(DiscordRestClient rest, Interaction interaction, long receivedAt, TimeProvider time, DiscordMetrics metrics, ILogger? logger,
        Func<InteractionCallback, CancellationToken, Task>? initial)
    {
        _initial = initial;
        _rest = rest;
        Interaction = interaction;
        _receivedAt = receivedAt;
        _time = time;
        _metrics = metrics;
        _logger = logger ?? NullLogger.Instance;
    }

    public Interaction Interaction { get; }

    public AckState State { get; private set; }

    /// <summary>Whether an automatic defer (type 5) is ephemeral. Set it first thing: a defer's visibility is final.</summary>
    public bool DeferEphemeral { get; set; } = true;

    /// <summary>Tells the dispatcher the answer will be a modal, which must be the initial response: no auto-defer.</summary>
    public void WillShowModal() => _modalIntended = true;

    private bool IsComponent => Interaction.Type == InteractionType.MessageComponent;

    /// <summary>Sends a message: the initial response, the completion of a defer, or a follow-up once answered.</summary>
    public Task RespondAsync(MessagePayload message, CancellationToken cancellationToken = default) =>
        Serialised(async ct =>
        {
            switch (State)
            {
                case AckState.New:
                    RequireNot(InteractionType.ApplicationCommandAutocomplete, "Autocomplete is answered with AutocompleteAsync.");
                    await InitialAsync(InteractionCallback.Reply(message), AckState.Responded, ct);
                    break;
                case AckState.Deferred when !_deferredAsUpdate:
                    await _rest.EditOriginalResponseAsync(Interaction.ApplicationId, Interaction.Token, message, ct);
                    State = AckState.Responded;
                    break;
                default:
                    await _rest.CreateFollowUpAsync(Interaction.ApplicationId, Interaction.Token, message, ct);
                    State = AckState.Responded;
                    break;
            }
        }, cancellationToken);

    /// <summary>Edits the message a component is on: type 7 when new, else an edit of the original.</summary>
    public Task UpdateMessageAsync(MessagePayload message, CancellationToken cancellationToken = default) =>
        Serialised(async ct =>
        {
            if (State == AckState.New)
            {
                if (Interaction.Type is not (InteractionType.MessageComponent or InteractionType.ModalSubmit))
                    throw new InvalidOperationException("UPDATE_MESSAGE is only valid for component interactions.");
                await InitialAsync(InteractionCallback.Update(message), AckState.Responded, ct);
                return;
            }
            await _rest.EditOriginalResponseAsync(Interaction.ApplicationId, Interaction.Token, message, ct);
            State = AckState.Responded;
        }, cancellationToken);

    /// <summary>Acknowledges with a loading state (type 5). False if already acknowledged.</summary>
    public Task<bool> DeferAsync(bool ephemeral, CancellationToken cancellationToken = default) =>
        Serialised(async ct =>
        {
            if (State != AckState.New)
                return false;
            RequireNot(InteractionType.ApplicationCommandAutocomplete, "Autocomplete cannot be deferred.");
            await InitialAsync(InteractionCallback.Defer(ephemeral), AckState.Deferred, ct);
            return true;
        }, cancellationToken);

    /// <summary>Acknowledges a component without a loading state (type 6). False if already acknowledged.</summary>
    public Task<bool> DeferUpdateAsync(CancellationToken cancellationToken = default) =>
        Serialised(async ct =>
        {
            if (State != AckState.New)
                return false;
            if (Interaction.Type is not (InteractionType.MessageComponent or InteractionType.ModalSubmit))
                throw new InvalidOperationException("DEFERRED_UPDATE_MESSAGE is only valid for component interactions.");
            await InitialAsync(InteractionCallback.DeferUpdate(), AckState.Deferred, ct);
            _deferredAsUpdate = true;
            return true;
        }, cancellationToken);

    /// <summary>Opens a modal. Only possible as the initial response, and not for modal submits or autocomplete.</summary>
    public Task ShowModalAsync(ModalPayload modal, CancellationToken cancellationToken = default) =>
        Serialised(async ct =>
        {
            if (State != AckState.New)
                throw new InvalidOperationException($"A modal must be the initial response, but this interaction is already {State}.");
            if (Interaction.Type is InteractionType.ModalSubmit or InteractionType.ApplicationCommandAutocomplete or InteractionType.Ping)
                throw new InvalidOperationException($"A modal cannot answer a {Interaction.Type} interaction.");
            await InitialAsync(InteractionCallback.ShowModal(modal), AckState.Responded, ct);
        }, cancellationToken);

    /// <summary>Answers an autocomplete interaction with up to 25 choices.</summary>
    public Task AutocompleteAsync(IReadOnlyList<CommandChoice> choices, CancellationToken cancellationToken = default) =>
        Serialised(async ct =>
        {
            if (Interaction.Type != InteractionType.ApplicationCommandAutocomplete)
                throw new InvalidOperationException("Only autocomplete interactions take choices.");
            if (State != AckState.New)
                throw new InvalidOperationException("Autocomplete was already answered.");
            await InitialAsync(InteractionCallback.Autocomplete(choices), AckState.Responded, ct);
        }, cancellationToken);

    /// <summary>Sends another message after the interaction has been acknowledged.</summary>
    public Task<Message> FollowUpAsync(MessagePayload message, CancellationToken cancellationToken = default) =>
        Serialised(async ct =>
        {
            RequireAcknowledged("follow-up");
            var sent = await _rest.CreateFollowUpAsync(Interaction.ApplicationId, Interaction.Token, message, ct);
            State = AckState.Responded;
            return sent;
        }, cancellationToken);

    /// <summary>Replaces the original response (or the message a deferred component update is on).</summary>
    public Task<Message> EditOriginalAsync(MessagePayload message, CancellationToken cancellationToken = default) =>
        Serialised(async ct =>
        {
            RequireAcknowledged("edit of the original response");
            var edited = await _rest.EditOriginalResponseAsync(Interaction.ApplicationId, Interaction.Token, message, ct);
            State = AckState.Responded;
            return edited;
        }, cancellationToken);

    /// <summary>A short ephemeral notice (errors, "busy") sent however the current state allows.</summary>
    public Task SendNoticeAsync(string text, CancellationToken cancellationToken = default) =>
        Serialised(async ct =>
        {
            var notice = MessagePayload.Text(text, ephemeral: true);
            switch (State)
            {
                case AckState.New when Interaction.Type == InteractionType.ApplicationCommandAutocomplete:
                    await InitialAsync(InteractionCallback.Autocomplete([]), AckState.Responded, ct);
                    break;
                case AckState.New:
                    await InitialAsync(InteractionCallback.Reply(notice), AckState.Responded, ct);
                    break;
                case AckState.Deferred when !_deferredAsUpdate:
                    await _rest.EditOriginalResponseAsync(Interaction.ApplicationId, Interaction.Token, notice with { Flags = null }, ct);
                    State = AckState.Responded;
                    break;
                default:
                    await _rest.CreateFollowUpAsync(Interaction.ApplicationId, Interaction.Token, notice, ct);
                    break;
            }
        }, cancellationToken);

    /// <summary>Started by the dispatcher's deadline timer: defers unless answered, a modal is coming, or it is autocomplete.</summary>
    internal void StartAutoDefer(CancellationToken cancellationToken) =>
        _autoDefer = AutoDeferAsync(cancellationToken);

    internal Task AutoDeferCompletion => _autoDefer;

    /// <summary>After the handler returns no automatic defer may start (nobody would complete it).</summary>
    internal async Task SealAsync()
    {
        await _gate.WaitAsync();
        _sealed = true;
        _gate.Release();
    }

    private async Task AutoDeferAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Serialised(async ct =>
            {
                if (_sealed || State != AckState.New || _modalIntended
                    || Interaction.Type is InteractionType.ApplicationCommandAutocomplete or InteractionType.Ping)
                    return;
                if (IsComponent)
                {
                    await InitialAsync(InteractionCallback.DeferUpdate(), AckState.Deferred, ct);
                    _deferredAsUpdate = true;
                }
                else
                {
                    await InitialAsync(InteractionCallback.Defer(DeferEphemeral), AckState.Deferred, ct);
                }
                _metrics.Deferred(Interaction.Type.ToString());
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Automatic defer failed for interaction {InteractionId}", Interaction.Id);
        }
    }

    private async Task InitialAsync(InteractionCallback callback, AckState next, CancellationToken ct)
    {
        await (_initial is null
            ? _rest.CreateInteractionResponseAsync(Interaction.Id, Interaction.Token, callback, ct)
            : _initial(callback, ct));
        State = next;
        var elapsed = _time.GetElapsedTime(_receivedAt);
        _metrics.Acknowledged(Interaction.Type.ToString(), elapsed);
        if (elapsed >= DiscordDeadline)
        {
            _metrics.MissedDeadline(Interaction.Type.ToString());
            _logger.LogWarning("Interaction {InteractionId} acknowledged {Elapsed} ms after receipt (limit 3000 ms)", Interaction.Id, (long)elapsed.TotalMilliseconds);
        }
    }

    private void RequireAcknowledged(string what)
    {
        if (State == AckState.New)
            throw new InvalidOperationException($"A {what} needs the interaction to be acknowledged first.");
    }

    private void RequireNot(InteractionType type, string message)
    {
        if (Interaction.Type == type)
            throw new InvalidOperationException(message);
    }

    private async Task Serialised(Func<CancellationToken, Task> action, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await action(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<T> Serialised<T>(Func<CancellationToken, Task<T>> action, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await action(ct);
        }
        finally
        {
            _gate.Release();
        }
    }
}
