namespace BackendPrep.Discord.Gateway;

/// <summary>
/// One DISPATCH (op 0) event as the receive loop hands it on: the raw JSON of <c>d</c>, so that only the consumer
/// that cares pays for deserialising it. <see cref="ReceivedAt"/> is a monotonic <see cref="TimeProvider.GetTimestamp"/>
/// value taken when the frame was read; interaction deadlines are measured from it, never from snowflake times.
/// </summary>
public sealed record GatewayDispatch(string EventName, long Sequence, ReadOnlyMemory<byte> Data, long ReceivedAt, int ShardId);

/// <summary><c>GET /gateway/bot</c>: where to connect and how many sessions we may still start.</summary>
public sealed record GatewayBotInfo(string Url, int RecommendedShards, SessionStartLimit SessionStartLimit);

public sealed record SessionStartLimit(int Total, int Remaining, TimeSpan ResetAfter, int MaxConcurrency);

/// <summary>Where the gateway URL comes from (the REST client in production, a fake in tests).</summary>
public interface IGatewayUrlSource
{
    ValueTask<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken);
}
