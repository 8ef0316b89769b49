using System.Threading.Channels;
using BackendPrep.Discord.Gateway;
using BackendPrep.Discord.Hosting;
using BackendPrep.Discord.Models;
using BackendPrep.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackendPrep.Discord.Interactions;

/// <summary>
/// Turns INTERACTION_CREATE dispatches into handler calls: parses (malformed payloads are logged and counted),
/// drops redeliveries, queues to N workers (overflow gets an immediate "busy" reply), runs each handler in its own
/// async DI scope, auto-defers at <see cref="DiscordOptions.DeferAfter"/> measured from receipt on the monotonic clock,
/// and turns handler exceptions into a short ephemeral reply.
/// </summary>
public sealed class InteractionDispatcher
{
    public const string EventName = "INTERACTION_CREATE";
    internal const string ErrorText = "Something went wrong while handling that. Please try again in a moment.";
    internal const string BusyText = "I'm busy right now. Please try again in a few seconds.";

    private readonly DiscordRestClient _rest;
    private readonly IServiceScopeFactory _scopes;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly DiscordMetrics _metrics;
    private readonly ILogger _logger;
    private readonly RecentIdSet _recent;
    private readonly Lock _shedLock = new();
    private readonly HashSet<Task> _sheds = [];

    public InteractionDispatcher(DiscordRestClient rest, IServiceScopeFactory scopes, IOptions<DiscordOptions> options, TimeProvider time, DiscordMetrics metrics, ILogger<InteractionDispatcher>? logger = null)
    {
        _rest = rest;
        _scopes = scopes;
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _recent = new RecentIdSet(time, TimeSpan.FromMinutes(15), capacity: 100_000);
    }

    /// <summary>Consumes dispatches until the reader completes or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(ChannelReader<GatewayDispatch> dispatches, CancellationToken cancellationToken)
    {
        var work = System.Threading.Channels.Channel.CreateBounded<GatewayWork>(new BoundedChannelOptions(_options.QueueBound)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _metrics.ObserveQueueDepth(() => work.Reader.Count);
        var workers = Enumerable.Range(0, _options.Workers).Select(_ => Task.Run(() => WorkAsync(work.Reader, cancellationToken), CancellationToken.None)).ToArray();
        try
        {
            await foreach (var dispatch in dispatches.ReadAllAsync(cancellationToken))
            {
                if (dispatch.EventName != EventName || Parse(dispatch) is not { } interaction)
                    continue;
                if (!_recent.TryAdd(interaction.Id))
                {
                    _metrics.Duplicate();
                    _logger.LogInformation("Dropped redelivered interaction {InteractionId}", interaction.Id);
                    continue;
                }
                if (!work.Writer.TryWrite(new GatewayWork(interaction, dispatch.ReceivedAt)))
                    Shed(interaction, dispatch.ReceivedAt, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            work.Writer.TryComplete();
            await Task.WhenAll(workers);
            Task[] pending;
            lock (_shedLock)
                pending = [.. _sheds];
            await Task.WhenAll(pending);
        }
    }

    private Interaction? Parse(GatewayDispatch dispatch)
    {
        try
        {
            var interaction = DiscordJson.ParseInteraction(dispatch.Data.Span);
            if (interaction.Id != 0 && interaction.Token.Length > 0)
                return interaction;
            _logger.LogWarning("INTERACTION_CREATE without id or token (seq {Sequence})", dispatch.Sequence);
        }
        catch (Exception ex)
        {
            _logger.LogWarning("Malformed INTERACTION_CREATE (seq {Sequence}): {Error}", dispatch.Sequence, ex.Message);
        }
        _metrics.Malformed();
        return null;
    }

    private void Shed(Interaction interaction, long receivedAt, CancellationToken ct)
    {
        _metrics.Shed();
        _logger.LogWarning("Interaction queue full ({Bound}); answering {InteractionId} with busy", _options.QueueBound, interaction.Id);
        var responder = NewResponder(interaction, receivedAt);
        var task = Task.Run(async () =>
        {
            try
            {
                await responder.SendNoticeAsync(BusyText, ct);
                _metrics.InteractionHandled(interaction.Type.ToString(), "shed");
            }
            catch (Exception ex)
            {
                _logger.LogWarning("Busy reply to interaction {InteractionId} failed: {Error}", interaction.Id, ex.Message);
            }
        }, CancellationToken.None);
        lock (_shedLock)
            _sheds.Add(task);
        task.ContinueWith(t => { lock (_shedLock) _sheds.Remove(t); }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task WorkAsync(ChannelReader<GatewayWork> reader, CancellationToken ct)
    {
        try
        {
            await foreach (var item in reader.ReadAllAsync(ct))
                await HandleOneAsync(item, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private InteractionResponder NewResponder(Interaction interaction, long receivedAt) =>
        new(_rest, interaction, receivedAt, _time, _metrics, _logger);

    internal async Task HandleOneAsync(GatewayWork item, CancellationToken ct)
    {
        var interaction = item.Interaction;
        var type = interaction.Type.ToString();
        var responder = NewResponder(interaction, item.ReceivedAt);
        var due = _options.DeferAfter - _time.GetElapsedTime(item.ReceivedAt);
        var outcome = "ok";
        using (var timer = _time.CreateTimer(_ => responder.StartAutoDefer(ct), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan))
        {
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                var handler = scope.ServiceProvider.GetRequiredService<IInteractionHandler>();
                await handler.HandleAsync(interaction, responder, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                outcome = "cancelled";
            }
            catch (Exception ex)
            {
                outcome = "error";
                _logger.LogError(ex, "Handler failed for interaction {InteractionId} ({Type} {Name})", interaction.Id, type, interaction.Data?.Name ?? interaction.Data?.CustomId);
                try
                {
                    await responder.SendNoticeAsync($"{ErrorText} (ref {interaction.Id})", ct);
                }
                catch (Exception replyError)
                {
                    _logger.LogWarning("Error reply for interaction {InteractionId} failed: {Error}", interaction.Id, replyError.Message);
                }
            }
        }
        await responder.SealAsync();
        await responder.AutoDeferCompletion;
        if (outcome == "ok" && responder.State == AckState.New)
        {
            outcome = "unanswered";
            _logger.LogWarning("Handler returned without answering interaction {InteractionId} ({Type})", interaction.Id, type);
        }
        _metrics.InteractionHandled(type, outcome);
    }

    internal sealed record GatewayWork(Interaction Interaction, long ReceivedAt);
}
