using System.Globalization;
using System.Text.Json;

namespace BackendPrep.FakeDiscord;

/// <summary>
/// A scripted answer for the next request to a route. <see cref="Status"/> null means "answer normally" (with any
/// header overrides and delay applied), so one can script slowness or bucket exhaustion on a real response.
/// </summary>
public sealed record FakeResponse
{
    public int? Status { get; init; }
    public string? Json { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public TimeSpan Delay { get; init; }

    /// <summary>Abort the connection instead of answering (the client sees a network error).</summary>
    public bool Drop { get; init; }

    /// <summary>A 429 with <c>retry_after</c> (float seconds) in the body and <c>Retry-After</c> rounded up.</summary>
    public static FakeResponse RateLimited(double retryAfter, bool global = false, string? scope = null)
    {
        var headers = new Dictionary<string, string>
        {
            ["Retry-After"] = Math.Ceiling(retryAfter).ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Scope"] = scope ?? (global ? "global" : "user"),
        };
        if (global)
            headers["X-RateLimit-Global"] = "true";
        return new FakeResponse
        {
            Status = 429,
            Json = JsonSerializer.Serialize(new Dictionary<string, object> { ["message"] = "You are being rate limited.", ["retry_after"] = retryAfter, ["global"] = global }),
            Headers = headers,
        };
    }

    /// <summary>A Discord JSON error, e.g. (403, 50013, "Missing Permissions").</summary>
    public static FakeResponse Error(int status, int code, string message, string? errorsJson = null) => new()
    {
        Status = status,
        Json = errorsJson is null
            ? $$"""{"message":{{JsonSerializer.Serialize(message)}},"code":{{code}}}"""
            : $$"""{"message":{{JsonSerializer.Serialize(message)}},"code":{{code}},"errors":{{errorsJson}}}""",
    };

    public static FakeResponse ServerError(int status = 500) => new() { Status = status, Json = """{"message":"Internal Server Error","code":0}""" };

    public static FakeResponse Unauthorized() => Error(401, 0, "401: Unauthorized");

    public static FakeResponse Dropped() => new() { Status = 0, Drop = true };

    public static FakeResponse Slow(TimeSpan delay) => new() { Delay = delay };

    /// <summary>The request takes effect, but the client is told <paramref name="status"/>: an answer lost on the way back.</summary>
    public static FakeResponse LostAnswer(int status = 502) => new() { StatusAfterEffect = status };

    /// <summary>Set by <see cref="LostAnswer"/>: answer normally, then report this status instead.</summary>
    public int? StatusAfterEffect { get; init; }

    /// <summary>A normal answer that reports the bucket empty for <paramref name="resetAfter"/> seconds.</summary>
    public static FakeResponse Exhausted(double resetAfter, int limit = 1, string bucket = "exhausted") => new()
    {
        Headers = new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset-After"] = resetAfter.ToString("0.000", CultureInfo.InvariantCulture),
            ["X-RateLimit-Bucket"] = bucket,
        },
    };
}
