using BackendPrep.Discord.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Discord.Tests.Gateway;

public sealed class GatewayRulesTests
{
    [Theory]
    [InlineData(null, ReconnectAction.Resume)]
    [InlineData(1000, ReconnectAction.Resume)]
    [InlineData(1001, ReconnectAction.Resume)]
    [InlineData(1006, ReconnectAction.Resume)]
    [InlineData(4000, ReconnectAction.Resume)]
    [InlineData(4001, ReconnectAction.Resume)]
    [InlineData(4002, ReconnectAction.Resume)]
    [InlineData(4003, ReconnectAction.Reidentify)]
    [InlineData(4004, ReconnectAction.Fatal)]
    [InlineData(4005, ReconnectAction.Resume)]
    [InlineData(4007, ReconnectAction.Reidentify)]
    [InlineData(4008, ReconnectAction.Resume)]
    [InlineData(4009, ReconnectAction.Reidentify)]
    [InlineData(4010, ReconnectAction.Fatal)]
    [InlineData(4011, ReconnectAction.Fatal)]
    [InlineData(4012, ReconnectAction.Fatal)]
    [InlineData(4013, ReconnectAction.Fatal)]
    [InlineData(4014, ReconnectAction.Fatal)]
    public void Close_codes_map_to_the_documented_decision(int? code, ReconnectAction expected)
    {
        Assert.Equal(expected, CloseCodePolicy.Decide(code));
    }

    [Fact]
    public void Backoff_doubles_to_a_cap_and_resets()
    {
        var backoff = new ReconnectBackoff(() => 0.5);

        var delays = Enumerable.Range(0, 9).Select(_ => backoff.Next().TotalSeconds).ToList();
        backoff.Reset();

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], delays);
        Assert.Equal(1, backoff.Next().TotalSeconds);
    }

    [Theory]
    [InlineData(0.0, 0.75)]
    [InlineData(1.0, 1.25)]
    public void Backoff_jitter_stays_within_a_quarter(double random, double factor)
    {
        Assert.Equal(factor, new ReconnectBackoff(() => random).Next().TotalSeconds, 6);
    }

    [Fact]
    public async Task Send_limiter_keeps_heartbeat_headroom_and_waits_for_the_window()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);

        for (var i = 0; i < GatewaySendLimiter.Limit - GatewaySendLimiter.HeartbeatReserve; i++)
        {
            await limiter.AcquireAsync(heartbeat: false, default);
        }

        var blocked = limiter.AcquireAsync(heartbeat: false, default);
        await limiter.AcquireAsync(heartbeat: true, default);
        Assert.False(blocked.IsCompleted);

        time.Advance(GatewaySendLimiter.Window);
        await blocked.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Identify_gate_spaces_identifies_of_one_bucket_by_five_seconds()
    {
        var time = new FakeTimeProvider();
        var gate = new IdentifyGate(time);

        await gate.WaitAsync(0, 1, default);
        var second = gate.WaitAsync(1, 1, default);
        var otherBucket = gate.WaitAsync(1, 2, default);

        Assert.False(second.IsCompleted);
        await otherBucket.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(IdentifyGate.Window);
        await second.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
