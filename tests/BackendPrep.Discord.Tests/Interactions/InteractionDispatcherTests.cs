using System.Collections.Concurrent;
using BackendPrep.Discord.Interactions;
using BackendPrep.Discord.Models;
using BackendPrep.Discord.Tests.Fixtures;
using BackendPrep.FakeDiscord;

namespace BackendPrep.Discord.Tests.Interactions;

public sealed class InteractionDispatcherTests : FakeDiscordTest
{
    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task Slow_handler_is_deferred_at_the_budget_and_its_answer_edits_the_original()
    {
        using var deferrals = new CounterProbe(Metrics, "discord.interactions.deferrals");
        var started = Signal();
        var release = Signal();
        await using var harness = new DispatcherHarness(CreateClient(), Metrics, async (i, r, ct) =>
        {
            started.SetResult();
            await release.Task;
            await r.RespondAsync(MessagePayload.Text("finally"), ct);
        });

        harness.Deliver(Payloads.SlashCommand(21));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        harness.Time.Advance(TimeSpan.FromMilliseconds(1900));
        Assert.Empty(Server.Requests);
        harness.Time.Advance(TimeSpan.FromMilliseconds(100));
        var defer = await Server.WaitForRequestAsync(r => r.Route == FakeRoutes.Callback);
        release.SetResult();
        var edit = await Server.WaitForRequestAsync(r => r.Route == FakeRoutes.EditOriginal);

        Assert.Equal(5, defer.CallbackType);
        Assert.Equal(64, defer.Json!.Value.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("finally", edit.JsonText, StringComparison.Ordinal);
        await harness.DrainAsync();
        Assert.Single(Server.CallbacksFor(21));
        Assert.Equal(1, deferrals.Where("type", "ApplicationCommand"));
    }

    [Fact]
    public async Task Public_defer_when_the_handler_asks_for_it_and_component_defers_as_update()
    {
        var release = Signal();
        var started = new CountdownEvent(2);
        await using var harness = new DispatcherHarness(CreateClient(), Metrics, async (i, r, ct) =>
        {
            r.DeferEphemeral = false;
            started.Signal();
            await release.Task;
            await r.UpdateMessageAsync(MessagePayload.Text("edited"), ct).ContinueWith(_ => { }, ct);
        });

        harness.Deliver(Payloads.SlashCommand(22));
        harness.Deliver(Payloads.Component(23));
        Assert.True(started.Wait(TimeSpan.FromSeconds(10)));
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        var command = await Server.WaitForRequestAsync(r => r.Route == FakeRoutes.Callback && r.Path.Contains("/22/", StringComparison.Ordinal));
        var component = await Server.WaitForRequestAsync(r => r.Route == FakeRoutes.Callback && r.Path.Contains("/23/", StringComparison.Ordinal));
        release.SetResult();
        await harness.DrainAsync();

        Assert.Equal("""{"type":5}""", command.JsonText);
        Assert.Equal("""{"type":6}""", component.JsonText);
    }

    [Fact]
    public async Task Late_initial_response_counts_as_a_missed_deadline()
    {
        using var missed = new CounterProbe(Metrics, "discord.interactions.missed_deadlines");
        using var deferrals = new CounterProbe(Metrics, "discord.interactions.deferrals");
        using var ack = new CounterProbe(Metrics, "discord.interactions.ack.duration");
        var started = Signal();
        var release = Signal();
        await using var harness = new DispatcherHarness(CreateClient(), Metrics, async (i, r, ct) =>
        {
            r.WillShowModal();
            started.SetResult();
            await release.Task;
            await r.ShowModalAsync(new ModalPayload("m:v1", "Title", [Component.LabelFor("A", Component.TextInput("a", TextInputStyle.Short))]), ct);
        });

        harness.Deliver(Payloads.SlashCommand(36));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        harness.Time.Advance(TimeSpan.FromSeconds(3.5));
        release.SetResult();
        await harness.DrainAsync();

        Assert.Equal(1, missed.Total);
        Assert.Equal(0, deferrals.Total);
        // Receipt to the modal's callback, on the test's clock: the 3.5 s the handler held it.
        Assert.InRange(Assert.Single(ack.Values), 3500, 3600);
        Assert.Equal(ack.Total, ack.Where("type", "ApplicationCommand"));
    }

    [Fact]
    public async Task A_modal_still_opens_after_the_interaction_waited_in_the_queue_past_the_defer_budget()
    {
        using var deferrals = new CounterProbe(Metrics, "discord.interactions.deferrals");
        await using var harness = new DispatcherHarness(CreateClient(), Metrics,
            (i, r, ct) => r.ShowModalAsync(new ModalPayload("m:v1", "Title", [Component.LabelFor("A", Component.TextInput("a", TextInputStyle.Short))]), ct),
            prepare: (i, r) => r.WillShowModal());
        var readAt = harness.Time.GetTimestamp();
        harness.Time.Advance(TimeSpan.FromSeconds(2.5)); // a backlog: the worker picks it up 2.5 s after the gateway read it

        harness.Deliver(Payloads.SlashCommand(38), receivedAt: readAt);
        await harness.DrainAsync();

        Assert.Equal(9, Assert.Single(Server.CallbacksFor(38)).CallbackType);
        Assert.Equal(0, deferrals.Total);
    }

    [Fact]
    public async Task A_queued_interaction_is_deferred_at_the_budget_while_every_worker_is_busy()
    {
        using var deferrals = new CounterProbe(Metrics, "discord.interactions.deferrals");
        var started = Signal();
        var release = Signal();
        await using var harness = new DispatcherHarness(CreateClient(), Metrics, async (i, r, ct) =>
        {
            if (i.Id == 39)
            {
                started.SetResult();
                await release.Task;
            }
            await r.RespondAsync(MessagePayload.Text($"answer {i.Id}"), ct);
        }, o => (o.Workers, o.QueueBound) = (1, 1));

        harness.Deliver(Payloads.SlashCommand(39));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        harness.Deliver(Payloads.SlashCommand(40)); // waits: the only worker is stuck on 39
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        var queuedDefer = await Server.WaitForRequestAsync(r => r.Route == FakeRoutes.Callback && r.Path.Contains("/40/", StringComparison.Ordinal));
        release.SetResult();
        await harness.DrainAsync();

        Assert.Equal(5, queuedDefer.CallbackType);
        Assert.Equal(5, Assert.Single(Server.CallbacksFor(39)).CallbackType);
        Assert.Equal(2, deferrals.Total);
        Assert.Contains(Server.Requests, r => r.Route == FakeRoutes.EditOriginal && r.JsonText!.Contains("answer 40", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fast_handler_is_never_deferred()
    {
        await using var harness = new DispatcherHarness(CreateClient(), Metrics, (i, r, ct) => r.RespondAsync(MessagePayload.Text("quick"), ct));

        harness.Deliver(Payloads.SlashCommand(24));
        await Server.WaitForRequestAsync(r => r.Route == FakeRoutes.Callback);
        await harness.DrainAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(5));

        var callback = Assert.Single(Server.Requests);
        Assert.Equal(4, callback.CallbackType);
    }

    [Fact]
    public async Task No_auto_defer_when_a_modal_is_coming_or_for_autocomplete()
    {
        var release = Signal();
        var started = new CountdownEvent(2);
        await using var harness = new DispatcherHarness(CreateClient(), Metrics, async (i, r, ct) =>
        {
            if (i.Type == InteractionType.ApplicationCommand)
                r.WillShowModal();
            started.Signal();
            await release.Task;
            if (i.Type == InteractionType.ApplicationCommand)
                await r.ShowModalAsync(new ModalPayload("m:v1", "Title", [Component.LabelFor("A", Component.TextInput("a", TextInputStyle.Short))]), ct);
            else
                await r.AutocompleteAsync([new CommandChoice("x", "x")], ct);
        });

        harness.Deliver(Payloads.SlashCommand(25));
        harness.Deliver(Payloads.Autocomplete(26));
        Assert.True(started.Wait(TimeSpan.FromSeconds(10)));
        harness.Time.Advance(TimeSpan.FromSeconds(2.5));
        release.SetResult();
        await harness.DrainAsync();

        Assert.Equal(9, Assert.Single(Server.CallbacksFor(25)).CallbackType);
        Assert.Equal(8, Assert.Single(Server.CallbacksFor(26)).CallbackType);
    }

    [Fact]
    public async Task Handler_exception_becomes_an_ephemeral_reply_or_an_edit_after_defer()
    {
        await using var harness = new DispatcherHarness(CreateClient(), Metrics, async (i, r, ct) =>
        {
            if (i.Id == 28)
                await r.DeferAsync(ephemeral: true, ct);
            throw new InvalidOperationException("boom");
        });

        harness.Deliver(Payloads.SlashCommand(27));
        harness.Deliver(Payloads.SlashCommand(28));
        await harness.DrainAsync();

        var reply = Assert.Single(Server.CallbacksFor(27));
        Assert.Equal(4, reply.CallbackType);
        Assert.Equal(64, reply.Json!.Value.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("(ref 27)", reply.JsonText, StringComparison.Ordinal);
        Assert.Equal(5, Assert.Single(Server.CallbacksFor(28)).CallbackType);
        Assert.Contains("(ref 28)", Assert.Single(Server.RequestsTo(FakeRoutes.EditOriginal)).JsonText, StringComparison.Ordinal);
        Assert.DoesNotContain("boom", string.Concat(Server.Requests.Select(r => r.JsonText)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redelivered_interaction_is_handled_once()
    {
        var calls = new ConcurrentDictionary<ulong, int>();
        using var duplicates = new CounterProbe(Metrics, "discord.interactions.duplicates");
        await using var harness = new DispatcherHarness(CreateClient(), Metrics, (i, r, ct) =>
        {
            calls.AddOrUpdate(i.Id, 1, (_, n) => n + 1);
            return r.RespondAsync(MessagePayload.Text("hi"), ct);
        });

        harness.Deliver(Payloads.SlashCommand(29));
        harness.Deliver(Payloads.SlashCommand(29));
        harness.Deliver(Payloads.SlashCommand(30));
        harness.Deliver(Payloads.SlashCommand(29));
        await harness.DrainAsync();

        Assert.Equal(1, calls[29]);
        Assert.Equal(1, calls[30]);
        Assert.Single(Server.CallbacksFor(29));
        Assert.Equal(2, duplicates.Total);
    }

    [Fact]
    public async Task Malformed_payloads_and_other_events_are_skipped_without_stopping()
    {
        using var malformed = new CounterProbe(Metrics, "discord.interactions.malformed");
        await using var harness = new DispatcherHarness(CreateClient(), Metrics, (i, r, ct) => r.RespondAsync(MessagePayload.Text("ok"), ct));

        harness.Deliver("{not json");
        harness.Deliver("""{"id":"1","type":2}""");
        harness.Deliver("""{"id":"30","type":2,"token":"TOKEN"}""".Replace("TOKEN", new string('t', 200_000), StringComparison.Ordinal));
        harness.Deliver(Payloads.SlashCommand(31), eventName: "MESSAGE_CREATE");
        harness.Deliver(Payloads.SlashCommand(32));
        await harness.DrainAsync();

        Assert.Empty(Server.CallbacksFor(30));
        Assert.Empty(Server.CallbacksFor(31));
        Assert.Single(Server.CallbacksFor(32));
        Assert.Equal(3, malformed.Total);
    }

    [Fact]
    public async Task Overflow_is_answered_busy_immediately()
    {
        var started = Signal();
        var release = Signal();
        using var sheds = new CounterProbe(Metrics, "discord.interactions.shed");
        await using var harness = new DispatcherHarness(CreateClient(), Metrics, async (i, r, ct) =>
        {
            if (i.Id == 33)
            {
                started.SetResult();
                await release.Task;
            }
            await r.RespondAsync(MessagePayload.Text("handled"), ct);
        }, o => (o.Workers, o.QueueBound) = (1, 1));

        harness.Deliver(Payloads.SlashCommand(33));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        harness.Deliver(Payloads.SlashCommand(34)); // waits in the queue
        harness.Deliver(Payloads.SlashCommand(35)); // queue full
        var busy = await Server.WaitForRequestAsync(r => r.Route == FakeRoutes.Callback);
        release.SetResult();
        await harness.DrainAsync();

        Assert.Contains("/35/", busy.Path, StringComparison.Ordinal);
        Assert.Contains("busy", busy.JsonText, StringComparison.Ordinal);
        Assert.Equal(64, busy.Json!.Value.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("handled", Assert.Single(Server.CallbacksFor(34)).JsonText, StringComparison.Ordinal);
        Assert.Contains("handled", Assert.Single(Server.CallbacksFor(33)).JsonText, StringComparison.Ordinal);
        Assert.Single(Server.CallbacksFor(35));
        Assert.Equal(1, sheds.Total);
    }
}
