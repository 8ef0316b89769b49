namespace BackendPrep.Bot.Tests.Drills;

public sealed class DrillConsoleTests
{
    [Fact]
    public async Task Console_runs_a_full_drill_session_reveal_type_rate_until_done()
    {
        using var content = DrillContent.WithCues();

        var (exit, output) = await ConsoleSession.RunAsync(content.Root, """
            /drill next
            1
            3
            2
            I would put an idempotency key on each request and dedupe
            4
            1
            1
            /drill next
            """);

        Assert.Equal(0, exit);
        Assert.Contains("Question number 1?", output, StringComparison.Ordinal);
        Assert.Contains("Recorded Good — back in 2 days.", output, StringComparison.Ordinal);
        Assert.Contains("✅ Put an idempotency key on every request number 2", output, StringComparison.Ordinal);
        Assert.Contains("Recorded Easy — back in 8 days.", output, StringComparison.Ordinal);
        Assert.Contains("Recorded Again — back tomorrow.", output, StringComparison.Ordinal);
        Assert.Contains("Streak: 0 days; 2 more reviews today to keep it.", output, StringComparison.Ordinal);
        Assert.EndsWith("you're done for today. 🎉 Streak: 0 days; 2 more reviews today to keep it.", output.TrimEnd(), StringComparison.Ordinal);
    }
}
