using System.Threading.Channels;
using BackendPrep.Discord.Gateway;
using BackendPrep.FakeDiscord;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Discord.Tests.Gateway;

public sealed class ShardedGatewayTests
{
    [Fact]
    public async Task Every_shard_identifies_on_its_own_connection_spaced_by_the_identify_window()
    {
        await using var server = new FakeDiscordServer();
        await server.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var urls = new GatewayHarness.FixedUrls(server.GatewayUrl, new SessionStartLimit(1000, 999, TimeSpan.FromHours(1), 1));
        await using var gateway = new ShardedGateway(new GatewayOptions { Token = server.Token, ShardCount = 2, ShardId = 0 } with { ShardCount = 0 },
            new RecommendsTwo(urls), time, NullLoggerFactory.Instance, random: () => 0.5);
        using var stop = new CancellationTokenSource();
        var run = gateway.RunAsync(stop.Token);

        await server.Gateway.WaitForOpAsync(2, 1);
        Assert.Single(server.Gateway.ReceivedOp(2));
        for (var i = 0; i < 40 && server.Gateway.ReceivedOp(2).Count < 2; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(5);
        }

        var shards = server.Gateway.ReceivedOp(2).Select(r => r.Data!["shard"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray()).ToList();
        Assert.Contains([0, 2], shards);
        Assert.Contains([1, 2], shards);
        Assert.Equal(2, gateway.Health.Count);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_shard_that_never_gets_a_session_is_reported_wedged_once()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var channel = Channel.CreateBounded<GatewayDispatch>(16);
        await using var gateway = new ShardedGateway(new GatewayOptions { Token = "t", WedgedAfter = TimeSpan.FromMinutes(3) },
            new Unreachable(), time, NullLoggerFactory.Instance, channel, () => 0.5);
        var reasons = new List<string>();
        gateway.Wedged += (_, reason) => reasons.Add(reason);
        using var stop = new CancellationTokenSource();
        var run = gateway.RunAsync(stop.Token);

        for (var i = 0; i < 400 && reasons.Count == 0; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(2);
        }

        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Single(reasons);
        Assert.Contains("no READY or RESUMED", reasons[0], StringComparison.Ordinal);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private sealed class RecommendsTwo(IGatewayUrlSource inner) : IGatewayUrlSource
    {
        public async ValueTask<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken) =>
            (await inner.GetGatewayBotAsync(cancellationToken)) with { RecommendedShards = 2 };
    }

    private sealed class Unreachable : IGatewayUrlSource
    {
        public ValueTask<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken) =>
            ValueTask.FromException<GatewayBotInfo>(new HttpRequestException("connection refused"));
    }
}
