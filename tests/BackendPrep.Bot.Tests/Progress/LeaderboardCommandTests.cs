using static BackendPrep.Bot.Tests.Progress.ProgressHarness;

namespace BackendPrep.Bot.Tests.Progress;

public sealed class LeaderboardCommandTests
{
    [Fact]
    public async Task Only_members_of_this_guild_who_opted_in_are_ranked()
    {
        using var content = TempContent.Minimal();
        using var h = new ProgressHarness(content.Root);
        var now = h.Time.GetUtcNow();
        h.Drills.AddDaily(Alice.Id, now, days: 2, perDay: 10);
        h.Drills.AddDaily(Bob.Id, now, days: 7, perDay: 40);
        h.Drills.AddDaily(Carol.Id, now, days: 5, perDay: 10);
        await h.CommandAsync(Alice, "privacy", ("leaderboard", "on"));
        await h.CommandAsync(Bob, "privacy");
        await h.RunAsync(h.New(Interactions.InvocationKind.Command, Carol, guild: "guild-2") with { Command = "privacy", Options = new Dictionary<string, string> { ["leaderboard"] = "on" } });

        var text = Text(await h.CommandAsync(Alice, "leaderboard"));
        var bobsView = Text(await h.CommandAsync(Bob, "leaderboard", ("by", "streak"), ("period", "all")));

        Assert.Contains("1. **alice** — 20 reviews", text, StringComparison.Ordinal);
        Assert.DoesNotContain("bob", text, StringComparison.Ordinal);
        Assert.DoesNotContain("carol", text, StringComparison.Ordinal);
        Assert.Contains("1. **alice** — 2 days", bobsView, StringComparison.Ordinal);
        Assert.Contains("You are not on it", bobsView, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_options_and_direct_messages_are_refused()
    {
        using var content = TempContent.Minimal();
        using var h = new ProgressHarness(content.Root);

        var period = Text(await h.CommandAsync(Alice, "leaderboard", ("period", "year")));
        var dm = Text(await h.RunAsync(h.New(Interactions.InvocationKind.Command, Alice) with { Command = "leaderboard", GuildId = null }));

        Assert.Contains("`period` must be week, month or all", period, StringComparison.Ordinal);
        Assert.Contains("only works in a server", dm, StringComparison.Ordinal);
    }
}
