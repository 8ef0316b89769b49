namespace BackendPrep.Discord.Gateway;

public enum GatewayState
{
    Disconnected,
    Connecting,
    Identifying,
    Resuming,

    /// <summary>READY or RESUMED received on the current connection: an open socket alone is not "connected".</summary>
    Connected,
    Faulted,
}

/// <summary>A point-in-time view of one shard's session, for health checks and logs.</summary>
/// <param name="ConsumerWaits">Times the receive loop found the dispatch channel full and waited (nothing is dropped).</param>
public sealed record GatewayHealth(
    int ShardId,
    GatewayState State,
    string? SessionId,
    long? LastSequence,
    DateTimeOffset? LastHeartbeatAckAt,
    TimeSpan? HeartbeatLatency,
    int IdentifiesSent,
    int Resumes,
    IReadOnlyDictionary<string, int> ReconnectsByReason,
    ulong? ApplicationId,
    ulong? BotUserId,
    long ConsumerWaits);
