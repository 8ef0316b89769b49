using System.Net;
using BackendPrep.Discord.Models;
using BackendPrep.Discord.Rest;
using BackendPrep.FakeDiscord;

namespace BackendPrep.Discord.Tests.Rest;

/// <summary>
/// Rate limiting end to end over real HTTP with real (short) waits. Each test proves the wait from the fake's own
/// arrival timestamps (monotonic clock), and that the fake never had to answer an unscripted 429.
/// </summary>
public sealed class RateLimitTests : FakeDiscordTest
{
    // Timer and scheduling granularity: a wait may end a hair early relative to the other side's clock.
    private const double Slack = 0.03;

    [Fact]
    public async Task Retry_after_from_a_429_body_is_honoured_even_for_post()
    {
        using var limited = new CounterProbe(Metrics, "discord.rest.rate_limited");
        using var requestsMetric = new CounterProbe(Metrics, "discord.rest.requests");
        var client = CreateClient();
        Server.Enqueue(FakeRoutes.CreateMessage, FakeResponse.RateLimited(0.35));

        await client.CreateMessageAsync(10, MessagePayload.Text("hi"), CancellationToken.None);

        Assert.Equal(1, limited.Where("scope", "user"));
        Assert.Equal(1, requestsMetric.Where("status", 429));
        Assert.Equal(1, requestsMetric.Where("status", 200));

        var requests = Server.RequestsTo(FakeRoutes.CreateMessage);
        Assert.Equal([429, 200], requests.Select(r => r.ResponseStatus));
        Assert.True(requests[1].SecondsAfter(requests[0]) >= 0.35 - Slack, $"retried after {requests[1].SecondsAfter(requests[0]):0.000}s");
        Assert.Equal(0, Server.UnscriptedRateLimits);
    }

    [Fact]
    public async Task A_429_that_outlasts_the_retry_budget_surfaces_as_an_error()
    {
        var client = CreateClient(o => o.MaxRetries = 1);
        Server.Enqueue(FakeRoutes.GetChannel, FakeResponse.RateLimited(0.05));
        Server.Enqueue(FakeRoutes.GetChannel, FakeResponse.RateLimited(0.05));

        var ex = await Assert.ThrowsAsync<DiscordApiException>(() => client.GetChannelAsync(1, CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.Status);
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task Exhausted_bucket_waits_for_reset_after()
    {
        var client = CreateClient();
        Server.Enqueue(FakeRoutes.CreateMessage, FakeResponse.Exhausted(0.4));

        await client.CreateMessageAsync(10, MessagePayload.Text("one"), CancellationToken.None);
        await client.CreateMessageAsync(10, MessagePayload.Text("two"), CancellationToken.None);

        var requests = Server.RequestsTo(FakeRoutes.CreateMessage);
        Assert.Equal([200, 200], requests.Select(r => r.ResponseStatus));
        Assert.True(requests[1].SecondsAfter(requests[0]) >= 0.4 - Slack, $"second after {requests[1].SecondsAfter(requests[0]):0.000}s");
        Assert.Equal(0, Server.UnscriptedRateLimits);
    }

    [Fact]
    public async Task Exhausted_bucket_does_not_block_another_major_parameter()
    {
        var client = CreateClient();
        Server.Enqueue(FakeRoutes.CreateMessage, FakeResponse.Exhausted(5));

        await client.CreateMessageAsync(10, MessagePayload.Text("one"), CancellationToken.None);
        await client.CreateMessageAsync(11, MessagePayload.Text("other channel"), CancellationToken.None);

        var requests = Server.RequestsTo(FakeRoutes.CreateMessage);
        Assert.True(requests[1].SecondsAfter(requests[0]) < 2, "a different channel has its own bucket");
    }

    [Fact]
    public async Task Fake_enforces_buckets_so_the_client_stays_under_them()
    {
        Server.SetRouteLimit(FakeRoutes.GetChannel, limit: 2, windowSeconds: 0.3);
        var client = CreateClient();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.GetChannelAsync(7, CancellationToken.None)));

        var requests = Server.RequestsTo(FakeRoutes.GetChannel);
        Assert.Equal(5, requests.Count);
        Assert.All(requests, r => Assert.Equal(200, r.ResponseStatus));
        Assert.True(requests[4].SecondsAfter(requests[0]) >= 0.6 - Slack, "5 requests at 2 per 0.3 s need two resets");
        Assert.Equal(0, Server.UnscriptedRateLimits);
    }

    [Fact]
    public async Task Unknown_bucket_allows_one_request_in_flight()
    {
        var client = CreateClient();
        for (var i = 0; i < 3; i++)
            Server.Enqueue(FakeRoutes.CreateMessage, FakeResponse.Slow(TimeSpan.FromMilliseconds(400)));

        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => client.CreateMessageAsync(20, MessagePayload.Text($"m{i}"), CancellationToken.None)));

        var requests = Server.RequestsTo(FakeRoutes.CreateMessage);
        Assert.Equal(3, requests.Count);
        // The first (slow) response had to come back before anything else was sent on the unknown bucket.
        Assert.True(requests[1].SecondsAfter(requests[0]) >= 0.4 - Slack, $"second request after {requests[1].SecondsAfter(requests[0]):0.000}s");
        // Once the bucket (limit 50) is known, the other two go together instead of one slow answer apart.
        Assert.True(requests[2].SecondsAfter(requests[1]) < 0.4, $"third request {requests[2].SecondsAfter(requests[1]):0.000}s after the second");
    }

    [Fact]
    public async Task Global_cap_spaces_requests_but_interaction_routes_are_exempt()
    {
        var client = CreateClient(o => o.GlobalRequestsPerSecond = 5);

        await Task.WhenAll(Enumerable.Range(0, 15).Select(i => client.CreateInteractionResponseAsync((ulong)(1000 + i), $"t{i}", InteractionCallback.Defer(false), CancellationToken.None)));
        await Task.WhenAll(Enumerable.Range(0, 11).Select(i => client.GetChannelAsync((ulong)(100 + i), CancellationToken.None)));

        var callbacks = Server.RequestsTo(FakeRoutes.Callback).OrderBy(r => r.ArrivedAt).ToList();
        Assert.True(callbacks[14].SecondsAfter(callbacks[0]) < 1.5, $"15 exempt callbacks spread over {callbacks[14].SecondsAfter(callbacks[0]):0.000}s (capped would be 2 s)");
        var channels = Server.RequestsTo(FakeRoutes.GetChannel).OrderBy(r => r.ArrivedAt).ToList();
        Assert.Equal(11, channels.Count);
        Assert.True(channels[5].SecondsAfter(channels[0]) >= 1 - Slack, $"6th request after {channels[5].SecondsAfter(channels[0]):0.000}s");
        Assert.True(channels[10].SecondsAfter(channels[0]) >= 2 - Slack, $"11th request after {channels[10].SecondsAfter(channels[0]):0.000}s");
        Assert.Equal(0, Server.UnscriptedRateLimits);
    }

    [Fact]
    public async Task Global_429_closes_the_gate_for_every_route_except_interactions()
    {
        var client = CreateClient(o => o.MaxRetries = 0);
        Server.Enqueue(FakeRoutes.GetChannel, FakeResponse.RateLimited(1.5, global: true));

        await Assert.ThrowsAsync<DiscordApiException>(() => client.GetChannelAsync(1, CancellationToken.None));
        await client.CreateInteractionResponseAsync(3, "t", InteractionCallback.Defer(true), CancellationToken.None);
        await client.CreateMessageAsync(2, MessagePayload.Text("after"), CancellationToken.None);

        var limited = Server.RequestsTo(FakeRoutes.GetChannel)[0];
        var callback = Server.RequestsTo(FakeRoutes.Callback)[0];
        var message = Server.RequestsTo(FakeRoutes.CreateMessage)[0];
        Assert.True(callback.SecondsAfter(limited) < 1.2, "interaction callbacks ignore the global gate");
        Assert.True(message.SecondsAfter(limited) >= 1.5 - Slack, $"message after {message.SecondsAfter(limited):0.000}s");
    }

    [Fact]
    public async Task Server_errors_are_retried_for_idempotent_calls_within_the_budget()
    {
        var client = CreateClient(o => o.MaxRetries = 3);
        for (var i = 0; i < 3; i++)
            Server.Enqueue(FakeRoutes.GetChannel, FakeResponse.ServerError(502));

        var channel = await client.GetChannelAsync(5, CancellationToken.None);

        Assert.Equal(5UL, channel.Id);
        Assert.Equal([502, 502, 502, 200], Server.Requests.Select(r => r.ResponseStatus));
    }

    [Fact]
    public async Task Server_errors_beyond_the_budget_throw()
    {
        var client = CreateClient(o => o.MaxRetries = 2);
        for (var i = 0; i < 5; i++)
            Server.Enqueue(FakeRoutes.PutGlobalCommands, FakeResponse.ServerError(503));

        var ex = await Assert.ThrowsAsync<DiscordApiException>(() => client.BulkOverwriteCommandsAsync(Server.ApplicationId, null, Models.SampleCommands.All, CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.Status);
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task Network_errors_are_retried_for_get_but_not_for_post()
    {
        var client = CreateClient();
        Server.Enqueue(FakeRoutes.GetChannel, FakeResponse.Dropped());
        Server.Enqueue(FakeRoutes.CreateMessage, FakeResponse.Dropped());

        var channel = await client.GetChannelAsync(8, CancellationToken.None);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.CreateMessageAsync(8, MessagePayload.Text("once"), CancellationToken.None));

        Assert.Equal(8UL, channel.Id);
        Assert.Equal(2, Server.RequestsTo(FakeRoutes.GetChannel).Count);
        Assert.Single(Server.RequestsTo(FakeRoutes.CreateMessage));
    }

    [Fact]
    public async Task Post_message_is_never_retried_on_a_server_error()
    {
        var client = CreateClient();
        Server.Enqueue(FakeRoutes.CreateMessage, FakeResponse.ServerError(500));

        await Assert.ThrowsAsync<DiscordApiException>(() => client.CreateMessageAsync(1, MessagePayload.Text("once"), CancellationToken.None));

        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task An_interaction_callback_refused_with_a_server_error_is_sent_again()
    {
        var client = CreateClient(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(20));
        Server.Enqueue(FakeRoutes.Callback, FakeResponse.ServerError(503));

        await client.CreateInteractionResponseAsync(41, "tok41", InteractionCallback.Reply(MessagePayload.Text("hi")), CancellationToken.None);

        Assert.Equal([503, 204], Server.CallbacksFor(41).Select(r => r.ResponseStatus));
    }

    [Fact]
    public async Task A_callback_whose_answer_was_lost_counts_as_sent_when_the_repeat_is_refused_as_a_repeat()
    {
        var client = CreateClient(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(20));
        Server.Enqueue(FakeRoutes.Callback, FakeResponse.LostAnswer(502));

        await client.CreateInteractionResponseAsync(42, "tok42", InteractionCallback.Reply(MessagePayload.Text("hi")), CancellationToken.None);

        // The first took effect (the fake recorded it as answered); the repeat got 40060 and ended the call as success.
        Assert.Equal([502, 400], Server.CallbacksFor(42).Select(r => r.ResponseStatus));
    }

    [Fact]
    public async Task A_40060_on_the_first_attempt_is_still_an_error()
    {
        var client = CreateClient();
        Server.Enqueue(FakeRoutes.Callback, FakeResponse.Error(400, DiscordErrorCodes.InteractionAlreadyAcknowledged, "Interaction has already been acknowledged."));

        var ex = await Assert.ThrowsAsync<DiscordApiException>(() =>
            client.CreateInteractionResponseAsync(43, "tok43", InteractionCallback.Reply(MessagePayload.Text("hi")), CancellationToken.None));

        Assert.True(ex.Is(DiscordErrorCodes.InteractionAlreadyAcknowledged));
    }

    [Fact]
    public async Task Unauthorized_stops_every_further_call()
    {
        var client = CreateClient();
        Server.Enqueue(FakeRoutes.GetChannel, FakeResponse.Unauthorized());

        var first = await Assert.ThrowsAsync<DiscordApiException>(() => client.GetChannelAsync(1, CancellationToken.None));
        await Assert.ThrowsAsync<DiscordClientHaltedException>(() => client.CreateMessageAsync(2, MessagePayload.Text("x"), CancellationToken.None));
        await Assert.ThrowsAsync<DiscordClientHaltedException>(() => client.CreateInteractionResponseAsync(1, "t", InteractionCallback.Defer(true), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, first.Status);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task Unauthorized_on_an_interaction_webhook_is_only_that_token()
    {
        var client = CreateClient();
        Server.Enqueue(FakeRoutes.EditOriginal, FakeResponse.Error(401, 50027, "Invalid Webhook Token"));

        await Assert.ThrowsAsync<DiscordApiException>(() => client.EditOriginalResponseAsync(1, "expired", MessagePayload.Text("x"), CancellationToken.None));
        await client.GetChannelAsync(1, CancellationToken.None);

        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task Invalid_request_ceiling_stops_sending()
    {
        var client = CreateClient(o => o.InvalidRequestCeiling = 3);
        for (var i = 0; i < 3; i++)
            Server.Enqueue(FakeRoutes.CreateMessage, FakeResponse.Error(403, 50013, "Missing Permissions"));

        for (var i = 0; i < 3; i++)
            await Assert.ThrowsAsync<DiscordApiException>(() => client.CreateMessageAsync((ulong)(i + 1), MessagePayload.Text("x"), CancellationToken.None));
        var halted = await Assert.ThrowsAsync<DiscordClientHaltedException>(() => client.GetChannelAsync(1, CancellationToken.None));

        Assert.Contains("invalid", halted.Message, StringComparison.Ordinal);
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task Per_call_deadline_turns_a_hung_call_into_a_timeout()
    {
        using var abandoned = new CounterProbe(Metrics, "discord.rest.abandoned");
        var client = CreateClient(o => o.RequestDeadline = TimeSpan.FromMilliseconds(300));
        Server.Enqueue(FakeRoutes.GetChannel, FakeResponse.Slow(TimeSpan.FromSeconds(3)));

        await Assert.ThrowsAsync<TimeoutException>(() => client.GetChannelAsync(1, CancellationToken.None));
        // The answer that comes later is never read; only this counter knows the request was given up.
        Assert.Equal(1, abandoned.Total);
    }
}
