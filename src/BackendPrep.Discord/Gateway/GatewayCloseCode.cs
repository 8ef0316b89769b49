namespace BackendPrep.Discord.Gateway;

/// <summary>Gateway close event codes (docs: topics/opcodes-and-status-codes, "Gateway Close Event Codes").</summary>
public enum GatewayCloseCode
{
    /// <summary>Closing with 1000 or 1001 ends the session: the bot shows offline and cannot resume.</summary>
    NormalClosure = 1000,
    GoingAway = 1001,
    UnknownError = 4000,
    UnknownOpcode = 4001,
    DecodeError = 4002,
    NotAuthenticated = 4003,
    AuthenticationFailed = 4004,
    AlreadyAuthenticated = 4005,
    InvalidSequence = 4007,
    RateLimited = 4008,
    SessionTimedOut = 4009,
    InvalidShard = 4010,
    ShardingRequired = 4011,
    InvalidApiVersion = 4012,
    InvalidIntents = 4013,
    DisallowedIntents = 4014,
}

/// <summary>What to do after a connection ends.</summary>
public enum ReconnectAction
{
    /// <summary>Reconnect to <c>resume_gateway_url</c> and send RESUME: the session survives.</summary>
    Resume,

    /// <summary>Reconnect to the cached gateway URL and IDENTIFY: the session is gone.</summary>
    Reidentify,

    /// <summary>Stop for good: reconnecting cannot help and would burn identifies.</summary>
    Fatal,
}

/// <summary>
/// The one place that decides "resume or re-identify". Fatal codes stop the bot with a message saying what to fix;
/// reconnect-looping on them is how bots exhaust the 1,000 daily identifies and get their token reset.
/// </summary>
public static class CloseCodePolicy
{
    public static ReconnectAction Decide(int? closeCode) => closeCode switch
    {
        null => ReconnectAction.Resume,
        (int)GatewayCloseCode.AuthenticationFailed
            or (int)GatewayCloseCode.InvalidShard
            or (int)GatewayCloseCode.ShardingRequired
            or (int)GatewayCloseCode.InvalidApiVersion
            or (int)GatewayCloseCode.InvalidIntents
            or (int)GatewayCloseCode.DisallowedIntents => ReconnectAction.Fatal,
        (int)GatewayCloseCode.NotAuthenticated
            or (int)GatewayCloseCode.InvalidSequence
            or (int)GatewayCloseCode.SessionTimedOut => ReconnectAction.Reidentify,
        _ => ReconnectAction.Resume,
    };

    /// <summary>What an operator should do about a fatal close code.</summary>
    public static string Explain(int closeCode) => closeCode switch
    {
        (int)GatewayCloseCode.AuthenticationFailed => "4004 authentication failed: the bot token is wrong or was reset; set Discord:Token to the current token",
        (int)GatewayCloseCode.InvalidShard => "4010 invalid shard: Discord:ShardId must be below Discord:ShardCount",
        (int)GatewayCloseCode.ShardingRequired => "4011 sharding required: the bot is in too many guilds for one shard; raise Discord:ShardCount (0 uses Discord's recommendation)",
        (int)GatewayCloseCode.InvalidApiVersion => "4012 invalid API version: this build speaks gateway v10",
        (int)GatewayCloseCode.InvalidIntents => "4013 invalid intents: Discord:Intents is not a valid bit field",
        (int)GatewayCloseCode.DisallowedIntents => "4014 disallowed intents: enable the privileged intent in the developer portal, or remove it from Discord:Intents (slash commands need none)",
        _ => $"close code {closeCode}",
    };
}

/// <summary>The gateway closed with a code that reconnecting cannot fix.</summary>
public sealed class GatewayFatalException(int closeCode)
    : Exception($"Discord closed the gateway: {CloseCodePolicy.Explain(closeCode)}. Not reconnecting.")
{
    public int CloseCode { get; } = closeCode;
}
