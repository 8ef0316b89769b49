using System.Collections.Concurrent;
using System.Net;
using BackendPrep.FakeDiscord.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackendPrep.FakeDiscord;

/// <summary>
/// A Discord stand-in on 127.0.0.1 (random port): the REST routes in <see cref="FakeRoutes"/> with real status codes,
/// rate-limit headers and enforcement (per bucket and a global 50/s), scriptable per route, every request recorded
/// and every JSON body validated against Discord's OpenAPI document.
/// </summary>
public sealed partial class FakeDiscordServer : IAsyncDisposable
{
    public const string ApiPrefix = "/api/v10";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeResponse>> _scripts = new(StringComparer.Ordinal);
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(Func<RecordedRequest, bool> Match, TaskCompletionSource<RecordedRequest> Done)> _waiters = [];
    private readonly List<string> _violations = [];
    private readonly Lock _lock = new();
    private WebApplication? _app;

    public FakeDiscordServer(string token = "fake-bot-token")
    {
        Token = token;
    }

    public string Token { get; }
    public ulong ApplicationId { get; init; } = 700000000000000001;
    public ulong BotUserId { get; init; } = 700000000000000002;

    /// <summary>Validate JSON bodies against openapi.json (on by default).</summary>
    public bool ValidateBodies { get; init; } = true;

    /// <summary>Default bucket size and window for every route unless <see cref="SetRouteLimit"/> says otherwise.</summary>
    public int DefaultLimit { get; init; } = 50;
    public double DefaultWindowSeconds { get; init; } = 1.0;

    /// <summary>Discord's global limit: non-interaction requests per second.</summary>
    public int GlobalLimitPerSecond { get; init; } = 50;

    /// <summary>http://127.0.0.1:port/api/v10</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>ws://127.0.0.1:port/gateway, as returned by GET /gateway/bot.</summary>
    public string GatewayUrl { get; private set; } = "";

    /// <summary>The WebSocket gateway at <see cref="GatewayUrl"/>.</summary>
    public FakeGateway Gateway { get; private set; } = null!;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        Gateway = new FakeGateway(Token, ApplicationId, BotUserId);
        Gateway.Map(app);
        app.MapFallback("{**path}", HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        BaseUrl = $"http://127.0.0.1:{port}{ApiPrefix}";
        GatewayUrl = $"ws://127.0.0.1:{port}/gateway";
        Gateway.ResumeUrl = GatewayUrl;
        _app = app;
    }

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
                return [.. _requests];
        }
    }

    /// <summary>Requests to one route (a <see cref="FakeRoutes"/> name).</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string route) => [.. Requests.Where(r => r.Route == route)];

    /// <summary>Interaction callbacks received for one interaction (answered-exactly-once checks).</summary>
    public IReadOnlyList<RecordedRequest> CallbacksFor(ulong interactionId) =>
        [.. RequestsTo(FakeRoutes.Callback).Where(r => r.Path.StartsWith($"/interactions/{interactionId}/", StringComparison.Ordinal))];

    /// <summary>Bodies that failed OpenAPI or documented-limit validation.</summary>
    public IReadOnlyList<string> SchemaViolations
    {
        get
        {
            lock (_lock)
                return [.. _violations];
        }
    }

    /// <summary>Queues a scripted answer for the next request to <paramref name="route"/>.</summary>
    public void Enqueue(string route, FakeResponse response) =>
        _scripts.GetOrAdd(route, _ => new ConcurrentQueue<FakeResponse>()).Enqueue(response);

    /// <summary>Completes with the first request (past or future) matching <paramref name="match"/>.</summary>
    public Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            var existing = _requests.FirstOrDefault(match);
            if (existing is not null)
                return Task.FromResult(existing);
            _waiters.Add((match, done));
        }
        return done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
    }

    private void Record(RecordedRequest request, IReadOnlyList<string> violations)
    {
        List<TaskCompletionSource<RecordedRequest>> wake = [];
        lock (_lock)
        {
            _requests.Add(request);
            _violations.AddRange(violations.Select(v => $"{request.Route}: {v}"));
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(request))
                {
                    wake.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }
        wake.ForEach(w => w.TrySetResult(request));
    }

    /// <summary>
    /// The clock of rate-limit windows and scripted delays. A test that runs the bot on a fake clock gives the fake
    /// Discord the same one, so a Retry-After the bot waits out on its clock has also passed here.
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Scripted answers not yet consumed for <paramref name="route"/>.</summary>
    public int PendingScripts(string route) => _scripts.TryGetValue(route, out var queue) ? queue.Count : 0;

    private long Now => Clock.GetTimestamp();

    private long Frequency => Clock.TimestampFrequency;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            // Open gateway sockets must not hold shutdown hostage.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
        }
    }
}
