using System.Collections.Concurrent;
using System.Text.Json;
using BackendPrep.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackendPrep.Bot.Tests.Discord;

public sealed class LogRedactionTests
{
    [Fact]
    public async Task Neither_the_bot_token_nor_interaction_tokens_reach_any_log_line()
    {
        var logs = new CapturingLogs();
        var discord = new FakeDiscordServer();
        await discord.StartAsync();
        await using var bot = await BotOnFakeDiscord.StartOnAsync(discord, services => services.AddSingleton<ILoggerProvider>(logs));
        var user = FakeUser.Member(200000000000000009, "carol");
        string[] interactions =
        [
            FakeInteractions.SlashCommand(user, "topic", """[{"type":3,"name":"name","value":"caching"}]"""),
            FakeInteractions.SlashCommand(user, "nope"),
            FakeInteractions.Component(user, "garbage:v1:x"),
        ];

        foreach (var interaction in interactions)
        {
            await bot.InteractAsync(interaction);
        }

        discord.Gateway.Drop();
        var last = FakeInteractions.SlashCommand(user, "plan");
        await bot.InteractAsync(last);
        var tokens = interactions.Append(last).Select(i => JsonDocument.Parse(i).RootElement.GetProperty("token").GetString()!).Append(discord.Token).ToList();

        Assert.Contains(logs.Lines, l => l.Contains("InteractionId=", StringComparison.Ordinal) && l.Contains("UserHash=", StringComparison.Ordinal));
        foreach (var line in logs.Lines)
        {
            foreach (var token in tokens)
            {
                Assert.DoesNotContain(token, line, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Json_logs_of_a_full_session_carry_interaction_scopes_and_never_a_token()
    {
        JsonLogCapture? logs = null;
        var discord = new FakeDiscordServer();
        await discord.StartAsync();
        await using var bot = await BotOnFakeDiscord.StartOnAsync(discord, services => JsonLogCapture.Register(services, c => logs = c),
            "--Logging:Format=json", "--Logging:LogLevel:Default=Trace");
        var user = FakeUser.Member(200000000000000011, "frank");
        List<string> interactions = [];
        async Task<RecordedRequest> Send(string interaction)
        {
            interactions.Add(interaction);
            return await bot.InteractAsync(interaction);
        }

        // A session that touches every path that handles a token: commands, a button, autocomplete, a modal answer,
        // an unknown command, a failed callback, a dropped gateway and a resume.
        var topic = await Send(FakeInteractions.SlashCommand(user, "topic", """[{"type":3,"name":"name","value":"caching"}]"""));
        var button = topic.Json!.Value.GetProperty("data").GetProperty("components")[0].GetProperty("components")[1].GetProperty("custom_id").GetString()!;
        await Send(FakeInteractions.Component(user, button));
        await Send(FakeInteractions.Autocomplete(user, "topic", "name", "cach"));
        await Send(FakeInteractions.SlashCommand(user, "nope"));
        discord.Enqueue(FakeRoutes.Callback, FakeResponse.ServerError());
        await Send(FakeInteractions.SlashCommand(user, "help"));
        discord.Gateway.Drop();
        await Send(FakeInteractions.SlashCommand(user, "plan"));
        await bot.StopAsync();

        var tokens = interactions.Select(i => JsonDocument.Parse(i).RootElement.GetProperty("token").GetString()!).Append(discord.Token).ToList();
        var lines = logs!.Lines.ToList();
        Assert.NotEmpty(discord.Gateway.ReceivedOp(6));
        Assert.Contains(lines, l => l.Contains("handled in", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            var entry = JsonDocument.Parse(line).RootElement;
            Assert.True(entry.TryGetProperty("Category", out _), line);
            foreach (var token in tokens)
            {
                Assert.DoesNotContain(token, line, StringComparison.Ordinal);
            }
        }

        var scoped = lines.Select(l => JsonDocument.Parse(l).RootElement)
            .SelectMany(e => e.TryGetProperty("Scopes", out var scopes) ? scopes.EnumerateArray().ToList() : [])
            .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("InteractionId", out _))
            .ToList();
        Assert.NotEmpty(scoped);
        var hash = scoped[0].GetProperty("UserHash").GetString()!;
        Assert.Matches("^[0-9a-f]{12}$", hash);
        Assert.All(scoped, s => Assert.True(s.TryGetProperty("GuildId", out _) && s.TryGetProperty("Command", out _)));
        // Not even inside a custom id: the scope names a component by its leading route only.
        Assert.DoesNotContain(lines, l => l.Contains("200000000000000011", StringComparison.Ordinal));
    }

    private sealed class CapturingLogs : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                owner.Lines.Enqueue($"scope {category}: {Describe(state)}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {Describe(state)} {exception}");

            private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : state?.ToString() ?? "";
        }
    }
}
