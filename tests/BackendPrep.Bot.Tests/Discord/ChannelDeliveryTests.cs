using BackendPrep.Bot.Transports;
using BackendPrep.Core.Replies;
using BackendPrep.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackendPrep.Bot.Tests.Discord;

/// <summary>
/// Scheduled posts (reminders, digests) only handle <see cref="DeliveryException"/>; every way Discord can fail a
/// channel post must arrive as one, or the loop logs an error and skips its other guilds for that pass.
/// </summary>
public sealed class ChannelDeliveryTests
{
    [Fact]
    public async Task A_post_that_outlives_the_request_deadline_is_a_transient_delivery_failure()
    {
        var discord = new FakeDiscordServer();
        await discord.StartAsync();
        var services = new TaskCompletionSource<IServiceProvider>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await BotOnFakeDiscord.StartOnAsync(discord,
            s => s.AddSingleton<IHostedService>(sp => new ProviderCapture(sp, services)),
            "--Discord:RequestDeadline=00:00:03"); // short, but roomy for start-up calls on a busy CI machine
        var messenger = (await services.Task.WaitAsync(TimeSpan.FromSeconds(20))).GetRequiredService<IChannelMessenger>();
        discord.Enqueue(FakeRoutes.CreateMessage, FakeResponse.Slow(TimeSpan.FromMinutes(5)));

        var failure = await Assert.ThrowsAsync<DeliveryException>(() =>
            messenger.PostAsync(Destination.Channel("123456789012345678"), Reply.Say("daily cue"), CancellationToken.None));

        Assert.Equal(DeliveryFailure.Transient, failure.Failure);
        Assert.IsType<TimeoutException>(failure.InnerException);
    }

    private sealed class ProviderCapture(IServiceProvider provider, TaskCompletionSource<IServiceProvider> captured) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            captured.TrySetResult(provider);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
