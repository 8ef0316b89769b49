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
