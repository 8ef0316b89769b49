using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace BackendPrep.Discord.Gateway;

/// <summary>
/// One shard's gateway session: connect, HELLO, heartbeat, IDENTIFY or RESUME, read dispatches into a bounded channel
/// (waiting, never dropping, when it is full),
/// and decide after every disconnect whether to resume, re-identify or stop (<see cref="CloseCodePolicy"/>).
/// The receive loop only reads frames; heartbeats run on their own timer, so nothing downstream can delay one.
/// </summary>
public sealed partial class GatewayClient
{
    private readonly GatewayOptions _options;
    private readonly IGatewayUrlSource _urls;
    private readonly IdentifyGate _identifyGate;
    private readonly ChannelWriter<GatewayDispatch> _dispatches;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Func<double> _random;
    private readonly ReconnectBackoff _backoff;
    private readonly GatewaySendLimiter _limiter;
    private readonly Dictionary<string, int> _reconnects = [];
    private readonly object _lock = new();

    private string? _sessionId;
    private string? _resumeUrl;
    private long? _sequence;
    private GatewayState _state;
    private DateTimeOffset? _lastAck;
    private TimeSpan? _latency;
    private int _identifies;
    private int _resumes;
    private ulong? _applicationId;
    private ulong? _botUserId;
    private long _disconnectedSince;

    public GatewayClient(
        GatewayOptions options,
        IGatewayUrlSource urls,
        ChannelWriter<GatewayDispatch> dispatches,
        TimeProvider time,
        ILogger log,
        IdentifyGate? identifyGate = null,
        Func<double>? random = null)
    {
        _options = options;
        _urls = urls;
        _dispatches = dispatches;
        _time = time;
        _log = log;
        _random = random ?? Random.Shared.NextDouble;
        _identifyGate = identifyGate ?? new IdentifyGate(time);
        _backoff = new ReconnectBackoff(_random);
        _limiter = new GatewaySendLimiter(time);
        _disconnectedSince = time.GetTimestamp();
    }

    public int ShardId => _options.ShardId;

    public GatewayHealth Health
    {
        get
        {
            lock (_lock)
            {
                return new GatewayHealth(_options.ShardId, _state, _sessionId, _sequence, _lastAck, _latency, _identifies, _resumes,
                    new Dictionary<string, int>(_reconnects), _applicationId, _botUserId, Interlocked.Read(ref _consumerWaits));
            }
        }
    }

    /// <summary>How long the session has been without READY/RESUMED; zero while connected.</summary>
    public TimeSpan DisconnectedFor
    {
        get
        {
            lock (_lock)
            {
                return _state == GatewayState.Connected ? TimeSpan.Zero : _time.GetElapsedTime(_disconnectedSince);
            }
        }
    }

    /// <summary>Runs until cancelled (closing with the resumable 4000) or until a fatal close code (<see cref="GatewayFatalException"/>).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // The first attempt goes at once; every later one backs off, including when no attempt ever got as far as
        // identifying (an unreachable gateway must not become a tight loop).
        var immediate = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!immediate)
            {
                var delay = _backoff.Next();
                _log.LogInformation("Shard {Shard}: reconnecting in {Delay:0.0} s", ShardId, delay.TotalSeconds);
                await Task.Delay(delay, _time, cancellationToken);
            }

            var outcome = await RunConnectionAsync(cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            Count(outcome.Reason);
            _log.LogWarning("Shard {Shard}: connection ended ({Reason}); next: {Action}", ShardId, outcome.Reason, outcome.Action);
            switch (outcome.Action)
            {
                case ReconnectAction.Fatal:
                    SetState(GatewayState.Faulted);
                    throw new GatewayFatalException(outcome.CloseCode ?? 0);
                case ReconnectAction.Reidentify:
                    ForgetSession();
                    if (outcome.WaitBeforeIdentify)
                    {
                        // Invalid session: a random 1–5 s pause keeps us clear of max_concurrency and off a tight loop.
                        await Task.Delay(TimeSpan.FromSeconds(1 + (4 * _random())), _time, cancellationToken);
                    }

                    break;
            }

            immediate = outcome.Immediate;
        }

        SetState(GatewayState.Disconnected);
    }

    private void ForgetSession()
    {
        lock (_lock)
        {
            _sessionId = null;
            _resumeUrl = null;
            _sequence = null;
        }
    }

    private void SetState(GatewayState state)
    {
        lock (_lock)
        {
            if (state != GatewayState.Connected && _state == GatewayState.Connected)
            {
                _disconnectedSince = _time.GetTimestamp();
            }

            _state = state;
        }
    }

    private void Count(string reason)
    {
        lock (_lock)
        {
            _reconnects[reason] = _reconnects.GetValueOrDefault(reason) + 1;
        }

        GatewayMetrics.Reconnects.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    private async Task SendAsync<T>(GatewayConnection connection, T payload, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, bool heartbeat, CancellationToken ct)
    {
        await _limiter.AcquireAsync(heartbeat, ct);
        await connection.SendAsync(JsonSerializer.SerializeToUtf8Bytes(payload, type), ct);
    }

    private static bool IsNetworkError(Exception ex) =>
        ex is WebSocketException or IOException or System.Net.Http.HttpRequestException or GatewayProtocolException;
}
