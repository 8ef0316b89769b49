using System.Threading.Channels;
using BackendPrep.Discord.Gateway;
using BackendPrep.Discord.Hosting;
using BackendPrep.Discord.Interactions;
using BackendPrep.Discord.Models;
using BackendPrep.Discord.Rest;
using BackendPrep.Discord.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Discord.Tests.Interactions;

/// <summary>An <see cref="InteractionDispatcher"/> on a FakeTimeProvider with a handler supplied by the test.</summary>
internal sealed class DispatcherHarness : IAsyncDisposable
{
    private readonly System.Threading.Channels.Channel<GatewayDispatch> _channel = System.Threading.Channels.Channel.CreateUnbounded<GatewayDispatch>();
    private readonly CancellationTokenSource _stop = new();
    private readonly ServiceProvider _services;
    private readonly Task _run;
    private long _sequence;

    public DispatcherHarness(DiscordRestClient rest, DiscordMetrics metrics, Func<Interaction, InteractionResponder, CancellationToken, Task> handle, Action<DiscordOptions>? configure = null,
        Action<Interaction, InteractionResponder>? prepare = null, FakeTimeProvider? time = null)
    {
        Time = time ?? new FakeTimeProvider();
        var options = new DiscordOptions { Token = "unused", Workers = 2, QueueBound = 8 };
        configure?.Invoke(options);
        var services = new ServiceCollection();
        services.AddScoped<IInteractionHandler>(_ => new DelegateHandler(handle, prepare));
        _services = services.BuildServiceProvider();
        var dispatcher = new InteractionDispatcher(rest, _services.GetRequiredService<IServiceScopeFactory>(), Microsoft.Extensions.Options.Options.Create(options), Time, metrics);
        _run = dispatcher.RunAsync(_channel.Reader, _stop.Token);
    }

    public FakeTimeProvider Time { get; }

    /// <param name="receivedAt">When the gateway read it (a <see cref="Time"/> timestamp); now by default.</param>
    public void Deliver(string json, string eventName = InteractionDispatcher.EventName, long? receivedAt = null) =>
        Assert.True(_channel.Writer.TryWrite(new GatewayDispatch(eventName, Interlocked.Increment(ref _sequence), Payloads.Utf8(json), receivedAt ?? Time.GetTimestamp(), 0)));

    /// <summary>Completes the input and waits for every queued interaction to finish.</summary>
    public async Task DrainAsync()
    {
        _channel.Writer.TryComplete();
        await _run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }
        await _services.DisposeAsync();
        _stop.Dispose();
    }

    private sealed class DelegateHandler(Func<Interaction, InteractionResponder, CancellationToken, Task> handle, Action<Interaction, InteractionResponder>? prepare) : IInteractionHandler
    {
        public void Prepare(Interaction interaction, InteractionResponder responder) => prepare?.Invoke(interaction, responder);

        public Task HandleAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken) =>
            handle(interaction, responder, cancellationToken);
    }
}
