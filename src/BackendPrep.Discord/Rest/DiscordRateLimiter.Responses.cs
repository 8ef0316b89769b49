using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace BackendPrep.Discord.Rest;

/// <summary>What a response tells the limiter: bucket headers, 429 scopes, invalid-request accounting.</summary>
public sealed partial class DiscordRateLimiter
{
    /// <summary>
    /// Records a response (or, with <paramref name="headers"/> null, a request that got none) and releases the lease.
    /// <paramref name="retryAfter"/> is the 429 wait from the body or <c>Retry-After</c>.
    /// </summary>
    internal void Complete(Lease lease, int? status, HttpResponseHeaders? headers, TimeSpan? retryAfter = null, bool globalFromBody = false)
    {
        TaskCompletionSource? wake = null;
        lock (_lock)
        {
            if (lease.Completed)
                return;
            lease.Completed = true;
            var now = _time.GetTimestamp();
            var bucket = lease.Bucket;

            if (headers is not null)
                ApplyHeaders(lease, headers, now, ref bucket);

            if (status is 401 or 403 or 429)
            {
                var scope = Header(headers, "X-RateLimit-Scope");
                // Shared-resource 429s do not count toward Cloudflare's invalid-request limit.
                if (!(status == 429 && string.Equals(scope, "shared", StringComparison.OrdinalIgnoreCase)))
                {
                    _invalid.Enqueue(now);
                    _metrics.InvalidResponse(status.Value);
                }
                // A bad bot token makes every call fail; a 401 on an interaction webhook is only a stale interaction token.
                if (status == 401 && !lease.Route.IsInteraction)
                {
                    _haltReason = $"Stopped sending: Discord rejected the bot token (401 on {lease.Route.Name}).";
                    _logger.LogCritical("Discord returned 401 on {Route}; the bot token is invalid, all REST calls now fail", lease.Route.Name);
                }
            }

            if (status == 429)
            {
                var scope = Header(headers, "X-RateLimit-Scope") ?? (globalFromBody ? "global" : "user");
                var isGlobal = globalFromBody || string.Equals(Header(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(scope, "global", StringComparison.OrdinalIgnoreCase);
                var until = now + (long)(((retryAfter ?? TimeSpan.FromSeconds(1)) + ResetMargin).TotalSeconds * _time.TimestampFrequency);
                _metrics.RateLimited(isGlobal ? "global" : scope.ToLowerInvariant());
                if (isGlobal && !lease.Route.IsInteraction)
                {
                    _globalBlockedUntil = Math.Max(_globalBlockedUntil, until);
                }
                else
                {
                    bucket.Known = true;
                    bucket.Remaining = 0;
                    bucket.ResetAt = Math.Max(bucket.ResetAt, until);
                }
                _logger.LogWarning("Rate limited on {Route} (scope {Scope}), retry after {RetryAfter}", lease.Route.Name, scope, retryAfter);
            }

            if (lease.Probe)
            {
                // A probe that learned nothing (no headers, network error) must not leave the route unknown forever
                // when Discord simply sends no limits for it; a failed request leaves it unknown for the next probe.
                if (status is not null && !bucket.Known)
                {
                    bucket.Known = true;
                    bucket.Limit = bucket.Remaining = int.MaxValue;
                }
                lease.Bucket.ProbeInFlight = false;
                wake = lease.Bucket.ProbeDone;
                lease.Bucket.ProbeDone = null;
            }

            if (lease.Route.UsedOnce)
                ForgetUnlessWaiting(lease.Route, bucket, now);
        }
        wake?.TrySetResult();
    }

    /// <summary>
    /// At 200 interactions a second, keeping every callback's bucket until the idle sweep held about 24,000 of them
    /// (and promoted them through the GC generations). Only an exhausted one matters: a retry must wait out its reset.
    /// A waiter woken after this re-resolves the key and probes a fresh bucket.
    /// </summary>
    private void ForgetUnlessWaiting(RouteInfo route, Bucket bucket, long now)
    {
        var key = BucketKey(route);
        if (!bucket.ProbeInFlight && !(bucket.Remaining <= 0 && bucket.ResetAt > now)
            && _buckets.TryGetValue(key, out var tracked) && ReferenceEquals(tracked, bucket))
            _buckets.Remove(key);
    }

    private void ApplyHeaders(Lease lease, HttpResponseHeaders headers, long now, ref Bucket bucket)
    {
        var hash = Header(headers, "X-RateLimit-Bucket");
        if (hash is not null)
        {
            _hashByTemplate[lease.Route.TemplateKey] = hash;
            var key = hash + "|" + lease.Route.MajorParameter;
            if (key != lease.Key)
            {
                // Promote: the route's provisional bucket becomes the shared hash bucket; waiters re-resolve on wake-up.
                if (!_buckets.TryGetValue(key, out var shared))
                    _buckets[key] = shared = new Bucket { LastUsed = now };
                if (_buckets.TryGetValue(lease.Key, out var provisional) && ReferenceEquals(provisional, lease.Bucket))
                    _buckets.Remove(lease.Key);
                bucket = shared;
            }
        }

        if (!TryDouble(Header(headers, "X-RateLimit-Reset-After"), out var resetAfter)
            || !int.TryParse(Header(headers, "X-RateLimit-Limit"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit)
            || !int.TryParse(Header(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining))
            return;

        var window = (long)((resetAfter + ResetMargin.TotalSeconds) * _time.TimestampFrequency);
        var resetAt = now + window;
        bucket.Window = Math.Max(bucket.Window, window);
        var newWindow = !bucket.Known || resetAt > bucket.ResetAt + _time.TimestampFrequency / 20;
        bucket.Limit = Math.Max(1, limit);
        // The header cannot count requests still in flight that we already granted, and responses can arrive out of
        // order, so once we keep our own count trust whichever count is lower.
        bucket.Remaining = bucket.Known ? Math.Min(bucket.Remaining, remaining) : remaining;
        bucket.ResetAt = newWindow ? resetAt : Math.Max(bucket.ResetAt, resetAt);
        bucket.Known = true;
    }

    private static string? Header(HttpResponseHeaders? headers, string name) =>
        headers is not null && headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static bool TryDouble(string? s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
