using BackendPrep.Bot.Interactions;
using BackendPrep.Bot.Transports.Discord;
using BackendPrep.Core.Replies;
using BackendPrep.Discord.Models;
using BackendPrep.FakeDiscord;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackendPrep.Benchmarks;

/// <summary>
/// The router's own cost: lookup, checks, metrics and the handler call, with a handler that does nothing, so what is
/// measured is the path every interaction pays before a feature does real work.
/// </summary>
[MemoryDiagnoser]
public class RouterBenchmarks
{
    private const string UserId = "300000000000000042";

    private InteractionRouter _router = null!;
    private ServiceProvider _services = null!;
    private Invocation _command = null!;
    private Invocation _button = null!;
    private Interaction _interaction = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddSingleton<NoopHandler>().BuildServiceProvider();
        var routes = new RouteRegistration(table => table
            .Command<NoopHandler>(new CommandSpec("ping", "Answers pong"), (h, _, _) => h.Answer())
            .Component<NoopHandler>("ping.again", (h, _, _, _) => h.Answer()));
        _router = new InteractionRouter([routes], NullLogger<InteractionRouter>.Instance, new RouterMetrics(), TimeProvider.System);
        var member = new Member(UserId, "load");
        _command = new Invocation { Kind = InvocationKind.Command, Id = "1", User = member, Command = "ping", ChannelId = "5" };
        _button = new Invocation { Kind = InvocationKind.Component, Id = "2", User = member, Action = CustomId.For("ping.again", UserId, "a", "b"), ChannelId = "5" };
        var user = FakeUser.Member(300_000_000_000_000_042, "load");
        _interaction = DiscordJson.ParseInteraction(System.Text.Encoding.UTF8.GetBytes(FakeInteractions.SlashCommand(user, "ping")));
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public ValueTask<Response> DispatchCommand() => _router.DispatchAsync(_command, _services, CancellationToken.None);

    /// <summary>A button press: parses and checks the owner of its custom id before the lookup.</summary>
    [Benchmark]
    public ValueTask<Response> DispatchButton() => _router.DispatchAsync(_button, _services, CancellationToken.None);

    /// <summary>What the Discord transport adds around dispatch: invocation from the interaction, the defer plan, the payload.</summary>
    [Benchmark]
    public async Task<MessagePayload> InteractionToPayload()
    {
        var invocation = DiscordInvocations.From(_interaction)!;
        _ = _router.Plan(invocation);
        var response = (MessageResponse)await _router.DispatchAsync(invocation, _services, CancellationToken.None);
        return DiscordReplies.ToPayload(response.Reply);
    }

    private sealed class NoopHandler
    {
        private static readonly Response Pong = Reply.Say("pong");

        public ValueTask<Response> Answer() => ValueTask.FromResult(Pong);
    }
}
