using BackendPrep.Bot.Features.Reminders;
using BackendPrep.Bot.Interactions;
using BackendPrep.Bot.Transports;
using BackendPrep.Core.Drills;
using BackendPrep.Core.Reminders;
using BackendPrep.Core.Replies;

namespace BackendPrep.Bot.Tests.Reminders;

public sealed class ReminderServiceTests
{
    private static readonly Member Admin = new("9", "admin", Member.ManageGuild);

    internal static Invocation Command(string command, params (string Name, string Value)[] options) => new()
    {
        Kind = InvocationKind.Command,
        Id = "1",
        User = Admin,
        GuildId = "berlin",
        Command = command,
        Options = options.ToDictionary(o => o.Name, o => o.Value),
    };

    [Fact]
    public async Task Four_weeks_across_both_spring_DST_changes_post_once_per_local_day_in_each_zone()
    {
        using var h = new ReminderHarness(new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimeSpan.Zero));
        await h.SetAsync("berlin", "09:00", "Europe/Berlin");
        await h.SetAsync("newyork", "09:00", "America/New_York");

        // Step the clock like the loop's wake-ups would, and restart once a week for good measure.
        var end = new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.Zero);
        for (var step = 0; h.Time.GetUtcNow() < end; step++)
        {
            await h.Service.RunDueAsync(default);
            h.Time.Advance(TimeSpan.FromMinutes(15));
            if (step % (96 * 7) == 0)
            {
                h.Restart();
            }
        }

        foreach (var guild in new[] { "berlin", "newyork" })
        {
            var posts = h.Messenger.Posts.Where(p => p.To.ChannelId == $"chan-{guild}").Select(p => p.Reply.Cards[0].Title).ToList();
            Assert.Equal(posts.Distinct().Count(), posts.Count);
            // 5 March to 1 April inclusive: 28 local days, one post each.
            Assert.Equal(28, posts.Count);
        }

        Assert.Contains(h.Messenger.Posts, p => p.Reply.Cards[0].Title == "Daily drill · 2026-03-29" && p.To.ChannelId == "chan-berlin");
        Assert.Contains(h.Messenger.Posts, p => p.Reply.Cards[0].Title == "Daily drill · 2026-03-08" && p.To.ChannelId == "chan-newyork");
    }

    [Fact]
    public async Task A_crash_between_claim_and_confirm_does_not_post_again_after_restart()
    {
        var nine = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
        using var h = new ReminderHarness(nine.AddMinutes(1));
        await h.SetAsync("berlin", "09:00", "Europe/Berlin");
        h.Messenger.Crash = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => h.Service.RunDueAsync(default));
        h.Restart();
        h.Messenger.Crash = false;
        await h.Service.RunDueAsync(default);

        Assert.Empty(h.Messenger.Posts);
        Assert.Equal(1, h.Messenger.Attempts);
        var config = await h.Reminders.GetAsync(ReminderConfig.GroupId("berlin"), default);
        Assert.Equal(new DateOnly(2026, 11, 2), config!.ClaimedDate);
        Assert.Null(config.ConfirmedDate);

        h.Time.Advance(TimeSpan.FromDays(1));
        await h.Service.RunDueAsync(default);
        Assert.Single(h.Messenger.Posts);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(7, false)]
    public async Task A_post_missed_while_down_is_caught_up_only_inside_the_grace_window(int hoursLate, bool posted)
    {
        var nine = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
        using var h = new ReminderHarness(nine.AddHours(-1));
        await h.SetAsync("berlin", "09:00", "Europe/Berlin");

        h.Time.Advance(TimeSpan.FromHours(1 + hoursLate));
        await h.Service.RunDueAsync(default);
        await h.Service.RunDueAsync(default);

        Assert.Equal(posted ? 1 : 0, h.Messenger.Posts.Count);
        h.Time.SetUtcNow(nine.AddDays(1).AddMinutes(1));
        await h.Service.RunDueAsync(default);
        Assert.Equal(posted ? 2 : 1, h.Messenger.Posts.Count);
    }

    [Theory]
    [InlineData(DeliveryFailure.MissingPermissions, "lack permission")]
    [InlineData(DeliveryFailure.UnknownChannel, "no longer exists")]
    public async Task A_delivery_failure_marks_the_reminder_unhealthy_keeps_it_and_does_not_retry(DeliveryFailure failure, string problem)
    {
        using var h = new ReminderHarness(new DateTimeOffset(2026, 11, 2, 7, 58, 0, TimeSpan.Zero));
        await h.Commands().SetAsync(Command("reminders set", ("channel", "<#study>"), ("time", "09:00"), ("timezone", "Europe/Berlin")), default);
        h.Messenger.Fail = failure;

        for (var i = 0; i < 10; i++)
        {
            await h.Service.RunDueAsync(default);
            h.Time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(1, h.Messenger.Attempts);
        var shown = Assert.IsType<MessageResponse>(await h.Commands().ShowAsync(Command("reminders show"), default)).Reply.Text;
        Assert.Contains("Unhealthy", shown, StringComparison.Ordinal);
        Assert.Contains(problem, shown, StringComparison.Ordinal);
        Assert.Contains("<#study>", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_group_post_has_the_cue_of_the_day_due_members_group_streak_and_an_anyone_button()
    {
        var nine = new DateTimeOffset(2026, 11, 3, 8, 0, 0, TimeSpan.Zero);
        using var h = new ReminderHarness(nine.AddMinutes(1));
        await h.SetAsync("berlin", "09:00", "Europe/Berlin");
        var scheduler = new FsrsScheduler();
        foreach (var user in new[] { "u1", "u2" })
        {
            await h.Settings.SaveAsync(new DrillSettings(user) { LastGuildId = "berlin" }, default);
        }

        // u1 did five reviews yesterday (one of them now due again); u2 has nothing due.
        var yesterday = nine.AddDays(-1);
        for (var i = 1; i <= 5; i++)
        {
            var (next, log) = scheduler.Review(ReviewCard.New($"cue.cue-{i}", yesterday), i == 1 ? Rating.Again : Rating.Good, yesterday);
            Assert.True(await h.Reviews.TryRecordAsync("u1", next, 0, log, default));
        }

        await h.Service.RunDueAsync(default);

        var post = Assert.Single(h.Messenger.Posts).Reply;
        Assert.Equal(Visibility.Public, post.Visibility);
        Assert.StartsWith("**Cue of the day:** Question number", post.Cards[0].Body, StringComparison.Ordinal);
        Assert.Contains("1 member has cards due", post.Cards[0].Footer, StringComparison.Ordinal);
        Assert.Contains("yesterday's group streak: 1 day", post.Cards[0].Footer, StringComparison.Ordinal);
        var start = post.Rows[0].Controls.OfType<Button>().Single();
        Assert.True(CustomId.TryParse(start.Action, out var id, out _));
        Assert.True(id.IsOwnedBy("anyone-at-all"));
    }

    [Fact]
    public async Task A_nudge_to_closed_DMs_is_switched_off_with_a_note_for_the_next_drill()
    {
        var eight = new DateTimeOffset(2026, 11, 2, 19, 0, 0, TimeSpan.Zero);
        using var h = new ReminderHarness(eight.AddMinutes(-1));
        var nudge = await h.Commands().NudgeAsync(Command("nudge", ("time", "20:00"), ("timezone", "Europe/Berlin")) with { User = new Member("u1", "u1") }, default);
        Assert.Contains("I'll DM you at 20:00 Europe/Berlin", Assert.IsType<MessageResponse>(nudge).Reply.Text, StringComparison.Ordinal);
        var earlier = eight.AddDays(-3);
        var (next, log) = new FsrsScheduler().Review(ReviewCard.New("cue.cue-1", earlier), Rating.Good, earlier);
        await h.Reviews.TryRecordAsync("u1", next, 0, log, default);
        h.Messenger.Fail = DeliveryFailure.CannotMessageUser;
        h.Time.Advance(TimeSpan.FromMinutes(2));

        await h.Service.RunDueAsync(default);
        await h.Service.RunDueAsync(default);

        Assert.Equal(1, h.Messenger.Attempts);
        Assert.Null(await h.Reminders.GetAsync(ReminderConfig.NudgeId("u1"), default));
        Assert.Contains("DMs are closed", (await h.Settings.GetAsync("u1", default)).Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_set_after_todays_time_starts_the_next_day_instead_of_catching_up()
    {
        var nine = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
        using var h = new ReminderHarness(nine.AddMinutes(30));

        var set = await h.Commands().SetAsync(Command("reminders set", ("channel", "<#study>"), ("time", "09:00"), ("timezone", "Europe/Berlin"), ("days", "mon-fri")), default);
        await h.Service.RunDueAsync(default);

        Assert.Contains("first one goes out at the next scheduled day", Assert.IsType<MessageResponse>(set).Reply.Text, StringComparison.Ordinal);
        Assert.Empty(h.Messenger.Posts);
        h.Time.Advance(TimeSpan.FromDays(1));
        await h.Service.RunDueAsync(default);
        Assert.Equal("Daily drill · 2026-11-03", Assert.Single(h.Messenger.Posts).Reply.Cards[0].Title);
    }

    [Fact]
    public async Task Invalid_time_zones_are_rejected_with_suggestions()
    {
        using var h = new ReminderHarness(DateTimeOffset.UnixEpoch);

        var ex = await Assert.ThrowsAsync<UserFacingException>(async () =>
            await h.Commands().SetAsync(Command("reminders set", ("channel", "c"), ("time", "09:00"), ("timezone", "America/New_Yrok")), default));

        Assert.Contains("`America/New_York`", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", (await Features.Drills.DrillsFeature.ZoneChoices(Command("x") with { FocusedValue = "berl" })).Select(c => c.Value));
    }

    [Fact]
    public void A_grace_window_longer_than_twelve_hours_fails_validation()
    {
        var validation = new RemindersOptionsValidation();
        Assert.True(validation.Validate(null, new RemindersOptions { GraceWindow = TimeSpan.FromHours(13) }).Failed);
        Assert.True(validation.Validate(null, new RemindersOptions()).Succeeded);
    }
}
