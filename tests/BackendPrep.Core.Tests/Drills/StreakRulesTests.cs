using BackendPrep.Core.Drills;

namespace BackendPrep.Core.Tests.Drills;

public sealed class StreakRulesTests
{
    private static readonly TimeZoneInfo Minus5 =
        TimeZoneInfo.CreateCustomTimeZone("Test/Minus5", TimeSpan.FromHours(-5), "UTC-5", "UTC-5");

    // Central European rules: +1, +2 from the last Sunday of March 02:00 to the last Sunday of October 03:00.
    private static readonly TimeZoneInfo Central = TimeZoneInfo.CreateCustomTimeZone(
        "Test/Central", TimeSpan.FromHours(1), "CET", "CET", "CEST",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday)),
        ]);

    private readonly StreakRules _rules = new();

    /// <summary><paramref name="count"/> reviews a minute apart from a local time in <paramref name="zone"/>.</summary>
    private static IEnumerable<DateTimeOffset> Reviews(TimeZoneInfo zone, DateTime local, int count = 5) =>
        Enumerable.Range(0, count).Select(i => At(zone, local.AddMinutes(i)));

    private static DateTimeOffset At(TimeZoneInfo zone, DateTime local) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);

    /// <summary>Five reviews at noon on each given day of March 2026 (2 March is a Monday).</summary>
    private static IEnumerable<DateTimeOffset> MarchDays(params int[] days) =>
        days.SelectMany(d => Reviews(Minus5, new DateTime(2026, 3, d, 12, 0, 0)));

    private static DateTimeOffset MarchEvening(int day) => At(Minus5, new DateTime(2026, 3, day, 20, 0, 0));

    [Fact]
    public void Consecutive_counted_days_make_the_streak()
    {
        Assert.Equal(DayOfWeek.Monday, new DateOnly(2026, 3, 2).DayOfWeek);
        var s = _rules.Compute(MarchDays(2, 3, 4), Minus5, MarchEvening(4));
        Assert.Equal((3, 3, 5, 0), (s.Current, s.Best, s.TodayReviews, s.ReviewsNeededToday));
        Assert.True(s.TodayCounts);
        Assert.Empty(s.FrozenDays);
    }

    [Fact]
    public void A_day_with_too_few_reviews_does_not_count_but_today_is_still_open()
    {
        var times = MarchDays(2, 3).Concat(Reviews(Minus5, new DateTime(2026, 3, 4, 9, 0, 0), 4));
        var s = _rules.Compute(times, Minus5, MarchEvening(4));
        Assert.Equal((2, 2, 4, 1), (s.Current, s.Best, s.TodayReviews, s.ReviewsNeededToday));

        var lenient = new StreakRules(minReviews: 4).Compute(times, Minus5, MarchEvening(4));
        Assert.Equal((3, 0), (lenient.Current, lenient.ReviewsNeededToday));
    }

    [Fact]
    public void Reviews_either_side_of_local_midnight_count_for_different_days()
    {
        // 23:30 and 00:30 local are 04:30 and 05:30 UTC on the same UTC day.
        var times = Reviews(Minus5, new DateTime(2026, 3, 2, 23, 30, 0))
            .Concat(Reviews(Minus5, new DateTime(2026, 3, 3, 0, 30, 0)));
        var s = _rules.Compute(times, Minus5, At(Minus5, new DateTime(2026, 3, 3, 1, 0, 0)));
        Assert.Equal((2, 2), (s.Current, s.Best));

        var split = Reviews(Minus5, new DateTime(2026, 3, 2, 23, 30, 0), 3)
            .Concat(Reviews(Minus5, new DateTime(2026, 3, 3, 0, 30, 0), 3));
        var none = _rules.Compute(split, Minus5, At(Minus5, new DateTime(2026, 3, 3, 1, 0, 0)));
        Assert.Equal((0, 0, 3), (none.Current, none.Best, none.TodayReviews));
    }

    [Fact]
    public void Local_days_follow_the_spring_forward_change()
    {
        // 29 March 2026 has 23 hours in Central Europe.
        var times = Reviews(Central, new DateTime(2026, 3, 28, 23, 30, 0))
            .Concat(Reviews(Central, new DateTime(2026, 3, 29, 0, 30, 0)))
            .Concat(Reviews(Central, new DateTime(2026, 3, 30, 0, 30, 0)));
        var s = _rules.Compute(times, Central, At(Central, new DateTime(2026, 3, 30, 12, 0, 0)));
        Assert.Equal((3, 3, 5), (s.Current, s.Best, s.TodayReviews));
    }

    [Fact]
    public void Local_days_follow_the_fall_back_change()
    {
        // 25 October 2026 has 25 hours; 00:30 and 23:30 that day are both the 25th.
        var times = Reviews(Central, new DateTime(2026, 10, 25, 0, 30, 0))
            .Concat(Reviews(Central, new DateTime(2026, 10, 25, 23, 30, 0), 2))
            .Concat(Reviews(Central, new DateTime(2026, 10, 26, 0, 30, 0)));
        var s = _rules.Compute(times, Central, At(Central, new DateTime(2026, 10, 26, 9, 0, 0)));
        Assert.Equal((2, 5), (s.Current, s.TodayReviews));
    }

    [Fact]
    public void A_single_missed_day_uses_the_week_freeze()
    {
        var s = _rules.Compute(MarchDays(2, 3, 5, 6), Minus5, MarchEvening(6));
        Assert.Equal((4, 4), (s.Current, s.Best));
        Assert.Equal([new DateOnly(2026, 3, 4)], s.FrozenDays);
    }

    [Fact]
    public void Two_missed_days_in_a_row_break_the_streak_and_keep_the_freeze()
    {
        // Wed and Thu missed: broken. Sat missed later that week: the unspent freeze covers it.
        var s = _rules.Compute(MarchDays(2, 3, 6, 8), Minus5, MarchEvening(8));
        Assert.Equal((2, 2), (s.Current, s.Best));
        Assert.Equal([new DateOnly(2026, 3, 7)], s.FrozenDays);
    }

    [Fact]
    public void A_second_miss_in_the_same_iso_week_breaks_the_streak()
    {
        var s = _rules.Compute(MarchDays(2, 4, 6), Minus5, MarchEvening(6));
        Assert.Equal((1, 2), (s.Current, s.Best));
        Assert.Equal([new DateOnly(2026, 3, 3)], s.FrozenDays);
    }

    [Fact]
    public void Each_iso_week_has_its_own_freeze()
    {
        var days = Enumerable.Range(2, 12).Where(d => d is not 4 and not 11).ToArray();
        var s = _rules.Compute(MarchDays(days), Minus5, MarchEvening(13));
        Assert.Equal((10, 10), (s.Current, s.Best));
        Assert.Equal([new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 11)], s.FrozenDays);
    }

    [Fact]
    public void Yesterday_missed_keeps_the_streak_alive_until_today_ends()
    {
        var alive = _rules.Compute(MarchDays(2, 3), Minus5, MarchEvening(5));
        Assert.Equal((2, 5), (alive.Current, alive.ReviewsNeededToday));
        Assert.Equal([new DateOnly(2026, 3, 4)], alive.FrozenDays);

        var broken = _rules.Compute(MarchDays(2, 3), Minus5, MarchEvening(6));
        Assert.Equal((0, 2), (broken.Current, broken.Best));
        Assert.Empty(broken.FrozenDays);
    }

    [Fact]
    public void No_reviews_means_no_streak()
    {
        var s = _rules.Compute([], Minus5, MarchEvening(6));
        Assert.Equal((0, 0, 0, 5), (s.Current, s.Best, s.TodayReviews, s.ReviewsNeededToday));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StreakRules(0));
    }
}
