using System.Text;
using System.Threading.Channels;
using BackendPrep.Discord.Gateway;
using BackendPrep.Discord.Hosting;
using BackendPrep.Discord.Interactions;
using BackendPrep.Discord.Models;
using BackendPrep.Discord.Tests.Fixtures;
using BackendPrep.FakeDiscord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackendPrep.Discord.Tests.Hosting;

/// <summary>AddDiscordClient as the bot uses it: configuration in, a handler answering through the fake.</summary>
public sealed class EndToEndWiringTests : FakeDiscordTest
{
    private sealed class EchoHandler : IInteractionHandler
    {
        public Task HandleAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken) =>
            responder.RespondAsync(MessagePayload.Text($"hello {interaction.InvokingUser?.DisplayName}", ephemeral: true), cancellationToken);
    }

    private sealed class FailingHandler : IInteractionHandler
    {
        public async Task HandleAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken)
        {
            await responder.DeferAsync(ephemeral: true, cancellationToken);
            throw new InvalidOperationException("handler bug");
        }
    }

    private sealed class CapturingLogs : ILoggerProvider
    {
        public List<string> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.Lines)
                    owner.Lines.Add($"{category}: {formatter(state, exception)} {exception}");
            }
        }
    }

    [Fact]
    public async Task Logs_name_the_interaction_but_never_contain_its_token()
    {
        var logs = new CapturingLogs();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = Server.Token,
            ["Discord:ApiBaseUrl"] = Server.BaseUrl,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddDiscordClient(config.GetSection("Discord"));
        services.AddScoped<IInteractionHandler, FailingHandler>();
        await using var provider = services.BuildServiceProvider();
        var channel = provider.GetRequiredService<Channel<GatewayDispatch>>();
        var run = provider.GetRequiredService<InteractionDispatcher>().RunAsync(channel.Reader, CancellationToken.None);

        await channel.Writer.WriteAsync(new GatewayDispatch("INTERACTION_CREATE", 1, Encoding.UTF8.GetBytes(Payloads.SlashCommand(42)), TimeProvider.System.GetTimestamp(), 0));
        channel.Writer.Complete();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Single(Server.RequestsTo(FakeRoutes.EditOriginal)); // the error went into the deferred original
        string all;
        lock (logs.Lines)
            all = string.Join('\n', logs.Lines);
        Assert.Contains("42", all, StringComparison.Ordinal);
        Assert.Contains("handler bug", all, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-42", all, StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Token, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_from_the_channel_reaches_the_handler_and_discord()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = Server.Token,
            ["Discord:ApiBaseUrl"] = Server.BaseUrl,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDiscordClient(config.GetSection("Discord"));
        services.AddScoped<IInteractionHandler, EchoHandler>();
        await using var provider = services.BuildServiceProvider();
        var channel = provider.GetRequiredService<Channel<GatewayDispatch>>();
        using var stop = new CancellationTokenSource();
        var run = provider.GetRequiredService<InteractionDispatcher>().RunAsync(channel.Reader, stop.Token);

        var gateway = await provider.GetRequiredService<IGatewayUrlSource>().GetGatewayBotAsync(CancellationToken.None);
        await channel.Writer.WriteAsync(new GatewayDispatch("INTERACTION_CREATE", 1, Encoding.UTF8.GetBytes(Payloads.SlashCommand(41)), TimeProvider.System.GetTimestamp(), 0));
        var callback = await Server.WaitForRequestAsync(r => r.Route == FakeRoutes.Callback);
        channel.Writer.Complete();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Server.GatewayUrl, gateway.Url);
        Assert.Contains("hello Mason", callback.JsonText, StringComparison.Ordinal);
        Assert.Equal("Bot " + Server.Token, Server.RequestsTo(FakeRoutes.GatewayBot)[0].Header("Authorization"));
    }
}
