using System.Net;
using BackendPrep.Discord.Models;
using BackendPrep.Discord.Rest;
using BackendPrep.FakeDiscord;

namespace BackendPrep.Discord.Tests.Rest;

public sealed class RestClientTests : FakeDiscordTest
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    [Fact]
    public async Task Sends_bot_authorization_and_discordbot_user_agent()
    {
        var client = CreateClient();

        var info = await client.GetGatewayBotAsync(CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.Equal("Bot " + Server.Token, request.Header("Authorization"));
        Assert.Matches(@"^DiscordBot \(https://github\.com/backendprep/backendprep, \d+\.\d+\.\d+\)$", request.Header("User-Agent"));
        Assert.Equal(Server.GatewayUrl, info.Url);
        Assert.Equal(1, info.RecommendedShards);
        Assert.Equal(TimeSpan.FromMilliseconds(14400000), info.SessionStartLimit.ResetAfter);
    }

    [Fact]
    public async Task Typed_error_carries_status_code_and_message_but_not_the_token()
    {
        var client = CreateClient();
        Server.Enqueue(FakeRoutes.CreateMessage, FakeResponse.Error(403, 50013, "Missing Permissions"));

        var ex = await Assert.ThrowsAsync<DiscordApiException>(() => client.CreateMessageAsync(42, MessagePayload.Text("hi"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, ex.Status);
        Assert.Equal(DiscordErrorCodes.MissingPermissions, ex.Code);
        Assert.Equal("Missing Permissions", ex.DiscordMessage);
        Assert.Equal("POST /channels/{channel_id}/messages", ex.Route);
        Assert.DoesNotContain(Server.Token, ex.ToString(), StringComparison.Ordinal);
        Assert.Single(Server.Requests); // a 403 is never retried
    }

    [Fact]
    public async Task Unknown_interaction_error_never_shows_the_interaction_token()
    {
        var client = CreateClient();
        Server.Enqueue(FakeRoutes.Callback, FakeResponse.Error(404, 10062, "Unknown interaction"));

        var ex = await Assert.ThrowsAsync<DiscordApiException>(() =>
            client.CreateInteractionResponseAsync(77, "secret-interaction-token", InteractionCallback.Reply(MessagePayload.Text("x")), CancellationToken.None));

        Assert.True(ex.Is(DiscordErrorCodes.UnknownInteraction));
        Assert.Equal(HttpStatusCode.NotFound, ex.Status);
        Assert.DoesNotContain("secret-interaction-token", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_form_body_keeps_the_errors_detail()
    {
        var client = CreateClient();
        Server.Enqueue(FakeRoutes.CreateMessage, FakeResponse.Error(400, 50035, "Invalid Form Body",
            """{"content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 2000 or fewer in length."}]}}"""));

        var ex = await Assert.ThrowsAsync<DiscordApiException>(() => client.CreateMessageAsync(1, MessagePayload.Text("x"), CancellationToken.None));

        Assert.Equal(DiscordErrorCodes.InvalidFormBody, ex.Code);
        Assert.Contains("BASE_TYPE_MAX_LENGTH", ex.ErrorsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_limit_payload_throws_before_sending()
    {
        var client = CreateClient();

        await Assert.ThrowsAsync<DiscordLimitException>(() => client.CreateMessageAsync(1, MessagePayload.Text(new string('x', 2001)), CancellationToken.None));

        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Attachment_goes_as_multipart_with_payload_json_and_files_0()
    {
        var client = CreateClient();
        var message = new MessagePayload
        {
            Content = "chart",
            Embeds = [new Embed { Title = "Progress", Image = new EmbedMedia("attachment://chart.png") }],
            Files = [FileUpload.Png("chart.png", Png)],
        };

        var sent = await client.CreateMessageAsync(123, message, CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.StartsWith("multipart/form-data", request.ContentType, StringComparison.Ordinal);
        var payload = Assert.Single(request.Parts, p => p.Name == "payload_json");
        Assert.StartsWith("application/json", payload.ContentType, StringComparison.Ordinal);
        Assert.Contains("\"attachments\":[{\"id\":\"0\",\"filename\":\"chart.png\"}]", payload.Text, StringComparison.Ordinal);
        var file = Assert.Single(request.Parts, p => p.Name == "files[0]");
        Assert.Equal("chart.png", file.FileName);
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal(Png, file.Content);
        Assert.Equal("chart.png", Assert.Single(sent.Attachments!).Filename);
    }

    [Fact]
    public async Task Interaction_callback_with_file_puts_the_whole_response_in_payload_json()
    {
        var client = CreateClient();
        var reply = new MessagePayload { Content = "here", Files = [FileUpload.Png("c.png", Png)] };

        await client.CreateInteractionResponseAsync(5, "tok", InteractionCallback.Reply(reply), CancellationToken.None);

        var request = Assert.Single(Server.CallbacksFor(5));
        Assert.Equal(4, request.CallbackType);
        Assert.Contains("\"data\":{\"content\":\"here\"", request.JsonText, StringComparison.Ordinal);
        Assert.Equal(Png, Assert.Single(request.Parts, p => p.Name == "files[0]").Content);
    }

    [Fact]
    public async Task Edit_original_with_a_new_file_keeps_listed_attachments_and_uploads_the_new_one()
    {
        var client = CreateClient();
        var edit = new MessagePayload
        {
            Content = "updated",
            Attachments = [new AttachmentReference { Id = 1234567890123456789 }],
            Files = [FileUpload.Png("new.png", Png, "alt text")],
        };

        await client.EditOriginalResponseAsync(Server.ApplicationId, "tok", edit, CancellationToken.None);

        var request = Assert.Single(Server.RequestsTo(FakeRoutes.EditOriginal));
        var attachments = request.Json!.Value.GetProperty("attachments");
        Assert.Equal("1234567890123456789", attachments[0].GetProperty("id").GetString());
        Assert.Equal("0", attachments[1].GetProperty("id").GetString());
        Assert.Equal("alt text", attachments[1].GetProperty("description").GetString());
        Assert.Equal("new.png", Assert.Single(request.Parts, p => p.Name == "files[0]").FileName);
    }

    [Fact]
    public async Task Direct_message_opens_the_channel_then_sends_and_surfaces_50007()
    {
        var client = CreateClient();

        var sent = await client.SendDirectMessageAsync(80351110224678912, MessagePayload.Text("reminder"), CancellationToken.None);
        Server.Enqueue(FakeRoutes.CreateMessage, FakeResponse.Error(403, 50007, "Cannot send messages to this user"));
        var ex = await Assert.ThrowsAsync<DiscordApiException>(() => client.SendDirectMessageAsync(1, MessagePayload.Text("x"), CancellationToken.None));

        Assert.Equal([FakeRoutes.CreateDm, FakeRoutes.CreateMessage, FakeRoutes.CreateDm, FakeRoutes.CreateMessage], Server.Requests.Select(r => r.Route));
        Assert.Equal("reminder", sent.Content);
        Assert.Equal(DiscordErrorCodes.CannotMessageUser, ex.Code);
    }

    [Fact]
    public async Task Other_endpoints_round_trip()
    {
        var client = CreateClient();

        var app = await client.GetCurrentApplicationAsync(CancellationToken.None);
        var dm = await client.CreateDmChannelAsync(80351110224678912, CancellationToken.None);
        var channel = await client.GetChannelAsync(645027906669510667, CancellationToken.None);
        await client.CreateInteractionResponseAsync(9, "tok9", InteractionCallback.Defer(ephemeral: true), CancellationToken.None);
        var edited = await client.EditOriginalResponseAsync(app.Id, "tok9", MessagePayload.Text("done"), CancellationToken.None);
        var original = await client.GetOriginalResponseAsync(app.Id, "tok9", CancellationToken.None);
        var followUp = await client.CreateFollowUpAsync(app.Id, "tok9", MessagePayload.Text("more", ephemeral: true), CancellationToken.None);
        await client.DeleteOriginalResponseAsync(app.Id, "tok9", CancellationToken.None);

        Assert.Equal(Server.ApplicationId, app.Id);
        Assert.Equal(1, dm.Type);
        Assert.Equal(645027906669510667UL, channel.Id);
        Assert.Equal("done", edited.Content);
        Assert.NotEqual(0UL, original.Id);
        Assert.Equal(MessageFlags.Ephemeral, followUp.Flags);
        Assert.Equal("""{"recipient_id":"80351110224678912"}""", Server.RequestsTo(FakeRoutes.CreateDm)[0].JsonText);
        Assert.Equal(
            [FakeRoutes.CurrentApplication, FakeRoutes.CreateDm, FakeRoutes.GetChannel, FakeRoutes.Callback, FakeRoutes.EditOriginal, FakeRoutes.GetOriginal, FakeRoutes.FollowUp, FakeRoutes.DeleteOriginal],
            Server.Requests.Select(r => r.Route));
    }

    [Fact]
    public async Task Bulk_overwrite_and_list_commands()
    {
        var client = CreateClient();

        var global = await client.BulkOverwriteCommandsAsync(Server.ApplicationId, null, Models.SampleCommands.All, CancellationToken.None);
        var guild = await client.BulkOverwriteCommandsAsync(Server.ApplicationId, 55, [Models.SampleCommands.All[1]], CancellationToken.None);
        var listed = await client.GetCommandsAsync(Server.ApplicationId, 55, CancellationToken.None);

        Assert.Equal(["game", "reload", "Show profile"], global.Select(c => c.Name));
        Assert.Equal(DiscordPermissions.ManageGuild, global[1].DefaultMemberPermissions);
        Assert.Equal(55UL, Assert.Single(guild).GuildId);
        Assert.Equal("reload", Assert.Single(listed).Name);
    }
}
