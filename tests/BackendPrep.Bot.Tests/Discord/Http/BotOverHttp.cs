using System.Text.Json;
using BackendPrep.Bot.Cli;
using BackendPrep.Bot.Transports.Console;
using BackendPrep.Bot.Transports.Http;
using BackendPrep.Discord.Interactions;
using BackendPrep.Discord.Models;
using BackendPrep.FakeDiscord;
using BackendPrep.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Bot.Tests.Discord.Http;

/// <summary>
/// The whole bot in HTTP-interactions mode: Kestrel on 127.0.0.1 port 0 receiving signed POSTs, REST going to the fake
/// Discord. The clock is fake, so the deferral deadline and the signature window move only when a test says so. Every
/// handler call passes a gate the test can hold shut to play a slow handler, and is counted.
/// </summary>
internal sealed class BotOverHttp : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"bp-http-{Guid.NewGuid():N}.db");
    private readonly HttpListenAddress _address = new();

    private BotOverHttp(FakeDiscordServer discord) => Discord = discord;

    public FakeDiscordServer Discord { get; }
    public SignedRequests Keys { get; } = new();
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
    public HandlerGate Gate { get; } = new();
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };
    public Uri Url { get; private set; } = null!;
    public Task<int> Run { get; private set; } = Task.FromResult(0);

    public static Task<BotOverHttp> StartAsync(params string[] extraArgs) => StartAsync(null, extraArgs);

    /// <summary>With <paramref name="configure"/> applied after the test's own registrations.</summary>
    public static async Task<BotOverHttp> StartAsync(Action<IServiceCollection>? configure, params string[] extraArgs)
    {
        var discord = new FakeDiscordServer();
        await discord.StartAsync();
        var bot = new BotOverHttp(discord);
        string[] args =
        [
            $"--Discord:Token={discord.Token}", $"--Discord:ApiBaseUrl={discord.BaseUrl}", "--Discord:Mode=Http",
            $"--Discord:PublicKey={bot.Keys.PublicKeyHex}", "--Discord:Http:Port=0",
            $"--Content:Path={RepoPaths.Content}", $"--Storage:Path={bot._db}", .. extraArgs,
        ];
        bot.Run = BotProgram.RunAsync(args, new ConsoleIO(TextReader.Null, TextWriter.Null, Interactive: false), services =>
        {
            services.AddSingleton<TimeProvider>(bot.Time);
            services.AddSingleton(bot._address);
            services.AddSingleton(bot.Gate);
            // Wraps the real handler (the last IInteractionHandler registered wins).
            var real = services.Last(d => d.ServiceType == typeof(IInteractionHandler)).ImplementationType!;
            services.AddScoped(real);
            services.AddScoped<IInteractionHandler>(sp => new GatedHandler((IInteractionHandler)sp.GetRequiredService(real), sp.GetRequiredService<HandlerGate>()));
            configure?.Invoke(services);
        }, bot._stop.Token);
        bot.Url = await bot._address.Bound.WaitAsync(TimeSpan.FromSeconds(20));
        await discord.WaitForRequestAsync(r => r.Route == FakeRoutes.PutGlobalCommands, TimeSpan.FromSeconds(20));
        return bot;
    }

    /// <summary>Signs <paramref name="json"/> at the bot's current time and posts it.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string json, TimeSpan? age = null) =>
        Http.SendAsync(Keys.SignedPost(Url, json, Time.GetUtcNow() - (age ?? TimeSpan.Zero)));

    /// <summary>Posts a signed interaction and returns its callback body (asserting 200 and JSON).</summary>
    public async Task<JsonElement> InteractAsync(string json)
    {
        using var response = await PostSignedAsync(json);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Gate.Open();
        await _stop.CancelAsync();
        await Run.WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(_ => { }, TaskScheduler.Default);
        Http.Dispose();
        Keys.Dispose();
        await Discord.DisposeAsync();
        File.Delete(_db);
    }

    private sealed class GatedHandler(IInteractionHandler inner, HandlerGate gate) : IInteractionHandler
    {
        public void Prepare(Interaction interaction, InteractionResponder responder) => inner.Prepare(interaction, responder);

        public async Task HandleAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken)
        {
            await gate.PassAsync(cancellationToken);
            await inner.HandleAsync(interaction, responder, cancellationToken);
        }
    }
}

/// <summary>Counts handler calls and, while closed, holds them until opened.</summary>
internal sealed class HandlerGate
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _open = NewOpen();
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Completes when a handler call is waiting at the closed gate.</summary>
    public Task Entered => _entered.Task;

    public void Close() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _open.TrySetResult();

    public async Task PassAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _calls);
        var open = _open;
        if (!open.Task.IsCompleted)
            _entered.TrySetResult();
        await open.Task.WaitAsync(ct);
    }

    private static TaskCompletionSource NewOpen()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
