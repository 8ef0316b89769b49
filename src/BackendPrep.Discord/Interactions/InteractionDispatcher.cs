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
/// drops redeliveries, queues to N workers (overflow gets a "busy" reply, sent off the admission path), runs each
/// handler in its own async DI scope, auto-defers at <see cref="DiscordOptions.DeferAfter"/> measured from receipt on
/// the monotonic clock — from admission, so a queued interaction is deferred on time even while every worker is
/// busy — and turns handler exceptions into a short ephemeral reply.
/// </summary>
public sealed partial class InteractionDispatcher
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

    /// <summary>
    /// Consumes dispatches until the reader completes or <paramref name="cancellationToken"/> fires. Admission is
    /// cheap and never waits on HTTP: parse, de-duplicate, then either queue for a worker or hand to the busy
    /// senders. It waits only when the busy backlog itself is full, and then the gateway waits with it (frames queue
    /// in the socket) rather than anything being dropped.
    /// </summary>
    public async Task RunAsync(ChannelReader<GatewayDispatch> dispatches, CancellationToken cancellationToken)
    {
        var work = System.Threading.Channels.Channel.CreateBounded<Admission>(new BoundedChannelOptions(_options.QueueBound)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var busy = System.Threading.Channels.Channel.CreateBounded<BusyReply>(new BoundedChannelOptions(BusyBacklog)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _metrics.ObserveQueueDepth(() => work.Reader.Count);
        var workers = Enumerable.Range(0, _options.Workers).Select(_ => Task.Run(() => WorkAsync(work.Reader, cancellationToken), CancellationToken.None)).ToArray();
        var senders = Enumerable.Range(0, BusySenders).Select(_ => Task.Run(() => SendBusyRepliesAsync(busy.Reader, cancellationToken), CancellationToken.None)).ToArray();
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
                // Only this loop writes, and workers only take items out, so a free slot seen here stays free.
                if (work.Reader.Count < _options.QueueBound)
                {
                    var admitted = Admit(interaction, dispatch.ReceivedAt, null, cancellationToken);
                    if (work.Writer.TryWrite(admitted))
                        continue;
                    await admitted.DisposeAsync();
                }
                await ShedAsync(busy.Writer, interaction, dispatch.ReceivedAt, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            work.Writer.TryComplete();
            busy.Writer.TryComplete();
            await Task.WhenAll(workers);
            await Task.WhenAll(senders);
            // Cancelled workers leave admitted interactions behind: release their timers and scopes.
            while (work.Reader.TryRead(out var left))
                await left.DisposeAsync();
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
            ShedHttp(interaction, receivedAt, http, stopping);
        }
        else
        {
            var admitted = Admit(interaction, receivedAt, http, stopping);
            Track(async () =>
            {
                try
                {
                    await _httpWorkers.WaitAsync(stopping);
                    try
                    {
                        await HandleOneAsync(admitted, stopping);
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
                    await admitted.DisposeAsync();
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

    private async Task WorkAsync(ChannelReader<Admission> reader, CancellationToken ct)
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

    /// <summary>
    /// Gives an interaction its scope, handler and responder, lets the handler declare its intent
    /// (<see cref="IInteractionHandler.Prepare"/>: modal, visibility), and arms the deferral timer from receipt.
    /// Doing this at admission rather than when a worker is free keeps the 3 s promise for queued interactions.
    /// </summary>
    private Admission Admit(Interaction interaction, long receivedAt, PendingHttpResponse? http, CancellationToken ct)
    {
        var scope = _scopes.CreateAsyncScope();
        var responder = NewResponder(interaction, receivedAt, http);
        IInteractionHandler? handler = null;
        Exception? prepareError = null;
        try
        {
            handler = scope.ServiceProvider.GetRequiredService<IInteractionHandler>();
            handler.Prepare(interaction, responder);
        }
        catch (Exception ex)
        {
            // Reported by the worker like any handler failure, so it gets the usual error reply.
            prepareError = ex;
        }
        var due = _options.DeferAfter - _time.GetElapsedTime(receivedAt);
        var timer = _time.CreateTimer(_ => responder.StartAutoDefer(ct), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        return new Admission(interaction, receivedAt, scope, handler, prepareError, responder, timer);
    }

    private async Task HandleOneAsync(Admission item, CancellationToken ct)
    {
        var interaction = item.Interaction;
        using var logScope = InteractionLogScope.Begin(_logger, interaction);
        var type = interaction.Type.ToString();
        var responder = item.Responder;
        var outcome = "ok";
        await using (item)
        {
            try
            {
                if (item.PrepareError is { } prepareError)
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(prepareError);
                await item.Handler!.HandleAsync(interaction, responder, ct);
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

    /// <summary>An interaction accepted for a worker: everything it needs, created at admission.</summary>
    private sealed class Admission(Interaction interaction, long receivedAt, AsyncServiceScope scope, IInteractionHandler? handler, Exception? prepareError,
        InteractionResponder responder, ITimer deferral) : IAsyncDisposable
    {
        private int _disposed;

        public Interaction Interaction => interaction;
        public long ReceivedAt => receivedAt;
        public IInteractionHandler? Handler => handler;
        public Exception? PrepareError => prepareError;
        public InteractionResponder Responder => responder;

        /// <summary>Stops the deferral timer (the handler is done, or it never ran) and ends the scope; once only.</summary>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
                return;
            deferral.Dispose();
            await scope.DisposeAsync();
        }
    }
}
