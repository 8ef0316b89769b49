using BackendPrep.Discord.Interactions.Http;
using Microsoft.Extensions.Options;

namespace BackendPrep.Discord.Hosting;

/// <summary>Configuration section "Discord". The token is required and never printed.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    public string Token { get; set; } = "";

    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>When set, commands are registered to this guild (instant updates) instead of globally.</summary>
    public ulong? DevGuildId { get; set; }

    /// <summary>Where interactions arrive: the gateway, or Discord's POSTs to our Interactions Endpoint URL.</summary>
    public DiscordMode Mode { get; set; } = DiscordMode.Gateway;

    /// <summary>The application's public key (64 hex characters); HTTP mode verifies every request with it.</summary>
    public string PublicKey { get; set; } = "";

    /// <summary>HTTP mode: refuse signed requests whose timestamp is further than this from now (our replay defence).</summary>
    public TimeSpan SignatureMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    public int Intents { get; set; }
    public int ShardId { get; set; }
    public int ShardCount { get; set; } = 1;

    /// <summary>Defer an interaction the handler has not answered by this long after receipt (Discord allows 3 s).</summary>
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Interaction worker tasks.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>Interactions allowed to wait for a worker; beyond it new ones get a "busy" reply.</summary>
    public int QueueBound { get; set; } = 64;

    /// <summary>Capacity of the gateway → dispatcher channel.</summary>
    public int DispatchQueueCapacity { get; set; } = 1024;

    /// <summary>Retries per REST call (429s, and 5xx/network errors for idempotent methods).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Overall deadline of one REST call including rate-limit waits and retries.</summary>
    public TimeSpan RequestDeadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First 5xx/network retry delay; doubles per attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Proactive global cap (Discord's global limit is 50/s; interaction routes are exempt).</summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>Stop sending at this many 401/403/429 responses in 10 minutes (Cloudflare bans at 10,000).</summary>
    public int InvalidRequestCeiling { get; set; } = 9000;

    public override string ToString() =>
        $"DiscordOptions {{ Token = {(string.IsNullOrEmpty(Token) ? "<missing>" : "<redacted>")}, ApiBaseUrl = {ApiBaseUrl}, Mode = {Mode}, DevGuildId = {DevGuildId}, Shard = {ShardId}/{ShardCount}, Workers = {Workers} }}";
}

public enum DiscordMode
{
    /// <summary>Interactions arrive as INTERACTION_CREATE over the gateway websocket.</summary>
    Gateway,

    /// <summary>Interactions arrive as signed POSTs to the Interactions Endpoint URL; no gateway connection.</summary>
    Http,
}

/// <summary>Cross-field checks run at start-up (ValidateOnStart) so a bad config fails before connecting.</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
            failures.Add("Discord:Token is required.");
        else if (options.Token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
            failures.Add("Discord:Token must be the raw token without the 'Bot ' prefix.");
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            failures.Add("Discord:ApiBaseUrl must be an absolute http(s) URL.");
        if (options.Mode == DiscordMode.Http && !RequestSignature.IsValidKey(options.PublicKey))
            failures.Add("Discord:PublicKey must be the application's Ed25519 public key, 64 hex characters (32 bytes), when Discord:Mode is Http.");
        if (options.SignatureMaxAge <= TimeSpan.Zero || options.SignatureMaxAge > TimeSpan.FromHours(1))
            failures.Add("Discord:SignatureMaxAge must be positive and at most one hour.");
        if (options.ShardCount < 1 || options.ShardId < 0 || options.ShardId >= options.ShardCount)
            failures.Add("Discord:ShardId must be in [0, ShardCount) and ShardCount ≥ 1.");
        if (options.DeferAfter <= TimeSpan.Zero || options.DeferAfter >= TimeSpan.FromSeconds(3))
            failures.Add("Discord:DeferAfter must be between 0 and 3 seconds (Discord's deadline).");
        if (options.Workers < 1)
            failures.Add("Discord:Workers must be at least 1.");
        if (options.QueueBound < 1)
            failures.Add("Discord:QueueBound must be at least 1.");
        if (options.DispatchQueueCapacity < 1)
            failures.Add("Discord:DispatchQueueCapacity must be at least 1.");
        if (options.MaxRetries < 0)
            failures.Add("Discord:MaxRetries must not be negative.");
        if (options.RequestDeadline <= TimeSpan.Zero)
            failures.Add("Discord:RequestDeadline must be positive.");
        if (options.GlobalRequestsPerSecond < 1)
            failures.Add("Discord:GlobalRequestsPerSecond must be at least 1.");
        if (options.InvalidRequestCeiling is < 1 or > 10_000)
            failures.Add("Discord:InvalidRequestCeiling must be in 1..10000.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
