using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace BackendPrep.Discord.Gateway;

/// <summary>How one connection ended, and what the session does next.</summary>
internal sealed record ConnectionOutcome(ReconnectAction Action, string Reason, int? CloseCode = null, bool Immediate = false, bool WaitBeforeIdentify = false);

public sealed partial class GatewayClient
{
    /// <summary>Our own closes use 4000: anything but 1000/1001 keeps the session resumable.</summary>
    private const int ResumableCloseCode = (int)GatewayCloseCode.UnknownError;

    /// <summary>How long a server may take to answer our close frame before we stop waiting for it.</summary>
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    private volatile string? _abortReason;
    private ITimer? _abortFallback;
    private volatile bool _awaitingAck;
    private long _heartbeatSentAt;
    private long _consumerWaits;
    private long _waitsAtBeat;
    private bool _consumerWaiting;

    private async Task<ConnectionOutcome> RunConnectionAsync(CancellationToken ct)
    {
        string? sessionId, resumeUrl;
        lock (_lock)
        {
            (sessionId, resumeUrl) = (_sessionId, _resumeUrl);
        }

        var resuming = sessionId is not null && resumeUrl is not null;
        _abortReason = null;
        _awaitingAck = false;
        // Not linked to ct: cancelling a pending receive aborts the socket without a close frame. Shutdown instead
        // sends the resumable close (below) and the receive ends when the server answers it.
        using var connectionCts = new CancellationTokenSource();
        try
        {
            SetState(GatewayState.Connecting);
            var url = resuming ? resumeUrl! : await PrepareIdentifyAsync(ct);
            await using var connection = await GatewayConnection.ConnectAsync(WithQuery(url), _options.MaxMessageBytes, ct);
            _limiter.Reset();
            using var shutdown = ct.Register(() => Abort(connection, connectionCts, "shutdown"));
            using var handshake = _time.CreateTimer(_ => Abort(connection, connectionCts, "handshake timeout"), null, _options.HandshakeTimeout, Timeout.InfiniteTimeSpan);

            var hello = await ReceiveFrameAsync(connection, connectionCts.Token);
            if (hello is null)
            {
                return Closed(connection);
            }

            if (hello.Value.Op == (int)GatewayOpcode.Reconnect)
            {
                return new ConnectionOutcome(ReconnectAction.Resume, "reconnect requested", Immediate: true);
            }

            if (hello.Value.Op != (int)GatewayOpcode.Hello)
            {
                return new ConnectionOutcome(ReconnectAction.Resume, "no hello");
            }

            var interval = TimeSpan.FromMilliseconds(JsonSerializer.Deserialize(hello.Value.Data.Span, GatewayJsonContext.Default.HelloData)!.HeartbeatInterval);
            var heartbeats = HeartbeatAsync(connection, interval, connectionCts);
            try
            {
                if (resuming)
                {
                    SetState(GatewayState.Resuming);
                    long? seq;
                    lock (_lock)
                    {
                        seq = _sequence;
                    }

                    await SendAsync(connection, new ResumeFrame((int)GatewayOpcode.Resume, new ResumeData(_options.Token, sessionId!, seq)), GatewayJsonContext.Default.ResumeFrame, false, ct);
                    Interlocked.Increment(ref _resumes);
                    GatewayMetrics.Resumes.Add(1);
                }
                else
                {
                    SetState(GatewayState.Identifying);
                    await SendIdentifyAsync(connection, ct);
                }

                return await ReceiveLoopAsync(connection, handshake, connectionCts, ct);
            }
            finally
            {
                await connectionCts.CancelAsync();
                await heartbeats;
                _abortFallback?.Dispose();
                // Shutdown closes with the resumable code too (see Abort): 1000/1001 would end the session at once.
                await connection.CloseAsync(ResumableCloseCode, "reconnecting", TimeSpan.FromSeconds(2));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new ConnectionOutcome(ReconnectAction.Resume, "shutdown");
        }
        catch (OperationCanceledException) when (_abortReason is { } reason)
        {
            return new ConnectionOutcome(ReconnectAction.Resume, reason);
        }
        catch (Exception ex) when (IsNetworkError(ex))
        {
            _log.LogWarning("Shard {Shard}: gateway connection failed: {Error}", ShardId, ex.Message);
            return new ConnectionOutcome(ReconnectAction.Resume, "network error");
        }
        finally
        {
            SetState(GatewayState.Disconnected);
        }
    }

    /// <summary>Before a fresh session: the URL, the daily identify budget and the max_concurrency spacing.</summary>
    private async Task<string> PrepareIdentifyAsync(CancellationToken ct)
    {
        var info = await _urls.GetGatewayBotAsync(ct);
        var url = info.Url;
        var limit = info.SessionStartLimit;
        if (limit.Remaining <= 0)
        {
            _log.LogError("Shard {Shard}: no session starts left today ({Total}); waiting {Wait} for the limit to reset", ShardId, limit.Total, limit.ResetAfter);
            await Task.Delay(limit.ResetAfter, _time, ct);
        }
        else if (limit.Remaining < 100)
        {
            _log.LogWarning("Shard {Shard}: only {Remaining} of {Total} daily session starts left", ShardId, limit.Remaining, limit.Total);
        }

        await _identifyGate.WaitAsync(ShardId, limit.MaxConcurrency, ct);
        return url;
    }

    private async Task SendIdentifyAsync(GatewayConnection connection, CancellationToken ct)
    {
        var data = new IdentifyData(_options.Token, _options.Intents, _options.Properties)
        {
            Shard = _options.ShardCount > 1 ? [_options.ShardId, _options.ShardCount] : null,
        };
        await SendAsync(connection, new IdentifyFrame((int)GatewayOpcode.Identify, data), GatewayJsonContext.Default.IdentifyFrame, false, ct);
        var count = Interlocked.Increment(ref _identifies);
        GatewayMetrics.Identifies.Add(1);
        _log.LogInformation("Shard {Shard}: identified (identify #{Count} since start)", ShardId, count);
    }

    /// <param name="stopping">Host shutdown.</param>
    private async Task<ConnectionOutcome> ReceiveLoopAsync(GatewayConnection connection, ITimer handshake, CancellationTokenSource connectionCts, CancellationToken stopping)
    {
        // Shutdown, or giving up on this connection, are the only things that abandon a dispatch waiting for the
        // consumer; its sequence is then not counted, so the next RESUME replays it.
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(stopping, connectionCts.Token);
        while (true)
        {
            var frame = await ReceiveFrameAsync(connection, connectionCts.Token);
            if (frame is null)
            {
                return Closed(connection);
            }

            var f = frame.Value;
            switch ((GatewayOpcode)f.Op)
            {
                case GatewayOpcode.Dispatch:
                    await OnDispatchAsync(f, handshake, abandon.Token);
                    break;
                case GatewayOpcode.Heartbeat:
                    await SendHeartbeatAsync(connection, connectionCts.Token);
                    break;
                case GatewayOpcode.HeartbeatAck:
                    OnAck();
                    break;
                case GatewayOpcode.Reconnect:
                    return new ConnectionOutcome(ReconnectAction.Resume, "reconnect requested", Immediate: true);
                case GatewayOpcode.InvalidSession:
                    var resumable = f.Data.Span.SequenceEqual("true"u8);
                    return resumable
                        ? new ConnectionOutcome(ReconnectAction.Resume, "invalid session (resumable)")
                        : new ConnectionOutcome(ReconnectAction.Reidentify, "invalid session", WaitBeforeIdentify: true);
            }
        }
    }

    private async ValueTask OnDispatchAsync(GatewayFrame frame, ITimer handshake, CancellationToken abandon)
    {
        if (frame.EventName == "READY")
        {
            if (ReadReady(frame.Data.Span) is { SessionId.Length: > 0, ResumeGatewayUrl.Length: > 0 } ready)
            {
                lock (_lock)
                {
                    (_sessionId, _resumeUrl, _applicationId, _botUserId) = (ready.SessionId, ready.ResumeGatewayUrl, ready.Application?.Id, ready.User?.Id);
                }

                Connected(handshake, "ready");
            }
            else
            {
                // A READY we cannot use must neither kill the client nor wipe the session we have.
                _log.LogWarning("Shard {Shard}: ignored a READY without a session id and resume URL", ShardId);
            }
        }
        else if (frame.EventName == "RESUMED")
        {
            Connected(handshake, "resumed");
        }

        // The frame's buffer is reused for the next message, so the data is copied out.
        var dispatch = new GatewayDispatch(frame.EventName ?? "", frame.Sequence ?? 0, frame.Data.ToArray(), _time.GetTimestamp(), ShardId);
        if (!_dispatches.TryWrite(dispatch))
        {
            await WaitForConsumerAsync(dispatch, abandon);
        }

        // Only a dispatch handed on counts as received: a RESUME after shutdown or a lost socket replays the rest.
        lock (_lock)
        {
            if (frame.Sequence is { } s)
            {
                _sequence = s;
            }
        }
    }

    /// <summary>
    /// Backpressure instead of loss: while the consumer lags, this loop stops reading and later frames wait in the
    /// socket (ours and the kernel's buffers, then Discord's), so no event is dropped and memory stays bounded.
    /// Heartbeats still go out from their timer; their ACKs queue behind the unread frames, so the zombie check
    /// excuses a missing ACK while a wait is in progress or happened since the beat (<see cref="ConsumerStalledSinceBeat"/>).
    /// </summary>
    private async ValueTask WaitForConsumerAsync(GatewayDispatch dispatch, CancellationToken abandon)
    {
        var started = _time.GetTimestamp();
        Interlocked.Increment(ref _consumerWaits);
        Volatile.Write(ref _consumerWaiting, true);
        try
        {
            await _dispatches.WriteAsync(dispatch, abandon);
        }
        finally
        {
            Volatile.Write(ref _consumerWaiting, false);
            var waited = _time.GetElapsedTime(started);
            GatewayMetrics.ConsumerWait.Record(waited.TotalMilliseconds);
            if (waited >= TimeSpan.FromSeconds(1))
            {
                _log.LogWarning("Shard {Shard}: the dispatch consumer kept the gateway waiting {Waited} ms", ShardId, (long)waited.TotalMilliseconds);
            }
        }
    }

    private static ReadyData? ReadReady(ReadOnlySpan<byte> data)
    {
        try
        {
            return JsonSerializer.Deserialize(data, GatewayJsonContext.Default.ReadyData);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void Connected(ITimer handshake, string how)
    {
        handshake.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        SetState(GatewayState.Connected);
        _backoff.Reset();
        _log.LogInformation("Shard {Shard}: gateway {How}", ShardId, how);
    }

    private async Task<GatewayFrame?> ReceiveFrameAsync(GatewayConnection connection, CancellationToken ct)
    {
        while (true)
        {
            var message = await connection.ReceiveAsync(ct);
            if (message is null)
            {
                return null;
            }

            if (GatewayFrame.TryParse(message.Value, out var frame))
            {
                return frame;
            }

            // One garbled frame is not worth a reconnect; the sequence number tells us if we missed anything that matters.
            _log.LogWarning("Shard {Shard}: skipped a gateway message that is not a valid payload ({Length} bytes)", ShardId, message.Value.Length);
        }
    }

    private ConnectionOutcome Closed(GatewayConnection connection)
    {
        if (_abortReason is { } reason)
        {
            // We closed it (zombie, handshake timeout) and the server echoed our close.
            return new ConnectionOutcome(ReconnectAction.Resume, reason);
        }

        var code = connection.CloseStatus is { } status ? (int)status : (int?)null;
        return new ConnectionOutcome(CloseCodePolicy.Decide(code), code is null ? "closed" : $"close {code}", code);
    }

    /// <summary>
    /// Ends a connection we gave up on with a resumable close code, so the session survives. Cancelling the pending
    /// receive instead would abort the socket without any close frame; that is only the fallback if the server never
    /// answers our close.
    /// </summary>
    private void Abort(GatewayConnection connection, CancellationTokenSource cts, string reason)
    {
        _abortReason ??= reason;
        _abortFallback = _time.CreateTimer(_ => CancelQuietly(cts), null, CloseGrace, Timeout.InfiniteTimeSpan);
        _ = connection.CloseAsync(ResumableCloseCode, reason, CloseGrace);
    }

    private static void CancelQuietly(CancellationTokenSource cts)
    {
        try
        {
            cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static Uri WithQuery(string url) =>
        new(url.TrimEnd('/') + "/?v=10&encoding=json");
}
