using BackendPrep.Bot.Features.Progress;
using BackendPrep.Core.Reminders;
using BackendPrep.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static BackendPrep.Bot.Tests.Progress.ProgressHarness;

namespace BackendPrep.Bot.Tests.Progress;

public sealed class WeeklyDigestPosterTests
{
    [Fact]
    public async Task The_digest_posts_once_on_monday_at_the_reminder_time_and_names_only_opted_in_members()
    {
        using var content = TempContent.Minimal();
        using var h = new ProgressHarness(content.Root);
        await h.Get<IReminderStore>().SaveAsync(new ReminderConfig(ReminderConfig.GroupId("guild-1"), ReminderKind.Group,
            new ReminderSchedule(new TimeOnly(9, 0), "UTC", ReminderSchedule.EveryDay))
        { GuildId = "guild-1", ChannelId = "chan-9" }, default);
        await h.CommandAsync(Alice, "privacy", ("leaderboard", "on"));
        await h.CommandAsync(Bob, "privacy");
        await ProgressCommandTests.AnswerAsync(h, Alice, "a1", "a", "b");
        await ProgressCommandTests.AnswerAsync(h, Bob, "b1", "a", "b", "c", "d");
        h.Drills.AddDaily(Alice.Id, h.Time.GetUtcNow(), days: 2, perDay: 6);
        var poster = h.Services.GetServices<IHostedService>().OfType<WeeklyDigestPoster>().Single();

        h.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 8, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await poster.PostDueAsync(default));
        h.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await poster.PostDueAsync(default));
        h.Time.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await poster.PostDueAsync(default));

        var (to, reply) = Assert.Single(h.Posts.Log);
        Assert.Equal("chan-9", to.ChannelId);
        var text = Text(reply);
        Assert.Contains("== Weekly digest ==", text, StringComparison.Ordinal);
        Assert.Contains("1 active member · 12 reviews · 1 prompt answers · average coverage 50%", text, StringComparison.Ordinal);
        Assert.Contains("most-missed point: **Item C**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("bob", text, StringComparison.OrdinalIgnoreCase);
    }
}
