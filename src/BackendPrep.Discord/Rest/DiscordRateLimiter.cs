using BackendPrep.Discord.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackendPrep.Discord.Rest;

/// <summary>
/// Discord's REST rate limits, kept on the monotonic clock of <see cref="TimeProvider"/>:
/// per-bucket windows (route template + major parameter until <c>X-RateLimit-Bucket</c> is known, then bucket hash +
/// major parameter; one request in flight while a bucket is unknown), a proactive global cap with interaction routes
/// exempt, a global gate closed by a global 429, and the invalid-request ceiling (401/403/429 per 10 minutes).
/// </summary>
public sealed partial class DiscordRateLimiter
{
    private static readonly TimeSpan GlobalWindow = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan InvalidWindow = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan IdleBucket = TimeSpan.FromMinutes(2);

    // Reset-After is rounded to milliseconds and measured from when Discord answered; sending the instant it
    // elapses can land a hair early on Discord's side, so waits get this margin.
    private static readonly TimeSpan ResetMargin = TimeSpan.FromMilliseconds(50);

    private readonly TimeProvider _time;
    private readonly DiscordMetrics _metrics;
    private readonly ILogger _logger;
    private readonly int _globalPerSecond;
    private readonly int _invalidCeiling;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _hashByTemplate = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Queue<long> _globalSent = new();
    private readonly Queue<long> _invalid = new();
    private long _globalBlockedUntil;
    private string? _haltReason;
    private int _acquires;

    public DiscordRateLimiter(IOptions<DiscordOptions> options, TimeProvider time, DiscordMetrics metrics, ILogger<DiscordRateLimiter>? logger = null)
    {
        _time = time;
        _metrics = metrics;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _globalPerSecond = options.Value.GlobalRequestsPerSecond;
        _invalidCeiling = options.Value.InvalidRequestCeiling;
    }

    /// <summary>Invalid responses (401/403/non-shared 429) counted in the last 10 minutes.</summary>
    public int InvalidRequestCount
    {
        get
        {
            lock (_lock)
            {
                PruneInvalid(_time.GetTimestamp());
                return _invalid.Count;
            }
        }
    }

    /// <summary>Buckets the limiter holds state for (tests: state stays bounded).</summary>
    internal int TrackedBuckets
    {
        get
        {
            lock (_lock)
                return _buckets.Count;
        }
    }

    /// <summary>Why the client stopped sending, or null while it is healthy.</summary>
    public string? HaltReason
    {
        get
        {
            lock (_lock)
                return _haltReason;
        }
    }

    /// <summary>Waits until the route may send, then reserves a slot. Always pair with <see cref="Complete"/>.</summary>
    internal async ValueTask<Lease> AcquireAsync(RouteInfo route, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan delay;
            Task? signal = null;
            string reason;
            lock (_lock)
            {
                if (_haltReason is not null)
                    throw new DiscordClientHaltedException(_haltReason);
                var now = _time.GetTimestamp();
                PruneInvalid(now);
                if (_invalid.Count >= _invalidCeiling)
                    throw new DiscordClientHaltedException($"Stopped sending: {_invalid.Count} invalid (401/403/429) responses in 10 minutes.");
                if (++_acquires % 256 == 0)
                    SweepIdle(now);

                var key = BucketKey(route);
                if (!_buckets.TryGetValue(key, out var bucket))
                    _buckets[key] = bucket = new Bucket();
                bucket.LastUsed = now;

                if (!route.IsInteraction && _globalBlockedUntil > now)
                {
                    delay = _time.GetElapsedTime(now, _globalBlockedUntil);
                    reason = "global";
                }
                else if (!route.IsInteraction && GlobalCapDelay(now) is { } capDelay)
                {
                    delay = capDelay;
                    reason = "global_cap";
                }
                else if (!bucket.Known)
                {
                    if (!bucket.ProbeInFlight)
                    {
                        bucket.ProbeInFlight = true;
                        bucket.ProbeDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        return Grant(route, key, bucket, now, probe: true);
                    }
                    delay = Timeout.InfiniteTimeSpan;
                    signal = bucket.ProbeDone!.Task;
                    reason = "unknown_bucket";
                }
                else
                {
                    if (now >= bucket.ResetAt && bucket.Remaining <= 0)
                    {
                        // Window elapsed: a fresh one starts now and lasts about as long as the last one we saw
                        // (until a response in it tells us exactly), so waiters woken together cannot refill it twice.
                        bucket.Remaining = bucket.Limit;
                        bucket.ResetAt = now + bucket.Window;
                    }
                    if (bucket.Remaining > 0)
                    {
                        bucket.Remaining--;
                        return Grant(route, key, bucket, now, probe: false);
                    }
                    delay = _time.GetElapsedTime(now, bucket.ResetAt);
                    reason = "bucket";
                }
            }

            _metrics.RateLimitWait(reason);
            if (signal is not null)
                await signal.WaitAsync(cancellationToken);
            else
                await Task.Delay(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, _time, cancellationToken);
        }
    }

    private Lease Grant(RouteInfo route, string key, Bucket bucket, long now, bool probe)
    {
        if (!route.IsInteraction)
            _globalSent.Enqueue(now);
        return new Lease(route, key, bucket, probe);
    }

    private TimeSpan? GlobalCapDelay(long now)
    {
        while (_globalSent.Count > 0 && _time.GetElapsedTime(_globalSent.Peek(), now) >= GlobalWindow)
            _globalSent.Dequeue();
        if (_globalSent.Count < _globalPerSecond)
            return null;
        return GlobalWindow - _time.GetElapsedTime(_globalSent.Peek(), now);
    }

    private string BucketKey(RouteInfo route) =>
        (_hashByTemplate.TryGetValue(route.TemplateKey, out var hash) ? hash : route.TemplateKey) + "|" + route.MajorParameter;

    private void SweepIdle(long now)
    {
        List<string>? idle = null;
        foreach (var (key, bucket) in _buckets)
        {
            if (!bucket.ProbeInFlight && now >= bucket.ResetAt && _time.GetElapsedTime(bucket.LastUsed, now) > IdleBucket)
                (idle ??= []).Add(key);
        }
        idle?.ForEach(k => _buckets.Remove(k));
    }

    private void PruneInvalid(long now)
    {
        while (_invalid.Count > 0 && _time.GetElapsedTime(_invalid.Peek(), now) >= InvalidWindow)
            _invalid.Dequeue();
    }

    internal sealed class Bucket
    {
        public bool Known;
        public int Limit = 1;
        public int Remaining;
        public long ResetAt;
        public long Window;
        public long LastUsed;
        public bool ProbeInFlight;
        public TaskCompletionSource? ProbeDone;
    }

    /// <summary>A reserved send slot; <see cref="Complete"/> must see it once.</summary>
    internal sealed class Lease(RouteInfo route, string key, Bucket bucket, bool probe)
    {
        public RouteInfo Route { get; } = route;
        public string Key { get; } = key;
        public Bucket Bucket { get; } = bucket;
        public bool Probe { get; } = probe;
        public bool Completed { get; set; }
    }
}
