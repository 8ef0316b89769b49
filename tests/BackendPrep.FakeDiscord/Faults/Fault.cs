using System.Globalization;

namespace BackendPrep.FakeDiscord.Faults;

/// <summary>What the fake Discord can do to a client, on the gateway or on one REST route.</summary>
public enum FaultKind
{
    /// <summary>TCP reset without a close frame.</summary>
    SocketDrop,
    Close1000,
    Close1001,
    Close4000,

    /// <summary>Invalid seq: the session is gone, the client must identify again.</summary>
    Close4007,

    /// <summary>Session timed out: identify again.</summary>
    Close4009,

    /// <summary>op 7 Reconnect.</summary>
    Reconnect,

    /// <summary>op 9 with d = true.</summary>
    InvalidSessionResumable,

    /// <summary>op 9 with d = false.</summary>
    InvalidSessionFresh,

    /// <summary>Heartbeats stop being ACKed on the live connection.</summary>
    Zombie,

    /// <summary>1–3 consecutive 429s on a route, with bucket headers, Retry-After and a scope.</summary>
    RateLimitBurst,

    /// <summary>One 5xx on a route.</summary>
    ServerError,

    /// <summary>One answer delayed on the fake Discord's clock.</summary>
    SlowResponse,
}

/// <summary>
/// One drawn fault. <see cref="Route"/> (a <see cref="FakeRoutes"/> name) is set for REST faults; <see cref="Count"/>
/// is the number of 429s in a burst, <see cref="Seconds"/> the Retry-After or the delay, <see cref="Scope"/> the 429
/// scope (user, global, shared) and <see cref="Status"/> the 5xx code.
/// </summary>
public sealed record Fault(FaultKind Kind, string? Route = null, int Count = 1, double Seconds = 0, string? Scope = null, int Status = 0)
{
    public bool IsGateway => Kind is not (FaultKind.RateLimitBurst or FaultKind.ServerError or FaultKind.SlowResponse);

    /// <summary>Whether the client has to start a new session (its old one is invalid).</summary>
    public bool EndsSession => Kind is FaultKind.Close4007 or FaultKind.Close4009 or FaultKind.InvalidSessionFresh;

    public override string ToString() => Kind switch
    {
        FaultKind.RateLimitBurst => $"{Kind} x{Count} {Scope} {Seconds.ToString("0.00", CultureInfo.InvariantCulture)}s on {Route}",
        FaultKind.ServerError => $"{Kind} {Status} on {Route}",
        FaultKind.SlowResponse => $"{Kind} {Seconds.ToString("0.00", CultureInfo.InvariantCulture)}s on {Route}",
        _ => Kind.ToString(),
    };
}
