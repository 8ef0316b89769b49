using System.Threading.Channels;
using BackendPrep.Discord.Gateway;
using BackendPrep.FakeDiscord;
using BackendPrep.FakeDiscord.Gateway;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Discord.Tests.Gateway;

/// <summary>
/// A gateway client connected over real WebSockets to the fake Discord on 127.0.0.1, with a fake clock for its
/// heartbeats, backoff and timeouts. Tests advance the clock and await what the fake received.
/// </summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public const int Interval = 41_250;

    private readonly CancellationTokenSource _stop = new();

    private GatewayHarness(FakeDiscordServer server, int capacity, SessionStartLimit? limit)
    {
        Server = server;
        Channel = System.Threading.Channels.Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
        Urls = new FixedUrls(server.GatewayUrl, limit ?? new SessionStartLimit(1000, 999, TimeSpan.FromHours(1), 1));
        Client = new GatewayClient(new GatewayOptions { Token = server.Token, Intents = 0 }, Urls, Channel.Writer, Time,
            NullLogger.Instance, random: () => 0.5);
    }

    public FakeDiscordServer Server { get; }
    public FakeGateway Fake => Server.Gateway;
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    public Channel<GatewayDispatch> Channel { get; }
    public FixedUrls Urls { get; }
    public GatewayClient Client { get; }
    public Task Run { get; private set; } = Task.CompletedTask;

    public static async Task<GatewayHarness> StartAsync(int capacity = 1024, SessionStartLimit? limit = null, bool connect = true)
    {
        var server = new FakeDiscordServer();
        await server.StartAsync();
        var harness = new GatewayHarness(server, capacity, limit);
        if (connect)
        {
            harness.Run = harness.Client.RunAsync(harness._stop.Token);
        }

        return harness;
    }

    public void Start() => Run = Client.RunAsync(_stop.Token);

    /// <summary>Cancels the client's run, as host shutdown does.</summary>
    public Task StopAsync() => _stop.CancelAsync();

    /// <summary>The next dispatch the client handed on (READY, RESUMED, INTERACTION_CREATE…).</summary>
    public async Task<GatewayDispatch> NextDispatchAsync() =>
        await Channel.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

    public async Task<GatewayDispatch> DispatchNamedAsync(string name)
    {
        while (true)
        {
            var next = await NextDispatchAsync();
            if (next.EventName == name)
            {
                return next;
            }
        }
    }

    /// <summary>Moves the fake clock forward a second at a time until <paramref name="done"/> holds (bounded).</summary>
    public async Task AdvanceUntilAsync(Func<bool> done, int maxSeconds = 600)
    {
        for (var i = 0; i < maxSeconds * 4 && !done(); i++)
        {
            Time.Advance(TimeSpan.FromMilliseconds(250));
            // Lets socket callbacks and timer continuations run; not a timing assumption.
            await Task.Yield();
            await Task.Delay(2);
        }

        Assert.True(done(), "condition not reached while advancing the fake clock");
    }

    /// <summary>Waits, without moving the fake clock, for socket work to make <paramref name="done"/> hold (failsafe 20 s).</summary>
    public async Task WaitUntilAsync(Func<bool> done)
    {
        var failsafe = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!done() && DateTime.UtcNow < failsafe)
        {
            await Task.Delay(2);
        }

        Assert.True(done(), "condition not reached");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Run.WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(_ => { }, TaskScheduler.Default);
        await Server.DisposeAsync();
    }

    internal sealed class FixedUrls(string url, SessionStartLimit limit) : IGatewayUrlSource
    {
        public SessionStartLimit Limit { get; set; } = limit;
        public int Calls { get; private set; }

        public ValueTask<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult(new GatewayBotInfo(url, 1, Limit));
        }
    }
}
