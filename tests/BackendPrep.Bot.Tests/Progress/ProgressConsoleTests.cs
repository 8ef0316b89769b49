namespace BackendPrep.Bot.Tests.Progress;

public sealed class ProgressConsoleTests
{
    [Fact]
    public async Task Progress_privacy_leaderboard_export_and_delete_work_in_console_mode()
    {
        using var content = TempContent.Minimal();

        var (exit, output) = await ConsoleSession.RunAsync(content.Root, """
            /progress
            /privacy leaderboard:on
            /leaderboard by:reviews
            /privacy export
            /privacy delete
            1
            /privacy
            """);

        Assert.Equal(0, exit);
        Assert.Contains("== Your progress ==", output, StringComparison.Ordinal);
        Assert.Contains("-- Topics learned — 0/1", output, StringComparison.Ordinal);
        Assert.Contains("Next: **Topic T**", output, StringComparison.Ordinal);
        Assert.Contains("[attachment: progress.png,", output, StringComparison.Ordinal);
        Assert.Contains("You are on the leaderboard.", output, StringComparison.Ordinal);
        Assert.Contains("== Leaderboard — reviews, last 7 days ==", output, StringComparison.Ordinal);
        Assert.Contains("[attachment: backendprep-local-user.json,", output, StringComparison.Ordinal);
        Assert.Contains("== Delete all your data? ==", output, StringComparison.Ordinal);
        var deleted = output.IndexOf("== Your data is deleted ==", StringComparison.Ordinal);
        Assert.True(deleted > 0, output);
        Assert.Contains("× these privacy settings (`privacy`)", output[deleted..], StringComparison.Ordinal);
    }
}
