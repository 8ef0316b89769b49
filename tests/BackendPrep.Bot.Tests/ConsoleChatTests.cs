namespace BackendPrep.Bot.Tests;

public sealed class ConsoleChatTests
{
    [Fact]
    public async Task Scripted_session_reads_a_topic_presses_buttons_and_exits_zero_at_end_of_input()
    {
        using var content = TempContent.Minimal();

        var (exit, output) = await ConsoleSession.RunAsync(content.Root, """
            /help
            /topic name:tee
            2
            5
            /plan
            """);

        Assert.Equal(0, exit);
        Assert.StartsWith("BackendPrep local console", output, StringComparison.Ordinal);
        Assert.Contains("`/topic name: [public:]` — Read a study topic", output, StringComparison.Ordinal);
        Assert.Contains("== Topic T — Core details ==", output, StringComparison.Ordinal);
        Assert.Contains("== Topic T — Understanding ==", output, StringComparison.Ordinal);
        Assert.Contains("Marked learned. That completes the study plan!", output, StringComparison.Ordinal);
        Assert.Contains("✅ **1. Topic T** (`t`)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_topic_gets_the_closest_matches_and_unknown_command_points_to_help()
    {
        using var content = TempContent.Minimal();

        var (_, output) = await ConsoleSession.RunAsync(content.Root, """
            /topic name:tea
            /nope
            """);

        Assert.Contains("I have no topic called \"tea\". Closest: `t` (Topic T).", output, StringComparison.Ordinal);
        Assert.Contains("I don't know `/nope`. Try `/help`", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_without_its_subcommand_a_near_miss_and_a_missing_required_option_each_say_what_was_meant()
    {
        using var content = TempContent.Minimal();

        var (_, output) = await ConsoleSession.RunAsync(content.Root, """
            /drill
            /topics
            /progres
            /topic
            """);

        Assert.Contains("`/drill` needs a subcommand: `/drill cram`, `/drill next`, `/drill settings`.", output, StringComparison.Ordinal);
        Assert.Contains("I don't know `/topics`. Did you mean `/topic`?", output, StringComparison.Ordinal);
        Assert.Contains("I don't know `/progres`. Did you mean `/progress`?", output, StringComparison.Ordinal);
        Assert.Contains("`/topic` needs `name:` — ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autocomplete_is_asked_with_a_trailing_question_mark()
    {
        using var content = TempContent.Minimal();

        var (_, output) = await ConsoleSession.RunAsync(content.Root, "/topic name:te?");

        Assert.Contains("  Topic T  (t)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_content_fails_the_start_with_file_and_line()
    {
        using var content = TempContent.Minimal().With("prompts/bad.md", "---\nid: bad\ntopic: t\nlevel: senior\n---\n\n# Bad\n\nText.\n");

        var (exit, _) = await ConsoleSession.RunAsync(content.Root, "/help");

        Assert.Equal(3, exit);
    }

    [Fact]
    public async Task Invalid_configuration_stops_with_the_key_name()
    {
        using var content = TempContent.Minimal();
        var (exit, _) = await ConsoleSession.RunAsync(content.Root, "/help", "--Bot:ShutdownBudget=00:30:00");

        Assert.Equal(2, exit);
    }
}
