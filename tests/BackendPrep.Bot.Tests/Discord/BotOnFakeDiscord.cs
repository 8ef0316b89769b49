using System.Globalization;
using System.Text.Json;
using BackendPrep.Bot.Cli;
using BackendPrep.Bot.Transports.Console;
using BackendPrep.FakeDiscord;
using BackendPrep.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BackendPrep.Bot.Tests.Discord;

/// <summary>The whole bot, connected with nothing but a token to the fake Discord on 127.0.0.1.</summary>
internal sealed class BotOnFakeDiscord : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"bp-discord-{Guid.NewGuid():N}.db");

    private BotOnFakeDiscord(FakeDiscordServer discord) => Discord = discord;

    public FakeDiscordServer Discord { get; }
    public Task<int> Run { get; private set; } = Task.FromResult(0);

    public string DatabasePath => _db;

    /// <summary>Stops the bot as SIGTERM would (the host's stopping path) and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await Run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public static async Task<BotOnFakeDiscord> StartAsync(params string[] extraArgs)
    {
        var discord = new FakeDiscordServer();
        await discord.StartAsync();
        return await StartOnAsync(discord, null, extraArgs);
    }

    public static Task<BotOnFakeDiscord> StartOnAsync(FakeDiscordServer discord, params string[] extraArgs) => StartOnAsync(discord, null, extraArgs);

    public static async Task<BotOnFakeDiscord> StartOnAsync(FakeDiscordServer discord, Action<IServiceCollection>? configure, params string[] extraArgs)
    {
        var bot = new BotOnFakeDiscord(discord);
        string[] args =
        [
            $"--Discord:Token={discord.Token}", $"--Discord:ApiBaseUrl={discord.BaseUrl}",
            $"--Content:Path={RepoPaths.Content}", $"--Storage:Path={bot._db}", .. extraArgs,
        ];
        bot.Run = BotProgram.RunAsync(args, new ConsoleIO(TextReader.Null, TextWriter.Null, Interactive: false), configure, bot._stop.Token);
        await discord.Gateway.WaitForOpAsync(2);
        return bot;
    }

    /// <summary>Sends an INTERACTION_CREATE and waits for its first callback.</summary>
    public async Task<RecordedRequest> InteractAsync(string interactionJson)
    {
        var id = Id(interactionJson);
        await Discord.Gateway.DispatchAsync("INTERACTION_CREATE", interactionJson);
        return await Discord.WaitForRequestAsync(r => r.Route == FakeRoutes.Callback && r.Path.StartsWith($"/interactions/{id}/", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
    }

    public static ulong Id(string interactionJson) =>
        ulong.Parse(JsonDocument.Parse(interactionJson).RootElement.GetProperty("id").GetString()!, CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Run.WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(_ => { }, TaskScheduler.Default);
        await Discord.DisposeAsync();
        File.Delete(_db);
    }
}
