using BackendPrep.Discord.Interactions;
using BackendPrep.Discord.Models;
using BackendPrep.Discord.Tests.Fixtures;
using BackendPrep.FakeDiscord;
using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Discord.Tests.Interactions;

/// <summary>Shedding under a burst: one busy callback per interaction, sent by a bounded set of senders.</summary>
public sealed class BusyReplyTests : FakeDiscordTest
{
    private readonly FakeTimeProvider _time = new();

    // The fake's scripted delays run on the dispatcher's clock, so held callbacks stay held until the test moves it.
    protected override FakeDiscordServer CreateServer() => new() { Clock = _time };

    [Fact]
    public async Task Busy_callbacks_in_flight_never_exceed_the_senders_and_each_shed_interaction_gets_exactly_one()
    {
        const int Shed = InteractionDispatcher.BusySenders + 9;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = new DispatcherHarness(CreateClient(), Metrics, async (i, r, ct) =>
        {
            if (i.Id == 1)
            {
                started.SetResult();
                await release.Task;
            }
            await r.RespondAsync(MessagePayload.Text("handled"), ct);
        }, o => (o.Workers, o.QueueBound) = (1, 1), time: _time);

        harness.Deliver(Payloads.SlashCommand(1));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        harness.Deliver(Payloads.SlashCommand(2)); // fills the queue
        for (var i = 0; i < Shed; i++)
            Server.Enqueue(FakeRoutes.Callback, FakeResponse.Slow(TimeSpan.FromMilliseconds(100)));
        for (ulong id = 3; id < 3 + Shed; id++)
            harness.Deliver(Payloads.SlashCommand(id));

        // Every sender is now held by the fake's delay; the other nine wait in the backlog, not on the wire.
        await Until(() => Server.PendingScripts(FakeRoutes.Callback) <= Shed - InteractionDispatcher.BusySenders);
        await Until(() =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            return Server.Requests.Count(r => r.Route == FakeRoutes.Callback && BusyId(r) >= 3) == Shed;
        });
        release.SetResult();
        await harness.DrainAsync();

        Assert.Equal(InteractionDispatcher.BusySenders, Server.PeakConcurrentRequests);
        for (ulong id = 3; id < 3 + Shed; id++)
            Assert.Contains("busy", Assert.Single(Server.CallbacksFor(id)).JsonText, StringComparison.Ordinal);
        Assert.Single(Server.CallbacksFor(1)); // an answer, or a deferral if the clock passed 2 s meanwhile
        Assert.Single(Server.CallbacksFor(2));
    }

    private static ulong BusyId(RecordedRequest request) => ulong.Parse(request.Path.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Polls socket progress; the 20 s limit is a failsafe, not a timing assumption.</summary>
    private static async Task Until(Func<bool> done)
    {
        var failsafe = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < failsafe, "condition not reached");
            await Task.Delay(2);
        }
    }
}
