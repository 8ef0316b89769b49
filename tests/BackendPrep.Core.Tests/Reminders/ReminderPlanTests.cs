using BackendPrep.Core.Reminders;

namespace BackendPrep.Core.Tests.Reminders;

public sealed class ReminderPlanTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromHours(6);

    private static ReminderSchedule At(string time, string zone, string? days = null) =>
        new(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), zone, ReminderSchedule.ParseDays(days)!);

    /// <summary>Runs the decision every ten minutes like the loop would, claiming what it says to post.</summary>
    private static List<(DateOnly Date, DateTimeOffset At)> Simulate(ReminderSchedule schedule, DateTimeOffset from, DateTimeOffset to)
    {
        var posts = new List<(DateOnly, DateTimeOffset)>();
        DateOnly? claimed = null;
        for (var now = from; now <= to; now = now.AddMinutes(10))
        {
            if (ReminderPlan.Decide(schedule, claimed, now, Grace).PostFor is { } date)
            {
                posts.Add((date, now));
                claimed = date;
            }
        }

        return posts;
    }

    [Theory]
    [InlineData("09:00", "Europe/Berlin", "2026-03-25", "2026-04-01")]
    [InlineData("09:00", "America/New_York", "2026-03-04", "2026-03-11")]
    [InlineData("02:30", "Europe/Berlin", "2026-03-25", "2026-04-01")]
    [InlineData("02:30", "Europe/Berlin", "2026-10-21", "2026-10-28")]
    [InlineData("01:30", "America/New_York", "2026-10-28", "2026-11-04")]
    public void A_week_across_a_DST_change_posts_exactly_once_per_local_day(string time, string zone, string fromDate, string toDate)
    {
        var schedule = At(time, zone);
        var from = DateTimeOffset.Parse(fromDate + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse(toDate + "T23:50:00Z", System.Globalization.CultureInfo.InvariantCulture);

        var posts = Simulate(schedule, from, to);

        var dates = posts.Select(p => p.Date).ToList();
        Assert.Equal(dates.Distinct().Count(), dates.Count);
        Assert.True(dates.Count >= 7, $"only {dates.Count} posts");
        foreach (var (date, at) in posts)
        {
            // Each post happens within one loop step after the occurrence, which is on that local date.
            var occurrence = schedule.Occurrence(date);
            Assert.InRange(at - occurrence, TimeSpan.Zero, TimeSpan.FromMinutes(10));
            Assert.Equal(date, schedule.LocalDate(occurrence));
        }
    }

    [Fact]
    public void Occurrences_keep_the_local_time_as_the_utc_offset_changes()
    {
        var berlin = At("09:00", "Europe/Berlin");

        Assert.Equal(new DateTimeOffset(2026, 3, 28, 8, 0, 0, TimeSpan.Zero), berlin.Occurrence(new DateOnly(2026, 3, 28)));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero), berlin.Occurrence(new DateOnly(2026, 3, 29)));

        // 02:30 does not exist on 29 March in Berlin: it fires at 03:30 CEST; on 25 October it exists twice: the first one.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), At("02:30", "Europe/Berlin").Occurrence(new DateOnly(2026, 3, 29)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), At("02:30", "Europe/Berlin").Occurrence(new DateOnly(2026, 10, 25)));
    }

    [Fact]
    public void A_missed_post_is_caught_up_inside_the_grace_window_and_skipped_outside_it()
    {
        var schedule = At("09:00", "Europe/Berlin");
        var occurrence = schedule.Occurrence(new DateOnly(2026, 11, 2));

        Assert.Equal(new DateOnly(2026, 11, 2), ReminderPlan.Decide(schedule, new DateOnly(2026, 11, 1), occurrence.AddHours(5), Grace).PostFor);
        var late = ReminderPlan.Decide(schedule, new DateOnly(2026, 11, 1), occurrence.AddHours(7), Grace);
        Assert.Null(late.PostFor);
        Assert.Equal(schedule.Occurrence(new DateOnly(2026, 11, 3)), late.NextAt);
    }

    [Fact]
    public void Already_claimed_dates_and_days_off_are_not_posted()
    {
        var weekdays = At("09:00", "Europe/Berlin", "mon-fri");
        var saturday = weekdays.Occurrence(new DateOnly(2026, 11, 7));

        Assert.Null(ReminderPlan.Decide(weekdays, null, saturday.AddMinutes(1), Grace).PostFor);
        Assert.Equal(weekdays.Occurrence(new DateOnly(2026, 11, 9)), ReminderPlan.Decide(weekdays, null, saturday, Grace).NextAt);
        var monday = weekdays.Occurrence(new DateOnly(2026, 11, 9)).AddMinutes(1);
        Assert.Null(ReminderPlan.Decide(weekdays, new DateOnly(2026, 11, 9), monday, Grace).PostFor);
    }

    [Theory]
    [InlineData("mon-fri", "Monday,Tuesday,Wednesday,Thursday,Friday")]
    [InlineData("fri-mon", "Sunday,Monday,Friday,Saturday")]
    [InlineData("mon,wed", "Monday,Wednesday")]
    [InlineData("weekends", "Sunday,Saturday")]
    public void Days_parse(string text, string expected) =>
        Assert.Equal(expected.Split(',').Select(Enum.Parse<DayOfWeek>).Order(), ReminderSchedule.ParseDays(text)!.Order());

    [Fact]
    public void Bad_days_are_rejected() => Assert.Null(ReminderSchedule.ParseDays("mon-blah"));

    [Fact]
    public void Cue_of_the_day_is_stable_for_a_guild_and_date_and_varies_over_days()
    {
        var date = new DateOnly(2026, 11, 2);
        Assert.Equal(CueOfTheDay.Index("g1", date, 50), CueOfTheDay.Index("g1", date, 50));
        Assert.True(Enumerable.Range(0, 10).Select(i => CueOfTheDay.Index("g1", date.AddDays(i), 50)).Distinct().Count() > 3);
    }
}
