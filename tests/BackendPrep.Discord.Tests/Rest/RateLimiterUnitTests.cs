using BackendPrep.Discord.Hosting;
using BackendPrep.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Discord.Tests.Rest;

/// <summary>The limiter alone on a FakeTimeProvider: exact waits without real time.</summary>
public sealed class RateLimiterUnitTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly DiscordMetrics _metrics = new();

    private DiscordRateLimiter Limiter(int perSecond = 50) =>
        new(Microsoft.Extensions.Options.Options.Create(new DiscordOptions { Token = "t", GlobalRequestsPerSecond = perSecond }), _time, _metrics);

    private static RouteInfo Channel(int id) => new(HttpMethod.Get, "/channels/{channel_id}", $"/channels/{id}", $"{id}");

    private static RouteInfo Callback(int id) => new(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback", $"/interactions/{id}/t/callback", $"{id}", IsInteraction: true) { UsedOnce = true };

    private static HttpResponseMessage Headers(int limit, int remaining, double resetAfter, string bucket = "b1")
    {
        var response = new HttpResponseMessage();
        response.Headers.Add("X-RateLimit-Limit", $"{limit}");
        response.Headers.Add("X-RateLimit-Remaining", $"{remaining}");
        response.Headers.Add("X-RateLimit-Reset-After", resetAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Bucket", bucket);
        return response;
    }

    [Fact]
    public async Task Fifty_per_second_then_the_51st_waits_for_the_window()
    {
        var limiter = Limiter();
        for (var i = 0; i < 50; i++)
        {
            var lease = await limiter.AcquireAsync(Channel(i), CancellationToken.None);
            limiter.Complete(lease, 200, null);
        }

        var blocked = limiter.AcquireAsync(Channel(50), CancellationToken.None).AsTask();
        var exempt = limiter.AcquireAsync(Callback(1), CancellationToken.None).AsTask();

        Assert.True(exempt.IsCompletedSuccessfully);
        Assert.False(blocked.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(blocked.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await blocked.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_answered_callback_leaves_no_bucket_behind_but_channel_routes_keep_theirs()
    {
        var limiter = Limiter();
        for (var i = 0; i < 1_000; i++)
        {
            var lease = await limiter.AcquireAsync(Callback(i), CancellationToken.None);
            using var headers = Headers(limit: 5, remaining: 4, resetAfter: 1, bucket: "cb");
            limiter.Complete(lease, 204, i % 2 == 0 ? headers.Headers : null);
        }

        var channel = await limiter.AcquireAsync(Channel(1), CancellationToken.None);
        limiter.Complete(channel, 200, null);

        Assert.Equal(1, limiter.TrackedBuckets);
    }

    [Fact]
    public async Task An_exhausted_callback_bucket_is_kept_until_its_reset_so_the_retry_waits()
    {
        var limiter = Limiter();
        var first = await limiter.AcquireAsync(Callback(7), CancellationToken.None);
        using var headers = Headers(limit: 1, remaining: 0, resetAfter: 1, bucket: "cb");
        limiter.Complete(first, 429, headers.Headers, retryAfter: TimeSpan.FromSeconds(1));

        var retry = limiter.AcquireAsync(Callback(7), CancellationToken.None).AsTask();

        Assert.Equal(1, limiter.TrackedBuckets);
        Assert.False(retry.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1_060));
        await retry.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Remaining_zero_waits_reset_after_on_the_monotonic_clock()
    {
        var limiter = Limiter();
        var first = await limiter.AcquireAsync(Channel(1), CancellationToken.None);
        using var headers = Headers(limit: 1, remaining: 0, resetAfter: 2.5);
        limiter.Complete(first, 200, headers.Headers);

        var next = limiter.AcquireAsync(Channel(1), CancellationToken.None).AsTask();
        var otherChannel = limiter.AcquireAsync(Channel(2), CancellationToken.None).AsTask();

        Assert.True(otherChannel.IsCompletedSuccessfully);
        _time.Advance(TimeSpan.FromSeconds(2.5));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(60)); // plus the safety margin
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Unknown_bucket_holds_the_second_request_until_the_first_completes()
    {
        var limiter = Limiter();
        var first = await limiter.AcquireAsync(Channel(1), CancellationToken.None);

        var second = limiter.AcquireAsync(Channel(1), CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted);
        using var headers = Headers(limit: 5, remaining: 4, resetAfter: 1);
        limiter.Complete(first, 200, headers.Headers);

        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Routes_that_report_the_same_bucket_share_its_limit_per_major_parameter()
    {
        var limiter = Limiter();
        var edit = new RouteInfo(HttpMethod.Patch, "/channels/{channel_id}/messages/{message_id}", "/channels/1/messages/5", "1");
        var post = new RouteInfo(HttpMethod.Post, "/channels/{channel_id}/messages", "/channels/1/messages", "1");
        using var exhausted = Headers(limit: 5, remaining: 0, resetAfter: 3, bucket: "shared");
        using var fresh = Headers(limit: 5, remaining: 4, resetAfter: 3, bucket: "shared");

        limiter.Complete(await limiter.AcquireAsync(post, CancellationToken.None), 200, exhausted.Headers);
        limiter.Complete(await limiter.AcquireAsync(edit with { Path = "/channels/2/messages/5", MajorParameter = "2" }, CancellationToken.None), 200, fresh.Headers);
        var blocked = limiter.AcquireAsync(edit, CancellationToken.None).AsTask();
        var otherChannel = limiter.AcquireAsync(post with { Path = "/channels/2/messages", MajorParameter = "2" }, CancellationToken.None).AsTask();

        Assert.False(blocked.IsCompleted);
        Assert.True(otherChannel.IsCompletedSuccessfully);
        _time.Advance(TimeSpan.FromSeconds(3.1));
        await blocked.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Global_429_blocks_everything_but_interactions_until_retry_after()
    {
        var limiter = Limiter();
        using var global = new HttpResponseMessage();
        global.Headers.Add("X-RateLimit-Global", "true");
        limiter.Complete(await limiter.AcquireAsync(Channel(1), CancellationToken.None), 429, global.Headers, TimeSpan.FromSeconds(2));

        var blocked = limiter.AcquireAsync(Channel(2), CancellationToken.None).AsTask();
        var exempt = limiter.AcquireAsync(Callback(2), CancellationToken.None).AsTask();

        Assert.True(exempt.IsCompletedSuccessfully);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(blocked.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(60));
        await blocked.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Shared_scope_429_does_not_count_as_invalid_but_user_scope_does()
    {
        var limiter = Limiter();
        using var shared = new HttpResponseMessage();
        shared.Headers.Add("X-RateLimit-Scope", "shared");
        using var user = new HttpResponseMessage();
        user.Headers.Add("X-RateLimit-Scope", "user");

        limiter.Complete(await limiter.AcquireAsync(Channel(1), CancellationToken.None), 429, shared.Headers, TimeSpan.FromSeconds(1));
        limiter.Complete(await limiter.AcquireAsync(Channel(2), CancellationToken.None), 429, user.Headers, TimeSpan.FromSeconds(1));

        Assert.Equal(1, limiter.InvalidRequestCount);
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, limiter.InvalidRequestCount);
    }
}
