using BackendPrep.Core.Drills;

namespace BackendPrep.Core.Progress;

public enum LeaderboardPeriod
{
    Week,
    Month,
    All,
}

public enum LeaderboardMetric
{
    Streak,
    Reviews,
    Coverage,
}

/// <summary>A review as the leaderboard counts it: when, which card, and whether it was off-schedule cramming.</summary>
public sealed record ReviewMark(DateTimeOffset At, string CardId, bool IsCram);

/// <summary>An opted-in member's raw activity; the leaderboard derives every figure from it the same way for everyone.</summary>
public sealed record LeaderboardEntrant(
    string UserId,
    string Name,
    TimeZoneInfo Zone,
    IReadOnlyList<ReviewMark> Reviews,
    IReadOnlyList<(DateTimeOffset At, double Score)> Attempts);

public sealed record LeaderboardRow(int Rank, string UserId, string Name, double Value, int Tiebreak);

/// <summary>
/// Ranks a guild's opted-in members. Reviews count each card once per local day, skip cram ratings, and are capped per
/// day, so clicking Easy through a deck (or re-cramming it) cannot buy the top spot. Ties fall to a second figure and
/// then to the user id, so the order never depends on the order members were read in.
/// </summary>
public sealed class Leaderboard(int dailyReviewCap = Leaderboard.DefaultDailyReviewCap, StreakRules? streaks = null)
{
    public const int DefaultDailyReviewCap = 50;

    private readonly StreakRules _streaks = streaks ?? new StreakRules();

    public int DailyReviewCap { get; } = dailyReviewCap >= 1 ? dailyReviewCap : throw new ArgumentOutOfRangeException(nameof(dailyReviewCap));

    public IReadOnlyList<LeaderboardRow> Rank(IEnumerable<LeaderboardEntrant> entrants, LeaderboardMetric metric, LeaderboardPeriod period, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entrants);
        var scored = entrants
            .DistinctBy(e => e.UserId, StringComparer.Ordinal)
            .Select(e => Score(e, metric, period, now))
            .Where(s => s is not null)
            .Select(s => s!.Value)
            .OrderByDescending(s => s.Value)
            .ThenByDescending(s => s.Tiebreak)
            .ThenBy(s => s.Entrant.UserId, StringComparer.Ordinal)
            .ToList();
        return [.. scored.Select((s, i) => new LeaderboardRow(i + 1, s.Entrant.UserId, s.Entrant.Name, s.Value, s.Tiebreak))];
    }

    /// <summary>Reviews that count, per the rules above, within the period.</summary>
    public int CountedReviews(LeaderboardEntrant entrant, LeaderboardPeriod period, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entrant);
        var (from, today) = Window(entrant.Zone, period, now);
        return entrant.Reviews
            .Where(r => !r.IsCram)
            .Select(r => (Day: DrillQueue.LocalDate(r.At, entrant.Zone), r.CardId))
            .Where(r => r.Day >= from && r.Day <= today)
            .Distinct()
            .GroupBy(r => r.Day)
            .Sum(g => Math.Min(g.Count(), DailyReviewCap));
    }

    private (LeaderboardEntrant Entrant, double Value, int Tiebreak)? Score(LeaderboardEntrant e, LeaderboardMetric metric, LeaderboardPeriod period, DateTimeOffset now)
    {
        switch (metric)
        {
            case LeaderboardMetric.Reviews:
                var reviews = CountedReviews(e, period, now);
                return reviews == 0 ? null : (e, reviews, Streak(e, period, now));
            case LeaderboardMetric.Streak:
                var streak = Streak(e, period, now);
                return streak == 0 ? null : (e, streak, CountedReviews(e, period, now));
            default:
                var (from, today) = Window(e.Zone, period, now);
                var scores = e.Attempts.Where(a => DrillQueue.LocalDate(a.At, e.Zone) is var d && d >= from && d <= today).Select(a => a.Score).ToList();
                return scores.Count == 0 ? null : (e, Math.Round(scores.Average(), 4), scores.Count);
        }
    }

    /// <summary>The current streak, or for "all time" the best one ever.</summary>
    private int Streak(LeaderboardEntrant e, LeaderboardPeriod period, DateTimeOffset now)
    {
        var summary = _streaks.Compute(e.Reviews.Select(r => r.At), e.Zone, now);
        return period == LeaderboardPeriod.All ? summary.Best : summary.Current;
    }

    private static (DateOnly From, DateOnly Today) Window(TimeZoneInfo zone, LeaderboardPeriod period, DateTimeOffset now)
    {
        var today = DrillQueue.LocalDate(now, zone);
        return period switch
        {
            LeaderboardPeriod.Week => (today.AddDays(-6), today),
            LeaderboardPeriod.Month => (today.AddDays(-29), today),
            _ => (DateOnly.MinValue, today),
        };
    }
}
