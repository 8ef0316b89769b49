using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BackendPrep.FakeDiscord;

namespace BackendPrep.Discord.Tests.Fake;

/// <summary>The fake itself: it must catch what real Discord would reject, or the other tests prove little.</summary>
public sealed class FakeDiscordServerTests : IAsyncLifetime
{
    private readonly FakeDiscordServer _server = new();
    private readonly HttpClient _http = new();

    public Task InitializeAsync() => _server.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string? json = null, bool auth = true)
    {
        var request = new HttpRequestMessage(method, _server.BaseUrl + path);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (auth)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _server.Token);
        return _http.SendAsync(request);
    }

    [Fact]
    public async Task Records_schema_violations_in_callback_bodies()
    {
        using var response = await Send(HttpMethod.Post, "/interactions/1/t/callback", $$$"""{"type":4,"data":{"embeds":[{"title":"{{{new string('x', 300)}}}"}]}}""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains(_server.SchemaViolations, v => v.Contains("CreateMessageInteractionCallbackRequest", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"type":9,"data":{"custom_id":"m","title":"t","components":[]}}""")]
    [InlineData("""{"type":3}""")]
    [InlineData("""{"type":5,"data":{"flags":4}}""")]
    public async Task Records_documented_rule_violations(string body)
    {
        using var response = await Send(HttpMethod.Post, "/interactions/2/t/callback", body);

        Assert.NotEmpty(_server.SchemaViolations);
    }

    [Fact]
    public async Task Command_names_must_be_lowercase_and_permissions_may_be_strings()
    {
        using var ok = await Send(HttpMethod.Put, $"/applications/{_server.ApplicationId}/commands", """[{"name":"ok","description":"d","default_member_permissions":"32"}]""");
        Assert.Empty(_server.SchemaViolations);

        using var bad = await Send(HttpMethod.Put, $"/applications/{_server.ApplicationId}/commands", """[{"name":"NotOk","description":"d"}]""");
        Assert.Contains(_server.SchemaViolations, v => v.Contains("NotOk", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Second_callback_is_rejected_with_40060()
    {
        using var first = await Send(HttpMethod.Post, "/interactions/3/t/callback", """{"type":5}""");
        using var second = await Send(HttpMethod.Post, "/interactions/3/t/callback", """{"type":5}""");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("40060", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, _server.CallbacksFor(3).Count);
    }

    [Fact]
    public async Task Bot_routes_need_the_token_and_send_rate_limit_headers()
    {
        using var anonymous = await Send(HttpMethod.Get, "/channels/1", auth: false);
        using var authed = await Send(HttpMethod.Get, "/channels/1");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authed.StatusCode);
        Assert.Equal("50", authed.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("49", authed.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.NotNull(authed.Headers.GetValues("X-RateLimit-Bucket").Single());
    }

    [Fact]
    public async Task Scripted_429_carries_body_and_headers()
    {
        _server.Enqueue(FakeRoutes.GetChannel, FakeResponse.RateLimited(1.25, global: true));

        using var response = await Send(HttpMethod.Get, "/channels/1");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("true", response.Headers.GetValues("X-RateLimit-Global").Single());
        Assert.Equal("global", response.Headers.GetValues("X-RateLimit-Scope").Single());
        Assert.Equal("2", response.Headers.GetValues("Retry-After").Single());
        Assert.Contains("\"retry_after\":1.25", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_url_accepts_a_websocket_and_says_hello()
    {
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        await socket.ConnectAsync(new Uri(_server.GatewayUrl + "?v=10&encoding=json"), CancellationToken.None);
        var buffer = new byte[4096];

        var frame = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("\"op\":10", Encoding.UTF8.GetString(buffer, 0, frame.Count), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_bot_points_at_the_local_gateway()
    {
        using var response = await Send(HttpMethod.Get, "/gateway/bot");

        Assert.Contains($"\"url\":\"{_server.GatewayUrl}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("ws://127.0.0.1:", _server.GatewayUrl, StringComparison.Ordinal);
    }
}
