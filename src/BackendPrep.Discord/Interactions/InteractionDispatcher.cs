using System.Threading.Channels;
using BackendPrep.Discord.Gateway;
using BackendPrep.Discord.Hosting;
using BackendPrep.Discord.Interactions.Http;
using BackendPrep.Discord.Models;
using BackendPrep.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackendPrep.Discord.Interactions;

/// <summary>
/// Turns INTERACTION_CREATE dispatches (or, in HTTP mode, verified POSTs via <see cref="HandleHttpAsync"/>) into
/// handler calls: parses (malformed payloads are logged and counted),
/// drops redeliveries, queues to N workers (overflow gets an immediate "busy" reply), runs each handler in its own
/// async DI scope, auto-defers at <see cref="DiscordOptions.DeferAfter"/> measured from receipt on the monotonic clock,
/// and turns handler exceptions into a short ephemeral reply.
/// </summary>
public sealed class InteractionDispatcher
{
    public const string EventName = "INTERACTION_CREATE";
    internal const string ErrorText = "Something went wrong while handling that. Please try again in a moment.";
    internal const string BusyText = "I'm busy right now. Please try again in a few seconds.";

    /// <summary>
    /// Discord's interaction tokens are a few hundred characters; one far longer cannot be real and would only make
    /// every callback URL too long (414) on the way to an error log.
    /// </summary>
    private const int MaxTokenLength = 1_000;

    private readonly DiscordRestClient _rest;
    private readonly IServiceScopeFactory _scopes;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly DiscordMetrics _metrics;
    private readonly ILogger _logger;
    private readonly RecentIdSet _recent;
    private readonly Lock _backgroundLock = new();
    private readonly HashSet<Task> _background = [];
    private readonly SemaphoreSlim _httpWorkers;
    private int _httpAdmitted;
    private long _shedsSinceLog;
    private long _lastShedLog;

    public InteractionDispatcher(DiscordRestClient rest, IServiceScopeFactory scopes, IOptions<DiscordOptions> options, TimeProvider time, DiscordMetrics metrics, ILogger<InteractionDispatcher>? logger = null)
    {
        _rest = rest;
        _scopes = scopes;
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _recent = new RecentIdSet(time, TimeSpan.FromMinutes(15), capacity: 100_000);
        _httpWorkers = new SemaphoreSlim(_options.Workers, _options.Workers);
    }

    /// <summary>Consumes dispatches until the reader completes or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(ChannelReader<GatewayDispatch> dispatches, CancellationToken cancellationToken)
    {
        var work = System.Threading.Channels.Channel.CreateBounded<Work>(new BoundedChannelOptions(_options.QueueBound)
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
                if (!work.Writer.TryWrite(new Work(interaction, dispatch.ReceivedAt)))
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
            await DrainAsync();
        }
    }

    /// <summary>
    /// HTTP mode: the same pipeline for one verified interaction, whose initial callback becomes the HTTP response.
    /// At most Workers handlers run and QueueBound wait; beyond that the answer is "busy". Handlers run on
    /// <paramref name="stopping"/>, not on the request, because follow-ups continue after the response is sent.
    /// </summary>
    internal async Task<HttpInteractionResponse> HandleHttpAsync(Interaction interaction, long receivedAt, CancellationToken stopping, CancellationToken aborted)
    {
        if (!_recent.TryAdd(interaction.Id))
        {
            _metrics.Duplicate();
            _logger.LogInformation("Refused repeated interaction {InteractionId}", interaction.Id);
            return HttpInteractionResponse.Conflict;
        }

        var http = new PendingHttpResponse(_rest, interaction);
        if (Interlocked.Increment(ref _httpAdmitted) > _options.Workers + _options.QueueBound)
        {
            Interlocked.Decrement(ref _httpAdmitted);
            Shed(interaction, receivedAt, stopping, http);
        }
        else
        {
            Track(async () =>
            {
                try
                {
                    await _httpWorkers.WaitAsync(stopping);
                    try
                    {
                        await HandleOneAsync(new Work(interaction, receivedAt, http), stopping);
                    }
                    finally
                    {
                        _httpWorkers.Release();
                    }
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                }
                finally
                {
                    Interlocked.Decrement(ref _httpAdmitted);
                    http.Abandon();
                }
            });
        }
        return await http.Response.WaitAsync(aborted);
    }

    private Interaction? Parse(GatewayDispatch dispatch)
    {
        try
        {
            var interaction = DiscordJson.ParseInteraction(dispatch.Data.Span);
            if (interaction.Id != 0 && interaction.Token.Length is > 0 and <= MaxTokenLength)
                return interaction;
            _logger.LogWarning("INTERACTION_CREATE without id or a usable token (seq {Sequence})", dispatch.Sequence);
        }
        catch (Exception ex)
        {
            _logger.LogWarning("Malformed INTERACTION_CREATE (seq {Sequence}): {Error}", dispatch.Sequence, ex.Message);
        }
        _metrics.Malformed();
        return null;
    }

    private void Shed(Interaction interaction, long receivedAt, CancellationToken ct, PendingHttpResponse? http = null)
    {
        _metrics.Shed();
        LogShed(interaction.Id);
        var responder = NewResponder(interaction, receivedAt, http);
        Track(async () =>
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
            finally
            {
                http?.Abandon();
            }
        });
    }

    /// <summary>
    /// One warning per second at most: a line per shed in a burst of thousands can fill the logger's queue, and a
    /// blocked logger would stall admission while the gateway keeps receiving. The metric still counts each one.
    /// </summary>
    private void LogShed(ulong interactionId)
    {
        var now = _time.GetTimestamp();
        var suppressed = Interlocked.Increment(ref _shedsSinceLog);
        var last = Interlocked.Read(ref _lastShedLog);
        if (last != 0 && _time.GetElapsedTime(last, now) < TimeSpan.FromSeconds(1))
            return;
        if (Interlocked.CompareExchange(ref _lastShedLog, now, last) != last)
            return;
        Interlocked.Add(ref _shedsSinceLog, -suppressed);
        _logger.LogWarning("Interaction queue full ({Bound}); answering {InteractionId} and {Others} more since the last report with busy",
            _options.QueueBound, interactionId, suppressed - 1);
    }

    /// <summary>Runs work that outlives the call that started it; shutdown waits for all of it.</summary>
    private void Track(Func<Task> work)
    {
        var task = Task.Run(work, CancellationToken.None);
        lock (_backgroundLock)
            _background.Add(task);
        task.ContinueWith(t => { lock (_backgroundLock) _background.Remove(t); }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits for busy replies and HTTP-mode handlers still running (call after the sources stopped).</summary>
    public async Task DrainAsync()
    {
        Task[] pending;
        lock (_backgroundLock)
            pending = [.. _background];
        await Task.WhenAll(pending);
    }

    private async Task WorkAsync(ChannelReader<Work> reader, CancellationToken ct)
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

    private InteractionResponder NewResponder(Interaction interaction, long receivedAt, PendingHttpResponse? http = null) =>
        new(_rest, interaction, receivedAt, _time, _metrics, _logger, http is null ? null : http.DeliverAsync);

    internal async Task HandleOneAsync(Work item, CancellationToken ct)
    {
        var interaction = item.Interaction;
        using var logScope = InteractionLogScope.Begin(_logger, interaction);
        var type = interaction.Type.ToString();
        var responder = NewResponder(interaction, item.ReceivedAt, item.Http);
        var due = _options.DeferAfter - _time.GetElapsedTime(item.ReceivedAt);
        var outcome = "ok";
        ITimer? timer = null;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            try
            {
                var handler = scope.ServiceProvider.GetRequiredService<IInteractionHandler>();
                handler.Prepare(interaction, responder);
                timer = _time.CreateTimer(_ => responder.StartAutoDefer(ct), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
                await handler.HandleAsync(interaction, responder, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                outcome = "cancelled";
            }
            catch (Exception ex)
            {
                outcome = "error";
                _logger.LogError(ex, "Handler failed for interaction {InteractionId} ({Type} {Name})", interaction.Id, type, InteractionLogScope.CommandName(interaction));
                try
                {
                    await responder.SendNoticeAsync($"{ErrorText} (ref {interaction.Id})", ct);
                }
                catch (Exception replyError)
                {
                    _logger.LogWarning("Error reply for interaction {InteractionId} failed: {Error}", interaction.Id, replyError.Message);
                }
            }
            finally
            {
                timer?.Dispose();
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
        _logger.LogDebug("Interaction {InteractionId} ({Type}) handled in {ElapsedMs:0} ms: {Outcome}",
            interaction.Id, type, _time.GetElapsedTime(item.ReceivedAt).TotalMilliseconds, outcome);
    }

    /// <param name="Http">The open HTTP request the initial callback goes into (HTTP mode); null for the gateway.</param>
    internal sealed record Work(Interaction Interaction, long ReceivedAt, PendingHttpResponse? Http = null);
}
