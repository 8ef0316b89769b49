using BackendPrep.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using static BackendPrep.Bot.Tests.Prompts.PromptHarness;

namespace BackendPrep.Bot.Tests.Prompts;

public sealed class GroupRoundTests
{
    private static async Task<(PromptHarness Harness, string AnswerAction, string RevealAction)> StartRoundAsync(TempContent content)
    {
        var harness = new PromptHarness(content.Root);
        var started = await harness.CommandAsync(Alice, "prompt", ("topic", "t"), ("public", "true"));

        Assert.Contains("Group round started", Text(started), StringComparison.Ordinal);
        Assert.Equal(Core.Replies.Visibility.Private, ReplyOf(started).Visibility);
        var (kind, _, posted) = Assert.Single(harness.Messenger.Log);
        Assert.Equal("post", kind);
        Assert.Equal(Core.Replies.Visibility.Public, posted.Visibility);
        Assert.Contains("No answers yet", ConsoleRendererText(posted), StringComparison.Ordinal);
        return (harness, Action(posted, "Answer"), Action(posted, "Reveal rubric"));
    }

    private static string ConsoleRendererText(Core.Replies.Reply reply) => Transports.Console.ConsoleRenderer.Render(reply);

    [Fact]
    public async Task Two_members_answer_privately_and_the_public_tally_counts_each_once()
    {
        using var content = TempContent.Minimal();
        var (harness, answer, _) = await StartRoundAsync(content);
        using var _h = harness;

        Assert.StartsWith("prompt.round.answer:v1:*:", answer, StringComparison.Ordinal);
        var bobForm = FormOf(await harness.PressAsync(Bob, answer));
        var hint = await harness.PressAsync(Carol, Action(harness.Messenger.Log.Single().Reply, "Hint"));
        Assert.Equal(answer, Action(hint, "Answer")); // the hint offers the round's own Answer button
        var carolForm = FormOf(await harness.PressAsync(Carol, answer));
        Assert.Contains($":{Bob.Id}:", bobForm.Action, StringComparison.Ordinal);

        var bobResult = await harness.SubmitAsync(Bob, bobForm.Action, PromptContent.HalfAnswer);
        Assert.Contains("Coverage 2/4 (50%)", Text(bobResult), StringComparison.Ordinal);
        Assert.Equal(Core.Replies.Visibility.Private, ReplyOf(bobResult).Visibility);
        Assert.Contains("**1** member answered · average coverage **50%** · most missed: **Item C** (1/1)", ConsoleRendererText(harness.Messenger.Edits[^1]), StringComparison.Ordinal);

        await harness.SubmitAsync(Carol, carolForm.Action, "We handle alpha carefully because every request depends on it.");
        var tally = ConsoleRendererText(harness.Messenger.Edits[^1]);
        Assert.Contains("**2** members answered · average coverage **38%** · most missed: **Item C** (2/2)", tally, StringComparison.Ordinal);
        Assert.DoesNotContain("We handle alpha", tally, StringComparison.Ordinal); // answers stay private

        // Bob submits again (a retry, or the button pressed twice): his first answer stands and counts once.
        var again = await harness.SubmitAsync(Bob, bobForm.Action, PromptContent.FollowUpAnswer);
        Assert.Contains("already answered", Text(again), StringComparison.Ordinal);
        var rounds = await harness.Services.GetRequiredService<IAttemptStore>().ForUserAsync(Bob.Id, default);
        Assert.Equal(0.5, Assert.Single(rounds).Score);
        Assert.Contains("**2** members answered", ConsoleRendererText(harness.Messenger.Edits[^1]), StringComparison.Ordinal);

        // A follow-up on a round attempt raises the member's coverage and the tally's average.
        await harness.SubmitAsync(Bob, FormOf(await harness.PressAsync(Bob, Action(bobResult, "Answer follow-ups"))).Action, PromptContent.FollowUpAnswer);
        Assert.Contains("**2** members answered · average coverage **63%** · most missed: **Item B** (1/2)", ConsoleRendererText(harness.Messenger.Edits[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_starter_can_reveal_the_rubric_and_the_reveal_closes_the_round()
    {
        using var content = TempContent.Minimal();
        var (harness, answer, reveal) = await StartRoundAsync(content);
        using var _h = harness;
        await harness.SubmitAsync(Bob, FormOf(await harness.PressAsync(Bob, answer)).Action, PromptContent.HalfAnswer);
        var editsBefore = harness.Messenger.Edits.Count;

        var refused = await harness.PressAsync(Bob, reveal);

        Assert.Contains("Only alice, who started this round, can reveal the rubric.", Text(refused), StringComparison.Ordinal);
        Assert.Equal(editsBefore, harness.Messenger.Edits.Count);

        var revealed = await harness.PressAsync(Alice, reveal);
        Assert.Contains("Rubric revealed", Text(revealed), StringComparison.Ordinal);
        var message = harness.Messenger.Edits[^1];
        var text = ConsoleRendererText(message);
        Assert.Contains("-- Rubric", text, StringComparison.Ordinal);
        Assert.Contains("• **Item A** — covered by 1/1", text, StringComparison.Ordinal);
        Assert.Contains("• **Item D** — covered by 0/1", text, StringComparison.Ordinal);
        Assert.Contains("[1] Answer (disabled)", text, StringComparison.Ordinal);

        Assert.Contains("already revealed", Text(await harness.PressAsync(Alice, reveal)), StringComparison.Ordinal);
        Assert.Contains("round is closed", Text(await harness.PressAsync(Carol, answer)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_outside_a_server_gives_a_private_prompt_instead()
    {
        using var content = TempContent.Minimal();
        using var harness = new PromptHarness(content.Root);

        var response = await harness.RunAsync(harness.New(Interactions.InvocationKind.Command, Alice) with
        {
            Command = "prompt",
            GuildId = null,
            Options = new Dictionary<string, string> { ["public"] = "true" },
        });

        Assert.Contains("Group rounds run in a server channel", Text(response), StringComparison.Ordinal);
        Assert.Contains("== A prompt ==", Text(response), StringComparison.Ordinal);
        Assert.Empty(harness.Messenger.Log);
    }
}
