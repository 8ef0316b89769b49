using BackendPrep.Discord.Gateway;

namespace BackendPrep.Discord.Tests.Gateway;

public sealed class GatewaySessionTests
{
    [Fact]
    public async Task Identify_then_ready_makes_the_session_connected()
    {
        await using var h = await GatewayHarness.StartAsync();

        var identify = await h.Fake.WaitForOpAsync(2);
        var ready = await h.DispatchNamedAsync("READY");

        Assert.Equal(h.Server.Token, identify.Data!["token"]!.GetValue<string>());
        Assert.Equal(0, identify.Data!["intents"]!.GetValue<int>());
        Assert.Equal("backendprep", identify.Data!["properties"]!["browser"]!.GetValue<string>());
        Assert.Equal(1, ready.Sequence);
        var health = h.Client.Health;
        Assert.Equal(GatewayState.Connected, health.State);
        Assert.NotNull(health.SessionId);
        Assert.Equal(h.Server.ApplicationId, health.ApplicationId);
        Assert.Equal(h.Server.BotUserId, health.BotUserId);
        Assert.Equal(1, health.IdentifiesSent);
    }

    [Fact]
    public async Task First_heartbeat_waits_interval_times_jitter_then_beats_every_interval_with_the_last_sequence()
    {
        await using var h = await GatewayHarness.StartAsync();
        await h.DispatchNamedAsync("READY");

        Assert.Empty(h.Fake.ReceivedOp(1));
        h.Time.Advance(TimeSpan.FromMilliseconds(GatewayHarness.Interval * 0.5));
        var first = await h.Fake.WaitForOpAsync(1, 1);
        Assert.Equal(1, first.Data!.GetValue<long>());

        var firstAt = h.Time.GetUtcNow();
        await h.Fake.DispatchAsync("INTERACTION_CREATE", """{"id":"1"}""");
        await h.DispatchNamedAsync("INTERACTION_CREATE");
        await h.AdvanceUntilAsync(() => h.Fake.ReceivedOp(1).Count == 2);
        var second = h.Fake.ReceivedOp(1)[1];

        // Stepping the clock a quarter second at a time, the next beat falls one interval after the first.
        Assert.InRange((h.Time.GetUtcNow() - firstAt).TotalMilliseconds, GatewayHarness.Interval, GatewayHarness.Interval + 500);
        Assert.Equal(2, second.Data!.GetValue<long>());
        Assert.Equal(2, h.Fake.ReceivedOp(1).Count);
        Assert.NotNull(h.Client.Health.LastHeartbeatAckAt);
    }

    [Fact]
    public async Task Server_heartbeat_request_is_answered_at_once()
    {
        await using var h = await GatewayHarness.StartAsync();
        await h.DispatchNamedAsync("READY");

        await h.Fake.RequestHeartbeatAsync();

        await h.Fake.WaitForOpAsync(1, 1);
    }

    [Fact]
    public async Task Shutdown_sends_a_resumable_close_frame_rather_than_dropping_or_ending_the_session()
    {
        await using var h = await GatewayHarness.StartAsync();
        await h.DispatchNamedAsync("READY");

        await h.StopAsync();
        await h.Run.WaitAsync(TimeSpan.FromSeconds(20));

        // A close frame did arrive (cancelling the receive would have aborted the socket without one), and not 1000/1001.
        var close = Assert.Single(h.Fake.ReceivedOp(-1));
        Assert.Equal(4000, close.Data!.GetValue<int>());
        Assert.Equal(GatewayState.Disconnected, h.Client.Health.State);
        Assert.NotNull(h.Client.Health.SessionId);
    }

    [Fact]
    public async Task A_missing_ack_is_a_zombie_connection_closed_with_a_resumable_code_and_resumed()
    {
        await using var h = await GatewayHarness.StartAsync();
        await h.DispatchNamedAsync("READY");
        h.Fake.AckHeartbeats = false;

        h.Time.Advance(TimeSpan.FromMilliseconds(GatewayHarness.Interval * 0.5));
        await h.Fake.WaitForOpAsync(1, 1);
        await h.AdvanceUntilAsync(() => h.Fake.ReceivedOp(-1).Count == 1);
        var close = h.Fake.ReceivedOp(-1)[0];
        Assert.Single(h.Fake.ReceivedOp(1));
        h.Fake.AckHeartbeats = true;
        await h.AdvanceUntilAsync(() => h.Fake.ReceivedOp(6).Count == 1);

        Assert.NotEqual(1000, close.Data!.GetValue<int>());
        Assert.NotEqual(1001, close.Data!.GetValue<int>());
        var resume = h.Fake.ReceivedOp(6)[0];
        Assert.Equal(h.Client.Health.SessionId, resume.Data!["session_id"]!.GetValue<string>());
        await h.DispatchNamedAsync("RESUMED");
        Assert.Equal(1, h.Client.Health.IdentifiesSent);
        Assert.Equal(1, h.Client.Health.ReconnectsByReason["zombie connection"]);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(1001)]
    [InlineData(4008)]
    public async Task A_resumable_close_resumes_and_replays_missed_events(int code)
    {
        await using var h = await GatewayHarness.StartAsync();
        await h.DispatchNamedAsync("READY");

        await h.Fake.CloseAsync(code);
        await h.Fake.WaitForConnectionsAsync(1);
        var missed = await h.Fake.DispatchAsync("INTERACTION_CREATE", """{"id":"42"}""");
        await h.AdvanceUntilAsync(() => h.Fake.ReceivedOp(6).Count == 1);

        var replayed = await h.DispatchNamedAsync("INTERACTION_CREATE");
        await h.DispatchNamedAsync("RESUMED");
        Assert.Equal(missed, replayed.Sequence);
        Assert.Equal(1, h.Fake.ReceivedOp(6)[0].Data!["seq"]!.GetValue<long>());
        Assert.Empty(h.Fake.ReceivedOp(2).Skip(1));
    }

    [Fact]
    public async Task A_dropped_socket_resumes()
    {
        await using var h = await GatewayHarness.StartAsync();
        await h.DispatchNamedAsync("READY");

        h.Fake.Drop();
        await h.AdvanceUntilAsync(() => h.Fake.ReceivedOp(6).Count == 1);

        await h.DispatchNamedAsync("RESUMED");
        Assert.Equal(GatewayState.Connected, h.Client.Health.State);
    }

    [Fact]
    public async Task Reconnect_opcode_resumes_immediately()
    {
        await using var h = await GatewayHarness.StartAsync();
        await h.DispatchNamedAsync("READY");

        await h.Fake.RequestReconnectAsync();

        // No clock movement: the first attempt after op 7 does not back off.
        await h.Fake.WaitForOpAsync(6);
        await h.DispatchNamedAsync("RESUMED");
    }

    [Fact]
    public async Task Invalid_session_resumable_resumes()
    {
        await using var h = await GatewayHarness.StartAsync();
        await h.DispatchNamedAsync("READY");

        await h.Fake.InvalidateSessionAsync(resumable: true);
        await h.AdvanceUntilAsync(() => h.Fake.ReceivedOp(6).Count == 1);

        Assert.Single(h.Fake.ReceivedOp(2));
    }

    [Fact]
    public async Task Invalid_session_not_resumable_identifies_afresh_after_a_pause()
    {
        await using var h = await GatewayHarness.StartAsync();
        await h.DispatchNamedAsync("READY");
        var firstSession = h.Client.Health.SessionId;

        await h.Fake.InvalidateSessionAsync(resumable: false);
        await h.Fake.WaitForConnectionsAsync(1);
        var before = h.Time.GetUtcNow();
        await h.AdvanceUntilAsync(() => h.Fake.ReceivedOp(2).Count == 2);

        Assert.True(h.Time.GetUtcNow() - before >= TimeSpan.FromSeconds(1), "re-identify must wait 1–5 s");
        Assert.Empty(h.Fake.ReceivedOp(6));
        await h.DispatchNamedAsync("READY");
        await h.AdvanceUntilAsync(() => h.Client.Health.SessionId != firstSession && h.Client.Health.State == GatewayState.Connected);
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    [InlineData(4003)]
    public async Task Session_ending_close_codes_identify_a_new_session(int code)
    {
        await using var h = await GatewayHarness.StartAsync();
        await h.DispatchNamedAsync("READY");

        await h.Fake.CloseAsync(code);
        await h.AdvanceUntilAsync(() => h.Fake.ReceivedOp(2).Count == 2);

        Assert.Empty(h.Fake.ReceivedOp(6));
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task Fatal_close_codes_stop_with_a_clear_error_and_never_reconnect(int code)
    {
        await using var h = await GatewayHarness.StartAsync(connect: false);
        h.Fake.CloseOnIdentify = code;
        h.Start();

        var error = await Assert.ThrowsAsync<GatewayFatalException>(() => h.Run.WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Equal(code, error.CloseCode);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        h.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, h.Fake.Connections);
        Assert.Equal(GatewayState.Faulted, h.Client.Health.State);
    }

    [Fact]
    public async Task No_session_starts_left_waits_for_the_reset_before_connecting()
    {
        await using var h = await GatewayHarness.StartAsync(limit: new SessionStartLimit(1000, 0, TimeSpan.FromMinutes(30), 1));

        await h.AdvanceUntilAsync(() => h.Urls.Calls == 1);
        h.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, h.Fake.Connections);
        await h.AdvanceUntilAsync(() => h.Fake.ReceivedOp(2).Count == 1, maxSeconds: 120);
    }
}
