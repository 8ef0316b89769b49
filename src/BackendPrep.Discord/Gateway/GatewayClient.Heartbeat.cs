using Microsoft.Extensions.Logging;

namespace BackendPrep.Discord.Gateway;

public sealed partial class GatewayClient
{
    /// <summary>
    /// First beat after interval × jitter, then every interval. A beat that finds the previous one un-ACKed means a
    /// zombie connection: abort it (closing with a resumable code) and resume on a new one. Not while the receive loop
    /// is waiting for the dispatch consumer, though: the ACK is then unread in the socket, not missing.
    /// </summary>
    private async Task HeartbeatAsync(GatewayConnection connection, TimeSpan interval, CancellationTokenSource connectionCts)
    {
        var ct = connectionCts.Token;
        try
        {
            await Task.Delay(interval * _random(), _time, ct);
            while (!ct.IsCancellationRequested)
            {
                if (_awaitingAck && ConsumerStalledSinceBeat)
                {
                    _log.LogWarning("Shard {Shard}: heartbeat ACK not read yet because the dispatch consumer is behind; beating on", ShardId);
                }
                else if (_awaitingAck)
                {
                    _log.LogWarning("Shard {Shard}: no heartbeat ACK within {Interval}; treating the connection as a zombie", ShardId, interval);
                    Abort(connection, connectionCts, "zombie connection");
                    return;
                }

                await SendHeartbeatAsync(connection, ct);
                await Task.Delay(interval, _time, ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (IsNetworkError(ex) || ex is ObjectDisposedException)
        {
            // The receive loop sees the broken socket and decides what to do.
        }
    }

    private async Task SendHeartbeatAsync(GatewayConnection connection, CancellationToken ct)
    {
        long? seq;
        lock (_lock)
        {
            seq = _sequence;
        }

        _awaitingAck = true;
        Interlocked.Exchange(ref _waitsAtBeat, Interlocked.Read(ref _consumerWaits));
        Interlocked.Exchange(ref _heartbeatSentAt, _time.GetTimestamp());
        await SendAsync(connection, new HeartbeatFrame((int)GatewayOpcode.Heartbeat, seq), GatewayJsonContext.Default.HeartbeatFrame, heartbeat: true, ct);
    }

    /// <summary>Whether the receive loop is waiting for the consumer now, or has waited since the last beat was sent.</summary>
    private bool ConsumerStalledSinceBeat =>
        Volatile.Read(ref _consumerWaiting) || Interlocked.Read(ref _consumerWaits) != Interlocked.Read(ref _waitsAtBeat);

    private void OnAck()
    {
        _awaitingAck = false;
        var latency = _time.GetElapsedTime(Interlocked.Read(ref _heartbeatSentAt));
        lock (_lock)
        {
            _lastAck = _time.GetUtcNow();
            _latency = latency;
        }

        GatewayMetrics.HeartbeatLatency.Record(latency.TotalMilliseconds);
    }
}
