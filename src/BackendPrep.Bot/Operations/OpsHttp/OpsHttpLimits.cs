namespace BackendPrep.Bot.Operations.OpsHttp;

/// <summary>
/// Bounds of the ops port's server. Its clients are a scraper, a health probe and an operator's <c>backup</c> verb, so
/// the bounds are tight: nothing a misbehaving local client sends can grow the bot's memory or hold its threads.
/// </summary>
internal sealed record OpsHttpLimits
{
    /// <summary>Request line and header fields, blank line included; beyond it the answer is 431.</summary>
    public int MaxHeadBytes { get; init; } = 8 * 1024;

    /// <summary>No endpoint reads a body; a small one is drained so the close does not reset the connection.</summary>
    public int MaxBodyBytes { get; init; } = 1024;

    /// <summary>Connections served at once; one more is answered 503 at once and closed.</summary>
    public int MaxConnections { get; init; } = 4;

    /// <summary>From accept to the end of the request: a client that trickles its head gets 408.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>For sending the response to a client that does not read it.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
