using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace BackendPrep.FakeDiscord;

/// <summary>Request handling: auth, global and bucket limits, scripts, default answers, recording.</summary>
public sealed partial class FakeDiscordServer
{
    private readonly Dictionary<string, (int Limit, double Window, string Bucket)> _routeLimits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeBucket> _buckets = new(StringComparer.Ordinal);
    private readonly Queue<long> _globalWindow = new();
    private readonly HashSet<string> _answered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonArray> _commands = new(StringComparer.Ordinal);
    private long _nextId = 900000000000000000;
    private int _unscriptedRateLimits;
    private int _inFlight;
    private int _peakInFlight;

    /// <summary>The most requests the fake was handling at one time (scripted delays included): a client's concurrency.</summary>
    public int PeakConcurrentRequests => Volatile.Read(ref _peakInFlight);

    /// <summary>429s the fake produced on its own (the client overran a bucket or the global limit); should stay 0.</summary>
    public int UnscriptedRateLimits => Volatile.Read(ref _unscriptedRateLimits);

    /// <summary>Commands last registered per scope ("global" or the guild id).</summary>
    public JsonArray? RegisteredCommands(ulong? guildId = null)
    {
        lock (_lock)
            return _commands.TryGetValue(guildId?.ToString(CultureInfo.InvariantCulture) ?? "global", out var a) ? a : null;
    }

    /// <summary>Sets a route's bucket (enforced with real 429s and advertised in headers).</summary>
    public void SetRouteLimit(string route, int limit, double windowSeconds, string? bucket = null)
    {
        lock (_lock)
            _routeLimits[route] = (limit, windowSeconds, bucket ?? BucketHashFor(route));
    }

    private sealed class FakeBucket
    {
        public int Remaining;
        public long ResetAt;
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        for (var peak = Volatile.Read(ref _peakInFlight); inFlight > peak; peak = Volatile.Read(ref _peakInFlight))
            Interlocked.CompareExchange(ref _peakInFlight, inFlight, peak);
        try
        {
            await HandleOneAsync(ctx);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task HandleOneAsync(HttpContext ctx)
    {
        var arrivedAt = Now;
        var request = ctx.Request;
        var fullPath = request.Path.Value ?? "";
        var path = fullPath.StartsWith(ApiPrefix, StringComparison.Ordinal) ? fullPath[ApiPrefix.Length..] : fullPath;
        var match = FakeRoutes.Match(request.Method, path);
        var (body, parts) = await ReadBodyAsync(request);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);

        int status;
        string? json;
        var responseHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var violations = new List<string>();
        if (match is null)
        {
            (status, json) = (404, """{"message":"404: Not Found","code":0}""");
        }
        else
        {
            var recorded = new RecordedRequest(request.Method, path, match.Name, request.QueryString.Value ?? "", headers, request.ContentType, body, parts, arrivedAt, 0);
            if (ValidateBodies && recorded.JsonText is { } text)
            {
                try
                {
                    violations.AddRange(OpenApiBodyValidator.Shared.ValidateRequest(match.Name, JsonDocument.Parse(text).RootElement));
                }
                catch (JsonException ex)
                {
                    violations.Add("body is not JSON: " + ex.Message);
                }
                catch (Exception ex)
                {
                    violations.Add("validator failed: " + ex);
                }
            }
            (status, json) = await RespondAsync(match, recorded, responseHeaders);
        }

        var final = new RecordedRequest(request.Method, path, match?.Name ?? "", request.QueryString.Value ?? "", headers, request.ContentType, body, parts, arrivedAt, status);
        Record(final, violations);

        if (status == 0)
        {
            ctx.Abort();
            return;
        }
        ctx.Response.StatusCode = status;
        foreach (var (k, v) in responseHeaders)
            ctx.Response.Headers[k] = v;
        if (json is not null && status != 204)
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(json);
        }
    }

    private async Task<(int Status, string? Json)> RespondAsync(FakeRoutes.RouteMatch match, RecordedRequest request, Dictionary<string, string> responseHeaders)
    {
        if (!match.IsInteraction && request.Header("Authorization") != "Bot " + Token)
            return (401, """{"message":"401: Unauthorized","code":0}""");

        if (!match.IsInteraction && GlobalRetryAfter() is { } globalWait)
        {
            Interlocked.Increment(ref _unscriptedRateLimits);
            Apply(FakeResponse.RateLimited(globalWait, global: true), responseHeaders);
            return (429, FakeResponse.RateLimited(globalWait, global: true).Json);
        }

        FakeResponse? script = null;
        if (_scripts.TryGetValue(match.Name, out var queue))
            queue.TryDequeue(out script);
        if (script is { Delay: var delay } && delay > TimeSpan.Zero)
            await Task.Delay(delay, Clock);
        if (script?.Status is { } scriptedStatus)
        {
            if (scriptedStatus == 429 && script.Headers.GetValueOrDefault("X-RateLimit-Scope") != "global")
                AddBucketHeaders(match, responseHeaders, exhaustedFor: script.Json is { } j ? JsonDocument.Parse(j).RootElement.GetProperty("retry_after").GetDouble() : 1);
            Apply(script, responseHeaders);
            return (scriptedStatus, script.Json);
        }

        if (BucketRetryAfter(match) is { } bucketWait)
        {
            Interlocked.Increment(ref _unscriptedRateLimits);
            var limited = FakeResponse.RateLimited(bucketWait);
            AddBucketHeaders(match, responseHeaders, exhaustedFor: bucketWait);
            Apply(limited, responseHeaders);
            return (429, limited.Json);
        }

        AddBucketHeaders(match, responseHeaders, exhaustedFor: null);
        if (script is not null)
        {
            Apply(script, responseHeaders);
            OverrideBucket(match, script);
        }
        var answer = DefaultAnswer(match, request);
        return script?.StatusAfterEffect is { } lost ? (lost, FakeResponse.ServerError(lost).Json) : answer;
    }

    private static void Apply(FakeResponse response, Dictionary<string, string> headers)
    {
        foreach (var (k, v) in response.Headers)
            headers[k] = v;
    }

    private double? GlobalRetryAfter()
    {
        lock (_lock)
        {
            var now = Now;
            while (_globalWindow.Count > 0 && now - _globalWindow.Peek() >= Frequency)
                _globalWindow.Dequeue();
            if (_globalWindow.Count >= GlobalLimitPerSecond)
                return Math.Max(0.001, 1.0 - (now - _globalWindow.Peek()) / (double)Frequency);
            _globalWindow.Enqueue(now);
            return null;
        }
    }

    private (int Limit, double Window, string Bucket) LimitFor(string route) =>
        _routeLimits.TryGetValue(route, out var l) ? l : (DefaultLimit, DefaultWindowSeconds, BucketHashFor(route));

    private static string BucketHashFor(string route) => "fake-" + ((uint)route.GetHashCode(StringComparison.Ordinal)).ToString("x8", CultureInfo.InvariantCulture);

    private FakeBucket BucketFor(FakeRoutes.RouteMatch match, long now)
    {
        var key = LimitFor(match.Name).Bucket + "|" + match.Major;
        if (!_buckets.TryGetValue(key, out var bucket) || now >= bucket.ResetAt)
        {
            var (limit, window, _) = LimitFor(match.Name);
            _buckets[key] = bucket = new FakeBucket { Remaining = limit, ResetAt = now + (long)(window * Frequency) };
        }
        return bucket;
    }

    /// <summary>Consumes one request from the bucket, or says how long until it refills.</summary>
    private double? BucketRetryAfter(FakeRoutes.RouteMatch match)
    {
        lock (_lock)
        {
            var now = Now;
            var bucket = BucketFor(match, now);
            if (bucket.Remaining <= 0)
                return Math.Max(0.001, (bucket.ResetAt - now) / (double)Frequency);
            bucket.Remaining--;
            return null;
        }
    }

    private void AddBucketHeaders(FakeRoutes.RouteMatch match, Dictionary<string, string> headers, double? exhaustedFor)
    {
        lock (_lock)
        {
            var now = Now;
            var bucket = BucketFor(match, now);
            if (exhaustedFor is { } wait)
            {
                bucket.Remaining = 0;
                bucket.ResetAt = Math.Max(bucket.ResetAt, now + (long)(wait * Frequency));
            }
            var (limit, _, hash) = LimitFor(match.Name);
            var resetAfter = Math.Max(0, (bucket.ResetAt - now) / (double)Frequency);
            headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = bucket.Remaining.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset-After"] = resetAfter.ToString("0.000", CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset"] = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 + resetAfter).ToString("0.000", CultureInfo.InvariantCulture);
            headers["X-RateLimit-Bucket"] = hash;
        }
    }

    /// <summary>A scripted "exhausted" answer also empties the fake's own bucket, so an early retry gets a real 429.</summary>
    private void OverrideBucket(FakeRoutes.RouteMatch match, FakeResponse script)
    {
        if (script.Headers.GetValueOrDefault("X-RateLimit-Remaining") != "0"
            || !double.TryParse(script.Headers.GetValueOrDefault("X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var wait))
            return;
        lock (_lock)
        {
            var now = Now;
            var (limit, window, _) = LimitFor(match.Name);
            var hash = script.Headers.GetValueOrDefault("X-RateLimit-Bucket") ?? LimitFor(match.Name).Bucket;
            _routeLimits[match.Name] = (limit, window, hash);
            _buckets[hash + "|" + match.Major] = new FakeBucket { Remaining = 0, ResetAt = now + (long)(wait * Frequency) };
        }
    }

    private static async Task<(byte[] Body, IReadOnlyList<RecordedPart> Parts)> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentType is { } ct && ct.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(ct).Boundary).Value!;
            var reader = new MultipartReader(boundary, request.Body);
            var parts = new List<RecordedPart>();
            while (await reader.ReadNextSectionAsync() is { } section)
            {
                using var buffer = new MemoryStream();
                await section.Body.CopyToAsync(buffer);
                ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition);
                parts.Add(new RecordedPart(
                    HeaderUtilities.RemoveQuotes(disposition?.Name ?? "").Value ?? "",
                    HeaderUtilities.RemoveQuotes(disposition?.FileName ?? "").Value is { Length: > 0 } f ? f : null,
                    section.ContentType,
                    buffer.ToArray()));
            }
            return ([], parts);
        }
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        return (body.ToArray(), []);
    }
}
