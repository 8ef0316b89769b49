using System.Diagnostics.Metrics;

namespace BackendPrep.Discord;

/// <summary>Instruments of the Meter "BackendPrep.Discord" (REST and interaction handling).</summary>
public sealed class DiscordMetrics : IDisposable
{
    public const string MeterName = "BackendPrep.Discord";

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _rateLimitWaits;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _abandoned;
    private readonly Counter<long> _invalidResponses;
    private readonly Counter<long> _interactions;
    private readonly Counter<long> _deferrals;
    private readonly Counter<long> _missedDeadlines;
    private readonly Histogram<double> _ackDuration;
    private readonly Counter<long> _sheds;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _malformed;
    private readonly Counter<long> _signatureRejections;
    private Func<int> _queueDepth = () => 0;
    private Func<IReadOnlyList<Gateway.GatewayHealth>> _shards = () => [];

    public DiscordMetrics(IMeterFactory? meterFactory = null)
    {
        // Without a host's factory the meter gets a scope of its own: a standalone client (a tool, a test) must not show
        // up in the scrape of a host running in the same process, which takes only its own scope's meters of this name.
        _meter = meterFactory?.Create(MeterName) ?? new Meter(new MeterOptions(MeterName) { Scope = new object() });
        _requests = _meter.CreateCounter<long>("discord.rest.requests", description: "REST responses by route template and status");
        _rateLimitWaits = _meter.CreateCounter<long>("discord.rest.rate_limit.waits", description: "Times a request waited for a rate limit, by reason");
        _rateLimited = _meter.CreateCounter<long>("discord.rest.rate_limited", description: "429 responses by scope");
        _abandoned = _meter.CreateCounter<long>("discord.rest.abandoned",
            description: "Requests given up (caller cancelled or the request deadline passed) while waiting for or reading a response, by route; Discord may have answered, or acted");
        _invalidResponses = _meter.CreateCounter<long>("discord.rest.invalid_responses", description: "401/403/429 responses (Cloudflare ban counter)");
        _interactions = _meter.CreateCounter<long>("discord.interactions.handled", description: "Interactions by type and outcome");
        _deferrals = _meter.CreateCounter<long>("discord.interactions.deferrals", description: "Automatic deferrals");
        _missedDeadlines = _meter.CreateCounter<long>("discord.interactions.missed_deadlines", description: "Initial responses sent 3 s or more after receipt");
        _ackDuration = _meter.CreateHistogram<double>("discord.interactions.ack.duration", "ms",
            "Receipt of an interaction (its gateway frame read) to its initial response accepted by Discord, by type: the bot's side of the 3 s deadline");
        _sheds = _meter.CreateCounter<long>("discord.interactions.shed", description: "Interactions answered 'busy' because the queue was full");
        _duplicates = _meter.CreateCounter<long>("discord.interactions.duplicates", description: "Redelivered interactions dropped");
        _malformed = _meter.CreateCounter<long>("discord.interactions.malformed", description: "INTERACTION_CREATE payloads that did not parse");
        _signatureRejections = _meter.CreateCounter<long>("discord.interactions.signature_rejections", description: "HTTP interaction requests refused with 401, by reason");
        _meter.CreateObservableGauge("discord.interactions.queue_depth", () => _queueDepth(), description: "Interactions waiting for a worker");
        _meter.CreateObservableGauge("discord.gateway.state", ObserveShards, description: "1 for each shard's current session state, 0 for the others");
        _meter.CreateObservableCounter("discord.gateway.dispatches.waits", ObserveConsumerWaits,
            description: "Times a shard's receive loop found the dispatch channel full and stopped reading until there was room (nothing is dropped)");
    }

    internal Meter Meter => _meter;

    internal void Request(string route, int status) =>
        _requests.Add(1, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("status", status));

    internal void RateLimitWait(string reason) => _rateLimitWaits.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void Abandoned(string route) => _abandoned.Add(1, new KeyValuePair<string, object?>("route", route));

    internal void RateLimited(string scope) => _rateLimited.Add(1, new KeyValuePair<string, object?>("scope", scope));

    internal void InvalidResponse(int status) => _invalidResponses.Add(1, new KeyValuePair<string, object?>("status", status));

    internal void InteractionHandled(string type, string outcome) =>
        _interactions.Add(1, new KeyValuePair<string, object?>("type", type), new KeyValuePair<string, object?>("outcome", outcome));

    internal void Deferred(string type) => _deferrals.Add(1, new KeyValuePair<string, object?>("type", type));

    internal void MissedDeadline(string type) => _missedDeadlines.Add(1, new KeyValuePair<string, object?>("type", type));

    internal void Acknowledged(string type, TimeSpan elapsed) => _ackDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("type", type));

    internal void Shed() => _sheds.Add(1);

    internal void Duplicate() => _duplicates.Add(1);

    internal void Malformed() => _malformed.Add(1);

    internal void SignatureRejected(string reason) => _signatureRejections.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void ObserveQueueDepth(Func<int> depth) => _queueDepth = depth;

    internal void ObserveGateway(Func<IReadOnlyList<Gateway.GatewayHealth>> shards) => _shards = shards;

    /// <summary>One series per shard and state (the usual enum-as-gauge shape), so "connected == 0" is a plain alert.</summary>
    private IEnumerable<Measurement<int>> ObserveShards()
    {
        foreach (var shard in _shards())
        {
            foreach (var state in Enum.GetValues<Gateway.GatewayState>())
            {
                yield return new Measurement<int>(state == shard.State ? 1 : 0,
                    new KeyValuePair<string, object?>("shard", shard.ShardId), new KeyValuePair<string, object?>("state", state.ToString().ToLowerInvariant()));
            }
        }
    }

    private IEnumerable<Measurement<long>> ObserveConsumerWaits() =>
        _shards().Select(shard => new Measurement<long>(shard.ConsumerWaits, new KeyValuePair<string, object?>("shard", shard.ShardId)));

    public void Dispose() => _meter.Dispose();
}
