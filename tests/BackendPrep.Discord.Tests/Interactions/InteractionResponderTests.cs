using BackendPrep.Discord.Interactions;
using BackendPrep.Discord.Models;
using BackendPrep.Discord.Tests.Fixtures;
using BackendPrep.FakeDiscord;

namespace BackendPrep.Discord.Tests.Interactions;

public sealed class InteractionResponderTests : FakeDiscordTest
{
    private InteractionResponder Responder(string json) =>
        new(CreateClient(), DiscordJson.ParseInteraction(Payloads.Utf8(json)), TimeProvider.System.GetTimestamp(), TimeProvider.System, Metrics);

    private static readonly ModalPayload Modal = new("answer:v1:1", "Answer", [Component.LabelFor("Answer", Component.TextInput("answer", TextInputStyle.Paragraph))]);

    [Fact]
    public async Task First_respond_is_the_callback_and_the_second_a_follow_up()
    {
        var responder = Responder(Payloads.SlashCommand(1));

        await responder.RespondAsync(MessagePayload.Text("one"));
        await responder.RespondAsync(MessagePayload.Text("two"));

        Assert.Equal(4, Assert.Single(Server.CallbacksFor(1)).CallbackType);
        Assert.Single(Server.RequestsTo(FakeRoutes.FollowUp));
        Assert.Equal(AckState.Responded, responder.State);
    }

    [Fact]
    public async Task Respond_after_defer_edits_the_original()
    {
        var responder = Responder(Payloads.SlashCommand(2));

        Assert.True(await responder.DeferAsync(ephemeral: true));
        Assert.False(await responder.DeferAsync(ephemeral: true));
        await responder.RespondAsync(MessagePayload.Text("done"));

        var callback = Assert.Single(Server.CallbacksFor(2));
        Assert.Equal(5, callback.CallbackType);
        Assert.Equal(64, callback.Json!.Value.GetProperty("data").GetProperty("flags").GetInt32());
        var edit = Assert.Single(Server.RequestsTo(FakeRoutes.EditOriginal));
        Assert.Contains("\"content\":\"done\"", edit.JsonText, StringComparison.Ordinal);
        Assert.Empty(Server.RequestsTo(FakeRoutes.FollowUp));
    }

    [Fact]
    public async Task Error_notice_after_defer_is_an_edit_and_before_ack_an_ephemeral_reply()
    {
        var deferred = Responder(Payloads.SlashCommand(3));
        await deferred.DeferAsync(ephemeral: false);
        await deferred.SendNoticeAsync("failed");
        var fresh = Responder(Payloads.SlashCommand(4));
        await fresh.SendNoticeAsync("failed");

        Assert.Single(Server.CallbacksFor(3));
        Assert.Contains("failed", Assert.Single(Server.RequestsTo(FakeRoutes.EditOriginal)).JsonText, StringComparison.Ordinal);
        var reply = Assert.Single(Server.CallbacksFor(4));
        Assert.Equal(4, reply.CallbackType);
        Assert.Equal(64, reply.Json!.Value.GetProperty("data").GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task Modal_after_acknowledgement_throws_without_sending()
    {
        var responder = Responder(Payloads.SlashCommand(5));
        await responder.DeferAsync(ephemeral: true);

        await Assert.ThrowsAsync<InvalidOperationException>(() => responder.ShowModalAsync(Modal));

        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task Modal_as_initial_response_then_nothing_else_initial()
    {
        var responder = Responder(Payloads.SlashCommand(6));

        await responder.ShowModalAsync(Modal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => responder.ShowModalAsync(Modal));

        Assert.Equal(9, Assert.Single(Server.CallbacksFor(6)).CallbackType);
    }

    [Fact]
    public async Task Modal_cannot_answer_a_modal_submit()
    {
        var responder = Responder(Payloads.LabelModalSubmit);

        await Assert.ThrowsAsync<InvalidOperationException>(() => responder.ShowModalAsync(Modal));

        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Component_update_is_type_7_and_deferred_update_then_edit()
    {
        var direct = Responder(Payloads.Component(7));
        await direct.UpdateMessageAsync(MessagePayload.Text("revealed"));
        var deferred = Responder(Payloads.Component(8));
        await deferred.DeferUpdateAsync();
        await deferred.UpdateMessageAsync(MessagePayload.Text("later"));

        Assert.Equal(7, Assert.Single(Server.CallbacksFor(7)).CallbackType);
        Assert.Equal(6, Assert.Single(Server.CallbacksFor(8)).CallbackType);
        Assert.Contains("later", Assert.Single(Server.RequestsTo(FakeRoutes.EditOriginal)).JsonText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Respond_after_deferred_update_is_a_follow_up_not_an_overwrite()
    {
        var responder = Responder(Payloads.Component(9));
        await responder.DeferUpdateAsync();

        await responder.RespondAsync(MessagePayload.Text("new message", ephemeral: true));

        Assert.Single(Server.RequestsTo(FakeRoutes.FollowUp));
        Assert.Empty(Server.RequestsTo(FakeRoutes.EditOriginal));
    }

    [Fact]
    public async Task Update_message_is_refused_for_commands()
    {
        var responder = Responder(Payloads.SlashCommand(10));

        await Assert.ThrowsAsync<InvalidOperationException>(() => responder.UpdateMessageAsync(MessagePayload.Text("x")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => responder.DeferUpdateAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => responder.FollowUpAsync(MessagePayload.Text("x")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => responder.EditOriginalAsync(MessagePayload.Text("x")));

        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Autocomplete_answers_with_choices_and_refuses_messages()
    {
        var responder = Responder(Payloads.Autocomplete(11));

        await Assert.ThrowsAsync<InvalidOperationException>(() => responder.RespondAsync(MessagePayload.Text("x")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => responder.DeferAsync(true));
        await responder.AutocompleteAsync([new CommandChoice("Caching", "caching")]);

        var callback = Assert.Single(Server.CallbacksFor(11));
        Assert.Equal(8, callback.CallbackType);
        Assert.Equal("Caching", callback.Json!.Value.GetProperty("data").GetProperty("choices")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Concurrent_responses_send_exactly_one_initial_callback()
    {
        var responder = Responder(Payloads.SlashCommand(12));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => responder.RespondAsync(MessagePayload.Text($"r{i}"))));

        Assert.Single(Server.CallbacksFor(12));
        Assert.Equal(7, Server.RequestsTo(FakeRoutes.FollowUp).Count);
        Assert.All(Server.Requests, r => Assert.True(r.ResponseStatus < 400, r.ToString()));
    }
}
