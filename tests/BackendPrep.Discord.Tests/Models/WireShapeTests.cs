using System.Text.Json;
using BackendPrep.Discord.Models;
using BackendPrep.Discord.Rest;
using BackendPrep.FakeDiscord;

namespace BackendPrep.Discord.Tests.Models;

/// <summary>Outgoing bodies checked directly against openapi.json (the fake does the same for every request).</summary>
public sealed class WireShapeTests
{
    private static readonly OpenApiBodyValidator Spec = OpenApiBodyValidator.Shared;

    private static JsonElement Parse(byte[] json) => JsonDocument.Parse(json).RootElement.Clone();

    private static MessagePayload RichMessage() => new()
    {
        Content = "Hello",
        Embeds =
        [
            new Embed
            {
                Title = "Title",
                Description = "Body",
                Url = "https://example.com/x",
                Color = 0x5865F2,
                Timestamp = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
                Footer = new EmbedFooter("footer"),
                Fields = [new EmbedField("a", "b", Inline: true)],
                Image = new EmbedMedia("attachment://chart.png"),
            },
        ],
        Components =
        [
            Component.ActionRow(Component.Button("go:v1:1", "Go", ButtonStyle.Primary), Component.LinkButton("https://example.com", "Docs")),
            Component.ActionRow(Component.StringSelect("pick:v1", [new SelectOption("One", "1", "first"), new SelectOption("Two", "2")], "Pick")),
        ],
        Flags = MessageFlags.Ephemeral,
    };

    [Fact]
    public void Default_allowed_mentions_parse_nothing()
    {
        var json = DiscordJson.Serialize(MessagePayload.Text("@everyone hi"));

        Assert.Equal("""{"content":"@everyone hi","allowed_mentions":{"parse":[]}}""", json);
    }

    [Theory]
    [InlineData(4, "CreateMessageInteractionCallbackRequest")]
    [InlineData(7, "UpdateMessageInteractionCallbackRequest")]
    public void Message_callbacks_match_the_spec(int type, string schema)
    {
        var callback = new InteractionCallback { Type = (InteractionCallbackType)type, Message = RichMessage() };

        Assert.Empty(Spec.Validate(schema, Parse(RequestBodies.Callback(callback))));
    }

    [Fact]
    public void Defer_callbacks_match_the_spec()
    {
        var ephemeral = Parse(RequestBodies.Callback(InteractionCallback.Defer(ephemeral: true)));
        Assert.Empty(Spec.Validate("CreateMessageInteractionCallbackRequest", ephemeral));
        Assert.Equal(64, ephemeral.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.False(ephemeral.GetProperty("data").TryGetProperty("allowed_mentions", out _));

        Assert.Equal("""{"type":5}""", System.Text.Encoding.UTF8.GetString(RequestBodies.Callback(InteractionCallback.Defer(ephemeral: false))));
        Assert.Equal("""{"type":6}""", System.Text.Encoding.UTF8.GetString(RequestBodies.Callback(InteractionCallback.DeferUpdate())));
    }

    [Fact]
    public void Callback_bodies_written_one_after_another_on_a_thread_stay_independent()
    {
        // The writer reuses a per-thread buffer: a large body followed by a small one must not bleed into it.
        var large = InteractionCallback.Reply(new MessagePayload { Content = new string('a', 1900), Embeds = [new Embed { Description = new string('b', 4000) }] });
        var first = RequestBodies.Callback(large);
        var small = RequestBodies.Callback(InteractionCallback.DeferUpdate());
        var again = RequestBodies.Callback(large);

        Assert.Equal("""{"type":6}""", System.Text.Encoding.UTF8.GetString(small));
        Assert.Equal(first, again);
        Assert.Equal(4000, Parse(first).GetProperty("data").GetProperty("embeds")[0].GetProperty("description").GetString()!.Length);
    }

    [Fact]
    public void Modal_with_labels_matches_the_spec()
    {
        var modal = new ModalPayload("answer:v1:7", "Your answer",
        [
            Component.LabelFor("Answer", Component.TextInput("answer", TextInputStyle.Paragraph, maxLength: 2000), "Explain briefly"),
            Component.LabelFor("Confidence", Component.StringSelect("confidence", [new SelectOption("High", "high")])),
        ]);
        var body = Parse(RequestBodies.Callback(InteractionCallback.ShowModal(modal)));

        Assert.Empty(Spec.Validate("ModalInteractionCallbackRequest", body));
        Assert.Equal(18, body.GetProperty("data").GetProperty("components")[0].GetProperty("type").GetInt32());
        Assert.Equal("answer", body.GetProperty("data").GetProperty("components")[0].GetProperty("component").GetProperty("custom_id").GetString());
    }

    [Fact]
    public void Autocomplete_choices_match_the_spec()
    {
        var body = Parse(RequestBodies.Callback(InteractionCallback.Autocomplete([new CommandChoice("Caching", "caching"), new CommandChoice("Queues", "queues")])));

        Assert.Empty(Spec.Validate("ApplicationCommandAutocompleteCallbackRequest", body));
        Assert.Equal("caching", body.GetProperty("data").GetProperty("choices")[0].GetProperty("value").GetString());
    }

    [Fact]
    public void Spec_validation_rejects_an_overlong_embed_title()
    {
        var message = new MessagePayload { Embeds = [new Embed { Title = new string('x', 300) }] };
        var body = Parse(RequestBodies.Callback(InteractionCallback.Reply(message)));

        Assert.NotEmpty(Spec.Validate("CreateMessageInteractionCallbackRequest", body));
    }

    [Fact]
    public void Message_create_and_edit_bodies_match_the_spec()
    {
        var withFile = RichMessage() with { Flags = null, Files = [FileUpload.Png("chart.png", new byte[] { 1, 2, 3 }, "a chart")] };
        var body = Parse(RequestBodies.Message(withFile));

        Assert.Empty(Spec.Validate("MessageCreateRequest", body));
        Assert.Empty(Spec.Validate("IncomingWebhookUpdateRequestPartial", body));
        var attachment = body.GetProperty("attachments")[0];
        Assert.Equal("0", attachment.GetProperty("id").GetString());
        Assert.Equal("chart.png", attachment.GetProperty("filename").GetString());
    }

    [Fact]
    public void Command_definitions_match_the_spec_with_string_permissions()
    {
        var commands = SampleCommands.All;
        var json = DiscordJson.Serialize(commands);
        var body = JsonDocument.Parse(json).RootElement;

        Assert.Empty(Spec.ValidateRequest(FakeRoutes.PutGlobalCommands, body));
        Assert.Equal("32", body[1].GetProperty("default_member_permissions").GetString());
        Assert.False(body[0].GetProperty("dm_permission").GetBoolean());
    }
}

internal static class SampleCommands
{
    public static IReadOnlyList<ApplicationCommandDefinition> All { get; } =
    [
        new ApplicationCommandDefinition
        {
            Name = "game",
            Description = "Play a round",
            Contexts = [InteractionContextType.Guild, InteractionContextType.BotDm],
            IntegrationTypes = [0],
            Options =
            [
                new ApplicationCommandOptionDefinition
                {
                    Type = ApplicationCommandOptionType.SubCommand,
                    Name = "start",
                    Description = "Start a round",
                    Options =
                    [
                        new ApplicationCommandOptionDefinition { Type = ApplicationCommandOptionType.String, Name = "item", Description = "Which item", Required = true, Autocomplete = true },
                        new ApplicationCommandOptionDefinition { Type = ApplicationCommandOptionType.Integer, Name = "count", Description = "How many", MinValue = 1, MaxValue = 20 },
                        new ApplicationCommandOptionDefinition
                        {
                            Type = ApplicationCommandOptionType.String,
                            Name = "level",
                            Description = "Difficulty",
                            Choices = [new CommandChoice("Easy", "easy"), new CommandChoice("Hard", "hard")],
                        },
                    ],
                },
            ],
        },
        new ApplicationCommandDefinition { Name = "reload", Description = "Reload content" }.RequirePermissions(DiscordPermissions.ManageGuild),
        new ApplicationCommandDefinition { Name = "Show profile", Type = ApplicationCommandType.User },
    ];
}
