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
    public async Task A_full_dispatch_queue_drops_events_but_never_blocks_heartbeats()
    {
        await using var h = await GatewayHarness.StartAsync(capacity: 2);
        await h.AdvanceUntilAsync(() => h.Client.Health.State == GatewayState.Connected);

        for (var i = 0; i < 10; i++)
        {
            await h.Fake.DispatchAsync("INTERACTION_CREATE", "{}");
        }

        await h.Fake.RequestHeartbeatAsync();
        await h.Fake.WaitForOpAsync(1);
        Assert.Equal(9, h.Client.Health.DroppedDispatches);
        Assert.Equal(1, h.Fake.Connections);
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
