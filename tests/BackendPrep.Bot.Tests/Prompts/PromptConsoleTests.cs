namespace BackendPrep.Bot.Tests.Prompts;

public sealed class PromptConsoleTests
{
    [Fact]
    public async Task Answer_in_the_form_get_graded_then_answer_the_follow_ups_in_console_mode()
    {
        using var content = TempContent.Minimal();

        var (exit, output) = await ConsoleSession.RunAsync(content.Root, $"""
            /prompt topic:t
            2
            1
            {PromptContent.HalfAnswer}
            1
            {PromptContent.FollowUpAnswer}
            """);

        Assert.Equal(0, exit);
        Assert.Contains("== A prompt ==", output, StringComparison.Ordinal);
        Assert.Contains("[1] Answer   [2] Hint   [3] Another", output, StringComparison.Ordinal);
        Assert.Contains("Your answer:", output, StringComparison.Ordinal);

        var first = output[output.IndexOf("== Coverage 2/4 (50%) — A prompt ==", StringComparison.Ordinal)..];
        Assert.Contains("✓ **Item A** — “We handle alpha carefully because every request depends on it.”", first, StringComparison.Ordinal);
        Assert.Contains("✓ **Item B** — “We also check beta on the request path before writing anything.”", first, StringComparison.Ordinal);
        Assert.Contains("✗ **Item C**", first, StringComparison.Ordinal);
        Assert.Contains("1. What about C?\n2. What about D?", first.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("-- Structure — 1/1 template steps", first, StringComparison.Ordinal);
        Assert.Contains("Shown: Invariant.", first, StringComparison.Ordinal);
        Assert.Contains("[1] Answer follow-ups   [2] Another", first, StringComparison.Ordinal);

        var second = output[output.IndexOf("Your follow-up covered 2 more points.", StringComparison.Ordinal)..];
        Assert.Contains("== Coverage 4/4 (100%) — A prompt ==", second, StringComparison.Ordinal);
        Assert.Contains("✓ **Item C** — “We store gamma durably so that nothing is lost on a restart.”", second, StringComparison.Ordinal);
        Assert.Contains("✓ **Item A** — “We handle alpha", second, StringComparison.Ordinal);
        Assert.Contains("-- Everything covered — a staff-level follow-up\nAnd at scale?", second.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("Answer follow-ups", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_typed_into_an_open_form_closes_it_unsent_while_an_answer_starting_with_a_path_is_graded()
    {
        using var content = TempContent.Minimal();

        var (exit, output) = await ConsoleSession.RunAsync(content.Root, $"""
            /prompt topic:t
            1
            /help
            /prompt topic:t
            1
            /api/orders: {PromptContent.HalfAnswer}
            """);

        Assert.Equal(0, exit);
        var closed = output.IndexOf("(Form closed without sending; nothing was saved.)", StringComparison.Ordinal);
        Assert.True(closed > 0, output);
        Assert.Contains("== BackendPrep commands ==", output[closed..], StringComparison.Ordinal);
        Assert.Equal(1, output.Split("== Coverage ").Length - 1);
        Assert.Contains("== Coverage 2/4 (50%) — A prompt ==", output[closed..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Level_filters_hint_shows_the_answer_template_and_another_replaces_the_card_with_a_different_prompt()
    {
        using var content = PromptContent.WithSecondPrompt();

        var (_, output) = await ConsoleSession.RunAsync(content.Root, """
            /prompt topic:t level:senior
            2
            /prompt topic:t level:staff
            /prompt topic:t
            3
            """);

        var senior = output.IndexOf("== A prompt ==", StringComparison.Ordinal);
        var hint = output.IndexOf("== Hint — Answer template ==", StringComparison.Ordinal);
        var staff = output.IndexOf("== Q prompt ==", hint, StringComparison.Ordinal);
        Assert.True(senior >= 0 && hint > senior && staff > hint, output);
        Assert.Contains("(Topic T · staff · graded on 4 points)", output, StringComparison.Ordinal);
        Assert.Contains("1. **Invariant** — Say what must never happen.", output, StringComparison.Ordinal);

        var updated = output.LastIndexOf("(message updated)", StringComparison.Ordinal);
        var before = output[staff..updated];
        var shownBefore = before.LastIndexOf("== A prompt ==", StringComparison.Ordinal) > before.LastIndexOf("== Q prompt ==", StringComparison.Ordinal) ? "A prompt" : "Q prompt";
        var shownAfter = output[updated..].Contains("== A prompt ==", StringComparison.Ordinal) ? "A prompt" : "Q prompt";
        Assert.NotEqual(shownBefore, shownAfter);
    }

    [Fact]
    public async Task A_group_round_in_console_posts_publicly_and_updates_the_tally_after_an_answer()
    {
        using var content = TempContent.Minimal();

        var (_, output) = await ConsoleSession.RunAsync(content.Root, $"""
            /prompt topic:t public:true
            1
            {PromptContent.HalfAnswer}
            """);

        Assert.Contains("(posted in #local-channel)", output, StringComparison.Ordinal);
        Assert.Contains("== Group round — A prompt ==", output, StringComparison.Ordinal);
        Assert.Contains("Group round started with **A prompt**", output, StringComparison.Ordinal);
        Assert.Contains("updated)", output, StringComparison.Ordinal);
        Assert.Contains("**1** member answered · average coverage **50%** · most missed: **Item C** (1/1)", output, StringComparison.Ordinal);
        Assert.Contains("== Coverage 2/4 (50%) — A prompt ==", output, StringComparison.Ordinal);
    }
}
