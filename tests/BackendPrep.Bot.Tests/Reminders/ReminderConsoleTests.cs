using BackendPrep.Bot.Tests.Drills;
using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Bot.Tests.Reminders;

public sealed class ReminderConsoleTests
{
    [Fact]
    public async Task The_hosted_reminder_service_posts_at_local_time_once_and_start_my_drills_opens_a_drill()
    {
        using var content = DrillContent.WithCues();
        // A Tuesday: on Mondays the weekly digest posts at the same time and would replace the buttons being pressed.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 3, 7, 50, 0, TimeSpan.Zero));
        await using var console = new LiveConsole(content.Root, time);

        console.Type("/reminders set channel:#study time:09:00 timezone:europe/berlin days:mon-fri");
        await console.WaitForAsync("Daily reminder set");

        // Two steps: whichever point of its loop the service was at, one of them fires its timer after 09:00 Berlin.
        time.Advance(TimeSpan.FromMinutes(10));
        time.Advance(TimeSpan.FromMinutes(10));
        var posted = await console.WaitForAsync("Daily drill time!");
        await console.WaitForAsync("[1] Start my drills", posted);
        console.Type("1");
        await console.WaitForAsync("== Drill · cues ==", posted);
        time.Advance(TimeSpan.FromMinutes(10));

        console.Type("/reminders show");
        await console.WaitForAsync("✅ Healthy.", posted);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(console.Output, "Daily drill time!"));
        Assert.Contains("Cue of the day:** Question number", console.Output, StringComparison.Ordinal);
    }
}
