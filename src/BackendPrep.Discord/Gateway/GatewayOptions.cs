namespace BackendPrep.Discord.Gateway;

/// <summary>How a gateway session connects. The token is never logged (see <see cref="ToString"/>).</summary>
public sealed record GatewayOptions
{
    public required string Token { get; init; }

    /// <summary>Slash commands need no intents: INTERACTION_CREATE is sent whatever the intents are.</summary>
    public int Intents { get; init; }

    public int ShardId { get; init; }

    /// <summary>Shards in total; 0 takes Discord's recommendation from <c>/gateway/bot</c>.</summary>
    public int ShardCount { get; init; } = 1;

    public int DispatchQueueCapacity { get; init; } = 1024;

    /// <summary>How long the gateway may stay without READY/RESUMED before the host is told it is wedged.</summary>
    public TimeSpan WedgedAfter { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How long to wait for HELLO, and then READY or RESUMED, on a new connection.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A received message larger than this is treated as a broken connection, not buffered without end.</summary>
    public int MaxMessageBytes { get; init; } = 4 * 1024 * 1024;

    public IdentifyProperties Properties { get; init; } = IdentifyProperties.Default;

    public override string ToString() => $"GatewayOptions {{ Intents = {Intents}, Shard = {ShardId}/{ShardCount}, Token = *** }}";
}
