using System.Globalization;

namespace BackendPrep.Core.Drills;

/// <summary>A user's streak at one moment.</summary>
/// <param name="Current">Counted days in the streak still alive (today included once it counts).</param>
/// <param name="Best">Longest streak ever, counted days only.</param>
/// <param name="TodayReviews">Reviews done on the user's local today.</param>
/// <param name="ReviewsNeededToday">Reviews still needed for today to count (0 when it does).</param>
/// <param name="FrozenDays">Missed days a freeze covered, oldest first (only freezes that saved a streak).</param>
public sealed record StreakSummary(
    int Current,
    int Best,
    int TodayReviews,
    int ReviewsNeededToday,
    IReadOnlyList<DateOnly> FrozenDays)
{
    public bool TodayCounts => ReviewsNeededToday == 0;
}

/// <summary>
/// Streak rules, on the user's local calendar: a day counts when it has at least <see cref="MinReviews"/> reviews.
/// A single missed day is covered by a freeze, at most one per ISO week (Monday–Sunday, by the missed day); two
/// missed days in a row, or a second miss in a week whose freeze is spent, break the streak. A frozen day keeps the
/// streak alive but adds nothing to it. Today is never a miss: it is still in progress.
/// </summary>
public sealed class StreakRules
{
    public const int DefaultMinReviews = 5;

    public StreakRules(int minReviews = DefaultMinReviews)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minReviews, 1);
        MinReviews = minReviews;
    }

    public int MinReviews { get; }

    public StreakSummary Compute(IEnumerable<DateTimeOffset> reviewTimes, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reviewTimes);
        ArgumentNullException.ThrowIfNull(zone);
        return Compute(LocalDays.Count(reviewTimes, zone), DrillQueue.LocalDate(now, zone));
    }

    /// <summary>The same from reviews already counted per local day (<see cref="LocalDays.Count"/>); days after <paramref name="today"/> are ignored.</summary>
    public StreakSummary Compute(IReadOnlyDictionary<DateOnly, int> reviewsPerDay, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(reviewsPerDay);
        var perDay = reviewsPerDay.Where(p => p.Key <= today);
        var todayReviews = reviewsPerDay.GetValueOrDefault(today);
        var needed = Math.Max(0, MinReviews - todayReviews);
        var counted = perDay.Where(p => p.Value >= MinReviews).Select(p => p.Key).ToHashSet();
        if (counted.Count == 0)
        {
            return new StreakSummary(0, 0, todayReviews, needed, []);
        }

        var frozen = new List<DateOnly>();
        var weeksWithFreeze = new HashSet<(int Year, int Week)>();
        DateOnly? pendingFreeze = null;
        int run = 0, best = 0;
        for (var day = counted.Min(); day <= today; day = day.AddDays(1))
        {
            if (counted.Contains(day))
            {
                run++;
                best = Math.Max(best, run);
                if (pendingFreeze is { } saved)
                {
                    frozen.Add(saved);
                    pendingFreeze = null;
                }
            }
            else if (day == today || run == 0)
            {
                // Today is still in progress; with no streak running there is nothing to lose.
            }
            else if (pendingFreeze is { } earlier)
            {
                // Second miss in a row: the streak is gone and the freeze it would have used is given back.
                weeksWithFreeze.Remove(WeekOf(earlier));
                pendingFreeze = null;
                run = 0;
            }
            else if (weeksWithFreeze.Add(WeekOf(day)))
            {
                pendingFreeze = day;
            }
            else
            {
                run = 0;
            }
        }

        // A freeze covering yesterday stays provisional while today is open, but the streak is alive meanwhile.
        if (pendingFreeze is { } open)
        {
            frozen.Add(open);
        }

        return new StreakSummary(run, best, todayReviews, needed, frozen);
    }

    private static (int Year, int Week) WeekOf(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return (ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }
}
