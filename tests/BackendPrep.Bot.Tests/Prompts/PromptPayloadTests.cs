using BackendPrep.Bot.Transports.Discord;
using BackendPrep.Discord.Models;
using static BackendPrep.Bot.Tests.Prompts.PromptHarness;

namespace BackendPrep.Bot.Tests.Prompts;

/// <summary>What the prompt flow sends must be a payload Discord accepts, even with a long prompt id and a hostile answer.</summary>
public sealed class PromptPayloadTests
{
    private static readonly string LongId = string.Join('-', Enumerable.Repeat("webhook", 8)); // 63 characters

    private static TempContent LongIdContent() => TempContent.Minimal().WithPrompt(
        LongId,
        "A prompt with a very long title that goes on well past what a modal title may hold",
        "staff",
        "Design it.",
        [("alpha-item-with-a-long-id", "alpha", new string('Q', 150) + "?"), ("b", "beta", null), ("c", "gamma", null), ("d", "delta", null)]);

    [Fact]
    public async Task Cards_forms_results_and_round_messages_are_valid_discord_payloads_with_a_64_character_prompt_id()
    {
        using var content = LongIdContent();
        using var harness = new PromptHarness(content.Root);

        var card = await harness.CommandAsync(Alice, "prompt", ("level", "staff"));
        Assert.Contains("very long title", Text(card), StringComparison.Ordinal);
        PayloadValidator.Validate(DiscordReplies.ToPayload(ReplyOf(card)));

        var form = FormOf(await harness.PressAsync(Alice, Action(card, "Answer")));
        PayloadValidator.Validate(DiscordReplies.ToModal(form));

        var result = await harness.SubmitAsync(Alice, form.Action, "@everyone " + new string('x', 3990));
        PayloadValidator.Validate(DiscordReplies.ToPayload(ReplyOf(result)));

        var followUp = FormOf(await harness.PressAsync(Alice, Action(result, "Answer follow-ups")));
        PayloadValidator.Validate(DiscordReplies.ToModal(followUp));
        Assert.True(followUp.Fields[0].Placeholder!.Length <= 100);

        var started = await harness.CommandAsync(Bob, "prompt", ("level", "staff"), ("public", "true"));
        PayloadValidator.Validate(DiscordReplies.ToPayload(ReplyOf(started)));
        PayloadValidator.Validate(DiscordReplies.ToPayload(harness.Messenger.Log.Single().Reply));

        Assert.All(new[] { ReplyOf(card), ReplyOf(result), ReplyOf(started) }.SelectMany(r => r.Rows).SelectMany(r => r.Controls),
            c => Assert.InRange(c.Action.Length, 1, 100));
    }

    [Fact]
    public void The_prompt_command_definition_is_valid()
    {
        using var content = TempContent.Minimal();
        using var harness = new PromptHarness(content.Root);

        var definitions = CommandDefinitions.From(harness.Router.Routes);

        PayloadValidator.Validate(definitions);
        var prompt = Assert.Single(definitions, d => d.Name == "prompt");
        Assert.Equal(["topic", "level", "random", "public"], prompt.Options!.Select(o => o.Name));
    }

    [Fact]
    public async Task Topic_autocomplete_lists_topics_with_prompts_and_bad_options_are_explained()
    {
        using var content = TempContent.Minimal();
        using var harness = new PromptHarness(content.Root);

        var choices = await harness.RunAsync(harness.New(Interactions.InvocationKind.Autocomplete, Alice) with
        {
            Command = "prompt",
            FocusedOption = "topic",
            FocusedValue = "top",
        });
        var level = await harness.CommandAsync(Alice, "prompt", ("level", "principal"));
        var topic = await harness.CommandAsync(Alice, "prompt", ("topic", "zzzz"));
        var none = await harness.CommandAsync(Alice, "prompt", ("level", "mid"));

        Assert.Equal(new Core.Replies.Choice("Topic T (1 prompt)", "t"), Assert.Single(Assert.IsType<Core.Replies.ChoicesResponse>(choices).Choices));
        Assert.Contains("Level must be mid, senior or staff", Text(level), StringComparison.Ordinal);
        Assert.Contains("Topics with prompts: `t`", Text(topic), StringComparison.Ordinal);
        Assert.Contains("I have no prompts at mid level yet", Text(none), StringComparison.Ordinal);
    }
}
