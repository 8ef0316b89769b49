using BackendPrep.Content;
using BackendPrep.Core.Study;
using BackendPrep.Testing;

namespace BackendPrep.Bot.Tests;

/// <summary>The newcomer's path through the real corpus, in the console, as the README promises.</summary>
public sealed class RealContentTests
{
    [Fact]
    public async Task Newcomer_goes_plan_topic_all_four_sections_mark_learned_and_plan_shows_the_tick()
    {
        var (exit, output) = await ConsoleSession.RunAsync(RepoPaths.Content, """
            /plan
            /topic name:request
            2
            3
            4
            5
            /plan
            """);

        Assert.Equal(0, exit);
        Assert.Contains("⬜ **1. Request lifecycle", output, StringComparison.Ordinal);
        foreach (var section in new[] { "Core details", "Understanding", "Senior understanding", "Diagram" })
        {
            Assert.Contains($"— {section} ==", output, StringComparison.Ordinal);
        }

        Assert.Contains("Marked learned. Next in the plan: **Concurrency", output, StringComparison.Ordinal);
        Assert.Contains("✅ **1. Request lifecycle", output, StringComparison.Ordinal);
        Assert.Contains("Study plan — 1/8 learned", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_section_of_every_topic_can_be_shown_in_the_console()
    {
        var content = ContentLoader.LoadOrThrow(RepoPaths.Content);
        var script = string.Join('\n', content.Topics.Select(t => $"/topic name:{t.Id}\n2\n3\n4"));

        var (_, output) = await ConsoleSession.RunAsync(RepoPaths.Content, script);

        foreach (var topic in content.Topics)
        {
            foreach (var kind in Topic.StudySections)
            {
                var section = topic.Section(kind)!;
                Assert.Contains($"== {topic.Title} — {section.Title} ==", output, StringComparison.Ordinal);
                Assert.Contains(section.Markdown.Split('\n')[0].Trim(), output, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("/basics", "Core basics")]
    [InlineData("/basics section:caching", "Caching")]
    [InlineData("/pitfalls", "(Page 1 of")]
    [InlineData("/hooks", "Memory hooks")]
    [InlineData("/scripts", "Interview scripts")]
    [InlineData("/template", "**1. State the product path")]
    [InlineData("/vocab term:outbox", "== Transactional outbox")]
    [InlineData("/topic name:jwt", "AuthN/Z")]
    [InlineData("/topic name:idem", "Idempotency")]
    [InlineData("/topic name:cachng", "Caching")]
    public async Task Reference_commands_serve_the_real_corpus(string command, string expected)
    {
        var (_, output) = await ConsoleSession.RunAsync(RepoPaths.Content, command);

        Assert.Contains(expected, output, StringComparison.Ordinal);
    }
}
