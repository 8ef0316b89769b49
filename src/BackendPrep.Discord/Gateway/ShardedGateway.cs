using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace BackendPrep.Discord.Gateway;

/// <summary>
/// Runs every shard of this process, each on its own connection, feeding one bounded dispatch channel. A watchdog
/// raises <see cref="Wedged"/> when a shard stays without READY/RESUMED for <see cref="GatewayOptions.WedgedAfter"/>,
/// so the host can exit non-zero and let a supervisor restart it rather than sit silent.
/// </summary>
public sealed class ShardedGateway : IAsyncDisposable
{
    private readonly GatewayOptions _options;
    private readonly IGatewayUrlSource _urls;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _logs;
    private readonly Channel<GatewayDispatch> _channel;
    private readonly IdentifyGate _gate;
    private readonly Func<double>? _random;
    private volatile IReadOnlyList<GatewayClient> _clients = [];
    private ITimer? _watchdog;
    private int _wedgedRaised;

    public ShardedGateway(GatewayOptions options, IGatewayUrlSource urls, TimeProvider time, ILoggerFactory logs, Channel<GatewayDispatch>? channel = null, Func<double>? random = null,
        DiscordMetrics? metrics = null)
    {
        _options = options;
        _urls = urls;
        _time = time;
        _logs = logs;
        _random = random;
        _gate = new IdentifyGate(time);
        _channel = channel ?? CreateDispatchChannel(options.DispatchQueueCapacity);
        metrics?.ObserveGateway(() => Health);
    }

    public ChannelReader<GatewayDispatch> Dispatches => _channel.Reader;

    /// <summary>
    /// Bounded: a full channel makes the receive loops wait (frames queue in the socket), it never drops.
    /// Synchronous continuations: a waiting consumer runs on the receive loop's thread up to its next real wait, instead
    /// of a thread-pool hop per frame. The consumer is the dispatcher's admission (parse, de-duplicate, queue for a
    /// worker), a few microseconds that never block, so the receive loop is not held up; saving the hop takes a queueing
    /// delay out of every interaction's turnaround (issue 10).
    /// </summary>
    public static Channel<GatewayDispatch> CreateDispatchChannel(int capacity) =>
        Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            AllowSynchronousContinuations = true,
        });

    public IReadOnlyList<GatewayHealth> Health => [.. _clients.Select(c => c.Health)];

    /// <summary>Raised once when a shard has been without a session for too long; the argument says why.</summary>
    public event EventHandler<string>? Wedged;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var count = _options.ShardCount;
        if (count <= 0)
        {
            count = Math.Max(1, (await _urls.GetGatewayBotAsync(cancellationToken)).RecommendedShards);
        }

        var shards = _options.ShardCount <= 0 ? Enumerable.Range(0, count) : [_options.ShardId];
        _clients = [.. shards.Select(id => new GatewayClient(_options with { ShardId = id, ShardCount = count }, _urls, _channel.Writer, _time,
            _logs.CreateLogger($"BackendPrep.Discord.Gateway.Shard{id}"), _gate, _random))];
        var period = TimeSpan.FromSeconds(Math.Clamp(_options.WedgedAfter.TotalSeconds / 6, 1, 30));
        _watchdog = _time.CreateTimer(_ => Watch(), null, period, period);

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var runs = _clients.Select(c => c.RunAsync(linked.Token)).ToList();
        try
        {
            while (runs.Count > 0)
            {
                var done = await Task.WhenAny(runs);
                runs.Remove(done);
                if (done.IsFaulted)
                {
                    // A fatal close on one shard stops them all: they share the token and the configuration.
                    await linked.CancelAsync();
                    await Task.WhenAll(runs).ContinueWith(_ => { }, TaskScheduler.Default);
                    await done;
                }
            }
        }
        finally
        {
            _channel.Writer.TryComplete();
        }
    }

    internal void Watch()
    {
        foreach (var client in _clients)
        {
            var down = client.DisconnectedFor;
            if (down > _options.WedgedAfter && Interlocked.Exchange(ref _wedgedRaised, 1) == 0)
            {
                Wedged?.Invoke(this, $"shard {client.ShardId} has had no READY or RESUMED for {down.TotalMinutes:0.0} min");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_watchdog is not null)
        {
            await _watchdog.DisposeAsync();
        }
    }
}
