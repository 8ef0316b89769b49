using System.Text;
using BackendPrep.Discord.Gateway;

namespace BackendPrep.Discord.Tests.Gateway;

public sealed class GatewayFramingTests
{
    [Fact]
    public async Task A_message_split_across_many_frames_is_reassembled()
    {
        await using var h = await GatewayHarness.StartAsync();
        await h.DispatchNamedAsync("READY");
        var big = new string('x', 200_000);

        var data = "{\"text\":\"" + big + "\"}";
        await h.Fake.SendRawAsync("{\"op\":0,\"s\":2,\"t\":\"BIG\",\"d\":" + data + "}", fragmentSize: 4096);
        var dispatch = await h.DispatchNamedAsync("BIG");

        Assert.Equal(2, dispatch.Sequence);
        Assert.Equal(data, Encoding.UTF8.GetString(dispatch.Data.Span));
        Assert.Equal(1, h.Fake.Connections);
    }

    [Fact]
    public async Task A_malformed_message_is_skipped_without_dropping_the_connection()
    {
        await using var h = await GatewayHarness.StartAsync();
        await h.DispatchNamedAsync("READY");

        await h.Fake.SendRawAsync("this is not json");
        await h.Fake.SendRawAsync("""{"d":{"no":"op"}}""");
        await h.Fake.DispatchAsync("AFTER", "{}");

        await h.DispatchNamedAsync("AFTER");
        Assert.Equal(1, h.Fake.Connections);
    }

    [Fact]
    public async Task A_garbled_ready_or_sequence_is_skipped_and_keeps_the_session()
    {
        await using var h = await GatewayHarness.StartAsync();
        await h.DispatchNamedAsync("READY");
        var session = h.Client.Health.SessionId;

        await h.Fake.SendRawAsync("""{"op":0,"t":"READY","d":{}}""");
        await h.Fake.SendRawAsync("""{"op":0,"t":"READY","d":"not an object"}""");
        await h.Fake.SendRawAsync("""{"op":0,"t":"READY"}""");
        await h.Fake.SendRawAsync("""{"op":0,"t":"INTERACTION_CREATE","s":1e400,"d":{}}""");
        await h.Fake.DispatchAsync("AFTER", "{}");

        await h.DispatchNamedAsync("AFTER");
        Assert.Equal(1, h.Fake.Connections);
        Assert.Equal(session, h.Client.Health.SessionId);
    }

    [Fact]
    public async Task A_slow_consumer_loses_no_dispatch_and_its_backlog_is_not_taken_for_a_zombie()
    {
        await using var h = await GatewayHarness.StartAsync(capacity: 2);
        await h.DispatchNamedAsync("READY");

        var sent = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            sent.Add(await h.Fake.DispatchAsync("INTERACTION_CREATE", $$"""{"id":"{{i + 1}}"}"""));
        }

        // Nobody reads: two fit in the channel and the receive loop waits with the third, the rest stay in the socket.
        await h.WaitUntilAsync(() => h.Client.Health.ConsumerWaits > 0);
        // Three beats go out from the timer meanwhile; their ACKs sit unread behind the dispatches.
        h.Time.Advance(TimeSpan.FromMilliseconds(GatewayHarness.Interval * 0.5));
        await h.Fake.WaitForOpAsync(1, 1);
        for (var beat = 2; beat <= 3; beat++)
        {
            h.Time.Advance(TimeSpan.FromMilliseconds(GatewayHarness.Interval));
            await h.Fake.WaitForOpAsync(1, beat);
        }

        var received = new List<long>();
        for (var i = 0; i < sent.Count; i++)
        {
            var dispatch = await h.NextDispatchAsync();
            Assert.Equal("INTERACTION_CREATE", dispatch.EventName);
            received.Add(dispatch.Sequence);
        }

        Assert.Equal(sent, received);
        Assert.Empty(h.Fake.ReceivedOp(-1)); // no close: the connection was never judged a zombie
        Assert.Equal(1, h.Fake.Connections);
        Assert.DoesNotContain("zombie connection", h.Client.Health.ReconnectsByReason.Keys);
        // Caught up, the loop reads the queued ACKs and the session goes on as normal.
        await h.WaitUntilAsync(() => h.Client.Health.LastHeartbeatAckAt is not null);
        Assert.Equal(sent[^1], h.Client.Health.LastSequence);
    }

    [Fact]
    public async Task A_dispatch_still_waiting_for_the_consumer_at_shutdown_is_not_counted_as_received()
    {
        await using var h = await GatewayHarness.StartAsync(capacity: 1);
        await h.DispatchNamedAsync("READY");
        var handedOn = await h.Fake.DispatchAsync("INTERACTION_CREATE", """{"id":"1"}""");
        await h.Fake.DispatchAsync("INTERACTION_CREATE", """{"id":"2"}""");
        await h.WaitUntilAsync(() => h.Client.Health.ConsumerWaits > 0);

        await h.StopAsync();
        await h.Run.WaitAsync(TimeSpan.FromSeconds(20));

        // The sequence a RESUME would send covers only what reached the channel, so the waiting one would be replayed.
        Assert.Equal(handedOn, h.Client.Health.LastSequence);
        Assert.Equal(handedOn, (await h.NextDispatchAsync()).Sequence);
        Assert.False(h.Channel.Reader.TryRead(out _));
    }

    [Theory]
    [InlineData("""{"op":11}""", 11, null, null, "")]
    [InlineData("""{"op":10,"d":{"heartbeat_interval":45000},"s":null,"t":null}""", 10, null, null, """{"heartbeat_interval":45000}""")]
    [InlineData("""{"t":"READY","s":1,"op":0,"d":{"a":[1,{"b":2}]},"extra":true}""", 0, 1L, "READY", """{"a":[1,{"b":2}]}""")]
    [InlineData("""{"op":9,"d":false}""", 9, null, null, "false")]
    public void Frames_parse_with_absent_or_null_fields_and_keep_d_raw(string json, int op, long? seq, string? name, string data)
    {
        Assert.True(GatewayFrame.TryParse(Encoding.UTF8.GetBytes(json), out var frame));

        Assert.Equal(op, frame.Op);
        Assert.Equal(seq, frame.Sequence);
        Assert.Equal(name, frame.EventName);
        Assert.Equal(data, Encoding.UTF8.GetString(frame.Data.Span));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("""{"d":1}""")]
    [InlineData("""{"op":"x"}""")]
    [InlineData("""{"op":1,"d":""")]
    [InlineData("""{"op":1.5}""")]
    [InlineData("""{"op":99999999999}""")]
    [InlineData("""{"op":0,"t":"INTERACTION_CREATE","s":1e400,"d":{}}""")]
    [InlineData("""{"op":0,"s":-0.5,"d":{}}""")]
    public void Malformed_frames_are_rejected(string json)
    {
        Assert.False(GatewayFrame.TryParse(Encoding.UTF8.GetBytes(json), out _));
    }
}
