using BackendPrep.Discord;
using BackendPrep.Discord.Hosting;
using BackendPrep.Discord.Rest;
using BackendPrep.FakeDiscord;
using Microsoft.Extensions.Options;

namespace BackendPrep.Discord.Tests;

/// <summary>
/// Starts a <see cref="FakeDiscordServer"/> on 127.0.0.1:0 per test and, on teardown, fails the test if any JSON body
/// the client sent broke Discord's OpenAPI schema or a documented limit.
/// </summary>
public abstract class FakeDiscordTest : IAsyncLifetime
{
    private readonly List<HttpClient> _clients = [];

    protected FakeDiscordServer Server { get; private set; } = null!;

    protected DiscordMetrics Metrics { get; } = new();

    protected virtual FakeDiscordServer CreateServer() => new();

    public async Task InitializeAsync()
    {
        Server = CreateServer();
        await Server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        var violations = Server.SchemaViolations;
        await Server.DisposeAsync();
        _clients.ForEach(c => c.Dispose());
        Metrics.Dispose();
        Assert.Empty(violations);
    }

    protected DiscordOptions Options(Action<DiscordOptions>? configure = null)
    {
        var options = new DiscordOptions
        {
            Token = Server.Token,
            ApiBaseUrl = Server.BaseUrl,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            RequestDeadline = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        return options;
    }

    protected DiscordRestClient CreateClient(Action<DiscordOptions>? configure = null, TimeProvider? time = null) =>
        CreateClient(Options(configure), time);

    protected DiscordRestClient CreateClient(DiscordOptions options, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var http = new HttpClient();
        _clients.Add(http);
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        return new DiscordRestClient(http, wrapped, new DiscordRateLimiter(wrapped, time, Metrics), Metrics, time);
    }
}
